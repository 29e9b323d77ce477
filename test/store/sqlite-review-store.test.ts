import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { KyselyReviewStore } from '../../src/store/kysely-review-store';
import { migrateToLatest } from '../../src/store/migrations';
import { openSqlite } from '../../src/store/review-database';
import { reviewIn, reviewStoreContract } from './review-store-contract';

const directory = mkdtempSync(join(tmpdir(), 'cin-store-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let n = 0;
const fileFor = () => join(directory, `store-${++n}.sqlite`);

async function openStore(file = fileFor()) {
  const db = openSqlite(file);
  await migrateToLatest(db);
  return new KyselyReviewStore(db);
}

reviewStoreContract('SQLite', () => openStore());

describe('the SQLite file', () => {
  it('is in WAL mode with synchronous FULL, and migrating twice is harmless', async () => {
    const file = fileFor();
    const store = await openStore(file);
    await store.create(reviewIn('c'), 'k');
    await store.close();
    const again = await openStore(file);
    expect(await again.findOpen('c')).toBeDefined();
    await again.close();
    const raw = new Database(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const db = openSqlite(file);
    const { rows } = await db.executeQuery<{ synchronous: number }>({ sql: 'PRAGMA synchronous', parameters: [], query: { kind: 'RawNode' } as never, queryId: { queryId: 'q' } });
    expect(rows[0]?.synchronous).toBe(2); // FULL
    await db.destroy();
  });
});
