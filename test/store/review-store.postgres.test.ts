import { sql } from 'kysely';
import { KyselyReviewStore } from '../../src/store/kysely-review-store';
import { migrateToLatest } from '../../src/store/migrations';
import { openPostgres } from '../../src/store/review-database';
import { reviewStoreContract } from './review-store-contract';

const SERVER = process.env.CIN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Each store gets a schema of its own in the test database, dropped afterwards. */
const schemas: string[] = [];
afterAll(async () => {
  const admin = openPostgres(SERVER);
  for (const schema of schemas) await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(admin);
  await admin.destroy();
});

reviewStoreContract('PostgreSQL', async () => {
  const schema = `cin_test_${process.pid}_${schemas.length}`;
  schemas.push(schema);
  const admin = openPostgres(SERVER);
  await sql.raw(`CREATE SCHEMA ${schema}`).execute(admin);
  await admin.destroy();
  const url = `${SERVER}${SERVER.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const db = openPostgres(url);
  await migrateToLatest(db, schema);
  return new KyselyReviewStore(db);
});
