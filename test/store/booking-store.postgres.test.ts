import { postgresDatabases } from '../support/booking-databases';
import { bookingStoreContract } from './booking-store-contract';

bookingStoreContract('PostgreSQL', postgresDatabases('bookings'));
