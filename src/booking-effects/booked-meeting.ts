import type { BookedMeeting } from '../domain/minutes-delivery/minutes-document-of';
import { Review } from '../domain/review/review';
import type { BookingStore } from '../ports/booking-store';
import { EffectFailure } from '../ports/effect-failure';

/** How many tries a minutes send waits for the Teams link of the next meeting before going without it. */
export const WAIT_FOR_JOIN_LINK_TRIES = 5;
const WAIT_MS = 5000;

/**
 * What the minutes say of the next meeting's booking beyond the review's own record: its Teams link.
 * Sign-off queues the booking and the minutes together, so a send may come before the calendar has
 * answered: it then waits (a retry) a few times, and after that goes without the link rather than
 * holding the minutes back (the invitation carries the link too).
 */
export async function bookedMeetingOf(bookings: Pick<BookingStore, 'get'> | undefined, review: Review, attempts: number): Promise<BookedMeeting | undefined> {
  const asked = review.nextMeeting?.booking;
  if (!bookings || !asked?.online) return undefined;
  const booking = await bookings.get(asked.bookingKey);
  if (booking?.joinUrl) return { joinUrl: booking.joinUrl };
  const answered = booking?.calendarSequence !== undefined;
  if (!answered && attempts < WAIT_FOR_JOIN_LINK_TRIES) {
    throw new EffectFailure('BOOKING_PENDING', 'The next meeting is still being booked: waiting for its Teams link', { retryable: true, retryAfterMs: WAIT_MS });
  }
  return undefined;
}
