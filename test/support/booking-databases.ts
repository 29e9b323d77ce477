import { Kysely, sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '../../src/store/migrations';
import { ReviewDatabase, openPostgres, openSqlite } from '../../src/store/review-database';

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

const SERVER = process.env.CIN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Schemas in the PostgreSQL test database (CIN_TEST_POSTGRES_URL), each dropped after the file's tests. */
export function postgresDatabases(prefix: string): OpenDatabase {
  const schemas: string[] = [];
  afterAll(async () => {
    const admin = openPostgres(SERVER);
    for (const schema of schemas) await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(admin);
    await admin.destroy();
  });
  return async () => {
    const schema = `cin_${prefix}_test_${process.pid}_${schemas.length}`;
    schemas.push(schema);
    const admin = openPostgres(SERVER);
    await sql.raw(`CREATE SCHEMA ${schema}`).execute(admin);
    await admin.destroy();
    const url = `${SERVER}${SERVER.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const db = openPostgres(url);
    await migrateToLatest(db, schema);
    return { db, dialect: 'postgres' };
  };
}
