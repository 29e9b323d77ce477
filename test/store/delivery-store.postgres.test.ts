import { sql } from 'kysely';
import { KyselyDeliveryStore } from '../../src/store/kysely-delivery-store';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { migrateToLatest } from '../../src/store/migrations';
import { openPostgres } from '../../src/store/review-database';
import { deliveryStoreContract } from './delivery-store-contract';

const SERVER = process.env.CIN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Each test gets a schema of its own in the test database, dropped afterwards. */
const schemas: string[] = [];
afterAll(async () => {
  const admin = openPostgres(SERVER);
  for (const schema of schemas) await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(admin);
  await admin.destroy();
});

deliveryStoreContract('PostgreSQL', async () => {
  const schema = `cin_delivery_test_${process.pid}_${schemas.length}`;
  schemas.push(schema);
  const admin = openPostgres(SERVER);
  await sql.raw(`CREATE SCHEMA ${schema}`).execute(admin);
  await admin.destroy();
  const db = openPostgres(`${SERVER}${SERVER.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  await migrateToLatest(db, schema);
  return { deliveries: new KyselyDeliveryStore(db), outbox: new KyselyOutbox(db, 'postgres'), close: () => db.destroy() };
});
