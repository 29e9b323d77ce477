import { sqliteDatabases } from '../support/booking-databases';
import { bookingStoreContract } from './booking-store-contract';

bookingStoreContract('SQLite', sqliteDatabases('bookings'));
