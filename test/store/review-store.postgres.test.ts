import { KyselyReviewStore } from '../../src/store/kysely-review-store';
import { openPostgres } from '../../src/store/review-database';
import { reviewStoreContract } from './review-store-contract';
import { postgresSchemas } from '../support/postgres-schemas';

const freshSchema = postgresSchemas('review');

reviewStoreContract('PostgreSQL', async () => new KyselyReviewStore(openPostgres(await freshSchema())));
