import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { KyselyReviewStore } from '../../src/store/kysely-review-store';
import { migrateToLatest } from '../../src/store/migrations';
import { openSqlite } from '../../src/store/review-database';
import { outboxContract } from './outbox-contract';
import { RaceResult, expectEachPerformedOnce, raceDispatchers } from './outbox-race';

const directory = mkdtempSync(join(tmpdir(), 'cin-outbox-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let n = 0;
const fileFor = () => join(directory, `outbox-${++n}.sqlite`);

outboxContract('SQLite', async (queueClock) => {
  const db = openSqlite(fileFor());
  await migrateToLatest(db);
  const store = new KyselyReviewStore(db, queueClock);
  return { store, outbox: new KyselyOutbox(db, 'sqlite'), close: () => store.close() };
});

describe('the SQLite outbox shared by two connections to one file, raced by two dispatchers on each', () => {
  let result: RaceResult;
  beforeAll(async () => {
    const file = fileFor();
    const first = openSqlite(file);
    await migrateToLatest(first);
    const second = openSqlite(file);
    try {
      result = await raceDispatchers(new KyselyReviewStore(first), [new KyselyOutbox(first, 'sqlite'), new KyselyOutbox(second, 'sqlite')]);
    } finally {
      await first.destroy();
      await second.destroy();
    }
  });

  it('performs each of 200 effects exactly once, and all are done', () => {
    expectEachPerformedOnce(result);
  });

  it('never fails a take, completion or retry on the other connection holding the file', () => {
    expect(result.errors).toEqual([]);
  });
});
