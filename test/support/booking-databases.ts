import { Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '../../src/store/migrations';
import { ReviewDatabase, openPostgres, openSqlite } from '../../src/store/review-database';
import { postgresSchemas } from './postgres-schemas';

/** A migrated database for one test: a SQLite file of its own, or a PostgreSQL schema of its own. */
export interface TestDatabase {
  readonly db: Kysely<ReviewDatabase>;
  readonly dialect: 'sqlite' | 'postgres';
}

export type OpenDatabase = () => Promise<TestDatabase>;

/** SQLite files in a temporary folder, removed after the file's tests. */
export function sqliteDatabases(prefix: string): OpenDatabase {
  const directory = mkdtempSync(join(tmpdir(), `cin-${prefix}-`));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  let n = 0;
  return async () => {
    const db = openSqlite(join(directory, `${prefix}-${++n}.sqlite`));
    await migrateToLatest(db);
    return { db, dialect: 'sqlite' };
  };
}

/** Schemas in the PostgreSQL test database (CIN_TEST_POSTGRES_URL), each dropped after the file's tests. */
export function postgresDatabases(prefix: string): OpenDatabase {
  const freshSchema = postgresSchemas(prefix);
  return async () => ({ db: openPostgres(await freshSchema()), dialect: 'postgres' });
}
