import { sql } from 'kysely';
import { migrateToLatest } from '../../src/store/migrations';
import { openPostgres } from '../../src/store/review-database';

/** The PostgreSQL test server (trust auth, database `test`). */
export const POSTGRES_TEST_SERVER = process.env.CIN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Fresh, migrated schemas in the PostgreSQL test database, one per call, each dropped after the
 * file's tests. Each call answers a connection string whose search path is that schema (every
 * `openPostgres` of it is a pool of its own).
 */
export function postgresSchemas(prefix: string): () => Promise<string> {
  const schemas: string[] = [];
  afterAll(async () => {
    const admin = openPostgres(POSTGRES_TEST_SERVER);
    for (const schema of schemas) await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(admin);
    await admin.destroy();
  });
  return async () => {
    const schema = `cin_${prefix}_test_${process.pid}_${schemas.length}`;
    schemas.push(schema);
    const admin = openPostgres(POSTGRES_TEST_SERVER);
    await sql.raw(`CREATE SCHEMA ${schema}`).execute(admin);
    await admin.destroy();
    const server = POSTGRES_TEST_SERVER;
    const url = `${server}${server.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const db = openPostgres(url);
    await migrateToLatest(db, schema);
    await db.destroy();
    return url;
  };
}
