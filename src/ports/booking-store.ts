import type { Booking } from '../domain/booking/booking';
import type { BookedEvent } from './calendar';
import type { NewEffect } from './outbox';

export type BookingCreateResult = 'created' | 'exists';
export type BookingSaveResult = 'saved' | 'conflict';

/** The stored bookings of next reviews, each saved with the effects its change queued, in one transaction. */
export interface BookingStore {
  /** A new booking; 'exists' (and nothing queued) when its key is already booked, e.g. a retried turn. */
  create(booking: Booking, effects: readonly NewEffect[]): Promise<BookingCreateResult>;
  /**
   * A changed booking (moved, cancelled), if it is still at `expectedSequence`. Only what the people
   * decide is written: what the calendar answered (event id, link) is kept as it is.
   */
  save(booking: Booking, expectedSequence: number, effects: readonly NewEffect[]): Promise<BookingSaveResult>;
  get(bookingKey: string): Promise<Booking | undefined>;
  /** What the calendar answered for the change at `sequence` (see withCalendarAnswer); the booking as it is now. */
  recordCalendarAnswer(bookingKey: string, sequence: number, answer: BookedEvent): Promise<Booking | undefined>;
  /** The bookings not cancelled of any of these cases that start at or after `from`, each once, soonest first (for `due`, `bookings` and the next set-up). */
  upcomingOfCases(tenantId: string, caseReferences: readonly string[], from: string): Promise<Booking[]>;
  /** The organiser's bookings not cancelled that start at or after `from`, soonest first (for `bookings`). */
  upcomingOfOrganiser(tenantId: string, organiserEmail: string, from: string): Promise<Booking[]>;
  /** Bookings not cancelled of this organiser that overlap [from, to): the chair's other reviews, for the slot search. */
  ofOrganiserBetween(tenantId: string, organiserEmail: string, from: string, to: string): Promise<Booking[]>;
}
