import { Kysely } from 'kysely';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { KyselyReviewStore } from '../../src/store/kysely-review-store';
import { ReviewDatabase, openPostgres } from '../../src/store/review-database';
import { outboxContract } from './outbox-contract';
import { RaceResult, expectEachPerformedOnce, raceDispatchers } from './outbox-race';
import { postgresSchemas } from '../support/postgres-schemas';

const freshSchema = postgresSchemas('outbox');

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
