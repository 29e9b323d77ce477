import { Kysely, sql } from 'kysely';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { KyselyReviewStore } from '../../src/store/kysely-review-store';
import { migrateToLatest } from '../../src/store/migrations';
import { ReviewDatabase, openPostgres } from '../../src/store/review-database';
import { outboxContract } from './outbox-contract';
import { RaceResult, expectEachPerformedOnce, raceDispatchers } from './outbox-race';

const SERVER = process.env.CIN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Each test gets a schema of its own in the test database, dropped afterwards. */
const schemas: string[] = [];
afterAll(async () => {
  const admin = openPostgres(SERVER);
  for (const schema of schemas) await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(admin);
  await admin.destroy();
});

/** A fresh migrated schema; returns its connection string (each `openPostgres` of it is a pool of its own). */
async function freshSchema(): Promise<string> {
  const schema = `cin_outbox_test_${process.pid}_${schemas.length}`;
  schemas.push(schema);
  const admin = openPostgres(SERVER);
  await sql.raw(`CREATE SCHEMA ${schema}`).execute(admin);
  await admin.destroy();
  const url = `${SERVER}${SERVER.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const db = openPostgres(url);
  await migrateToLatest(db, schema);
  await db.destroy();
  return url;
}

outboxContract('PostgreSQL', async (queueClock) => {
  const db = openPostgres(await freshSchema());
  const store = new KyselyReviewStore(db, queueClock);
  return { store, outbox: new KyselyOutbox(db, 'postgres'), close: () => store.close() };
});

describe('the PostgreSQL outbox on two pools, raced by two dispatchers on each', () => {
  let result: RaceResult;
  beforeAll(async () => {
    const url = await freshSchema();
    const pools: Array<Kysely<ReviewDatabase>> = [openPostgres(url), openPostgres(url)];
    try {
      result = await raceDispatchers(new KyselyReviewStore(pools[0]!), pools.map((db) => new KyselyOutbox(db, 'postgres')));
    } finally {
      await Promise.all(pools.map((db) => db.destroy()));
    }
  });

  it('performs each of 200 effects exactly once, and all are done', () => {
    expectEachPerformedOnce(result);
  });

  it('never fails a take, completion or retry', () => {
    expect(result.errors).toEqual([]);
  });
});
