import { sqliteDatabases } from '../support/booking-databases';
import { bookingPipelineContract } from './booking-pipeline-contract';

bookingPipelineContract('SQLite', sqliteDatabases('booking-pipeline'));
