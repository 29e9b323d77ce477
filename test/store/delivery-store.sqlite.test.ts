import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KyselyDeliveryStore } from '../../src/store/kysely-delivery-store';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { migrateToLatest } from '../../src/store/migrations';
import { openSqlite } from '../../src/store/review-database';
import { deliveryStoreContract, indexCase } from './delivery-store-contract';

const directory = mkdtempSync(join(tmpdir(), 'cin-deliveries-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let n = 0;

deliveryStoreContract('SQLite', async () => {
  const db = openSqlite(join(directory, `deliveries-${++n}.sqlite`));
  await migrateToLatest(db);
  return { deliveries: new KyselyDeliveryStore(db), outbox: new KyselyOutbox(db, 'sqlite'), close: () => db.destroy(), indexCase: (row) => indexCase(db, row) };
});
