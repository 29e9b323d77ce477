import { postgresDatabases } from '../support/booking-databases';
import { bookingPipelineContract } from './booking-pipeline-contract';

bookingPipelineContract('PostgreSQL', postgresDatabases('booking_pipeline'));
