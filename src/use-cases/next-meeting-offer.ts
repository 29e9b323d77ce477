import { organiserOf, schoolAgeChildExpected } from '../domain/review/next-booking';
import { BookedAs, Review, SlotOffer } from '../domain/review/review';
import type { BookingStore } from '../ports/booking-store';
import type { NextMeetingBooking } from './review-actions';

/**
 * The times offered at the next-meeting step: inside the case's window for the next review, free
 * for every attendee whose calendar can be read, kept clear of the organiser's other reviews.
 * Undefined when the case has no window (its timescales say why; the chair types a date).
 */
export async function slotOfferFor(booking: Pick<NextMeetingBooking, 'freeSlots' | 'rules'>, review: Review, schoolAge: boolean | undefined, now: string): Promise<SlotOffer | undefined> {
  const window = review.timescales?.nextReview;
  if (!window) return undefined;
  const schoolAgeChild = schoolAge ?? schoolAgeChildExpected(review);
  const organiser = organiserOf(review, booking.rules) ?? { name: review.chair.name, email: '' };
  const found = await booking.freeSlots.offer({
    tenantId: review.tenantId,
    organiser,
    attendees: review.attendees.map((a) => ({ name: a.name, email: a.email })),
    window,
    schoolAgeChildAttends: schoolAgeChild,
    now,
  });
  return {
    slots: found.slots.map((s) => ({ start: s.start, end: s.end, date: s.date, time: s.time, endTime: s.endTime })),
    unreadable: found.unreadable,
    schoolAgeChild,
    at: now,
  };
}

/**
 * The booking a new review here starts from: the soonest upcoming booking, not cancelled, of a case
 * of the last review finished in this chat (as it stands now: moved, it is the new time).
 */
export async function bookedStartOf(bookings: Pick<BookingStore, 'upcomingOfCases'>, last: Review | undefined, now: string): Promise<BookedAs | undefined> {
  if (!last || last.status !== 'signed-off') return undefined;
  const dayStart = `${now.slice(0, 10)}T00:00:00.000Z`;
  const [soonest] = await bookings.upcomingOfCases(last.tenantId, (last.setUp?.children ?? []).map((c) => c.caseReference), dayStart);
  if (!soonest) return undefined;
  return { bookingKey: soonest.bookingKey, start: soonest.start, end: soonest.end, online: soonest.online, location: soonest.location, caseReferences: soonest.caseReferences };
}
