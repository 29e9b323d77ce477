import { KyselyDeliveryStore } from '../../src/store/kysely-delivery-store';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { openPostgres } from '../../src/store/review-database';
import { deliveryStoreContract, indexCase } from './delivery-store-contract';
import { postgresSchemas } from '../support/postgres-schemas';

const freshSchema = postgresSchemas('delivery');

deliveryStoreContract('PostgreSQL', async () => {
  const db = openPostgres(await freshSchema());
  return { deliveries: new KyselyDeliveryStore(db), outbox: new KyselyOutbox(db, 'postgres'), close: () => db.destroy(), indexCase: (row) => indexCase(db, row) };
});
