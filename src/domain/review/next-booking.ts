import { bookingKeyOf } from '../booking/booking';
import { formatWallTime, londonDateOf, londonInstant, londonMinutesOf, parseWallTime } from '../booking/london-wall-clock';
import { formatCalendarDate } from '../timescales/calendar-date';
import { NextMeeting, NextMeetingBooking, OfferedSlot, Review, SlotOffer } from './review';
import { samePerson } from './same-person';

/**
 * Booking the next review, as the review sees it: whether a school-age child is expected, whether
 * the meeting is online, who organises it, and what sign-off asks the calendar to hold. Pure.
 */

/** What the service configures for a booking: a shared organiser ('' for the chair) and the meeting's length. */
export interface BookingRules {
  readonly sharedOrganiser: string;
  readonly durationMinutes: number;
}

export type NextBookingPlan =
  | { readonly kind: 'book'; readonly booking: NextMeetingBooking }
  /** Closure, or no next meeting recorded: nothing to book. */
  | { readonly kind: 'none' }
  /** A date without a time: the chair books it later (`book review`). */
  | { readonly kind: 'no-time' }
  /** Nobody's mailbox can hold it: no shared organiser configured and no email known for the chair. */
  | { readonly kind: 'no-organiser' }
  /** The time typed does not exist in London (the hour skipped when the clocks go forward). */
  | { readonly kind: 'no-such-time' };

/**
 * No age is recorded for a child, so a child who attended this meeting is taken to be of school age
 * at the next one (001 §1: outside school time "wherever possible"); the chair can say otherwise.
 */
export function schoolAgeChildExpected(review: Review): boolean {
  return review.attendees.some((a) => a.role === 'child' && a.attendance === 'present') || review.childVoices.some((v) => v.attended === 'yes');
}

/** On Teams when the family chose it, or, when each parent answered, when any of them did (a link lets them join). */
export function isOnline(next: Pick<NextMeeting, 'familyPreference' | 'parentPreferences'>): boolean {
  if (next.familyPreference !== null) return next.familyPreference === 'online';
  return next.parentPreferences.some((p) => p.mode === 'online');
}

/** The chair's email: the one Teams gave for them, or the one recorded on their own attendee row. */
export function chairEmailOf(review: Review): string {
  const own = review.attendees.find((a) => a.teams && samePerson(a.teams, review.chair) && a.email.trim() !== '');
  return (review.chair.email ?? '').includes('@') ? review.chair.email!.trim() : (own?.email.trim() ?? '');
}

export function organiserOf(review: Review, rules: Pick<BookingRules, 'sharedOrganiser'>): { name: string; email: string } | undefined {
  if (rules.sharedOrganiser !== '') return { name: review.setUp?.chairName || review.chair.name, email: rules.sharedOrganiser };
  const email = chairEmailOf(review);
  return email === '' ? undefined : { name: review.setUp?.chairName || review.chair.name, email };
}

/** What sign-off asks the calendar to hold, or why nothing is booked. */
export function nextBookingOf(review: Review, rules: BookingRules): NextBookingPlan {
  const next = review.nextMeeting;
  const firstCase = review.setUp?.children[0]?.caseReference;
  if (review.outcome?.kind === 'close' || !next || next.proposedDate === '' || firstCase === undefined) return { kind: 'none' };
  if (next.proposedTime === '') return { kind: 'no-time' };
  const organiser = organiserOf(review, rules);
  if (!organiser) return { kind: 'no-organiser' };
  const start = londonInstant(next.proposedDate, parseWallTime(next.proposedTime));
  if (Number.isNaN(start)) return { kind: 'no-such-time' };
  const online = isOnline(next);
  return {
    kind: 'book',
    booking: {
      bookingKey: bookingKeyOf(review.tenantId, firstCase, review.id),
      start: new Date(start).toISOString(),
      end: new Date(start + rules.durationMinutes * 60_000).toISOString(),
      online,
      location: online ? '' : next.venue,
      organiser,
    },
  };
}

/** "Tue 12 Jan 2027, 15:30 to 16:30" (Europe/London). */
export function meetingTimeInWords(start: string, end: string): string {
  const [s, e] = [Date.parse(start), Date.parse(end)];
  return `${formatCalendarDate(londonDateOf(s))}, ${formatWallTime(londonMinutesOf(s))} to ${formatWallTime(londonMinutesOf(e))}`;
}

export function slotInWords(slot: Pick<OfferedSlot, 'date' | 'time' | 'endTime'>): string {
  return `${formatCalendarDate(slot.date)}, ${slot.time} to ${slot.endTime}`;
}

/** "Free for everyone whose calendar could be read; Pat and Rose's calendars could not be read." */
export function offerNote(offer: SlotOffer): string {
  const unread = offer.unreadable;
  const whose = unread.length === 0 ? '' : `; ${namesInWords(unread)}${unread.length === 1 ? "'s calendar" : "'s calendars"} could not be read`;
  if (offer.slots.length === 0) {
    return `No time inside the window is free for everyone whose calendar could be read${whose}: type a date and time.`;
  }
  const school = offer.schoolAgeChild ? ' Outside school hours, as a child of school age attends.' : '';
  return `The times offered are free for everyone whose calendar could be read${whose}.${school}`;
}

function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The review with the times found for its next meeting. */
export function withSlotOffer(review: Review, offer: SlotOffer): Review {
  return { ...review, slotOffer: offer };
}

/** What the chair is told of the next meeting's booking once the minutes are signed off; '' when nothing is to be booked. */
export function bookingAfterSignOff(review: Review, notInvited: readonly string[] = []): string {
  const next = review.nextMeeting;
  const firstCase = review.setUp?.children[0]?.caseReference ?? 'the case reference';
  if (review.status !== 'signed-off' || !next || review.outcome?.kind === 'close' || next.proposedDate === '') return '';
  const booking = next.booking;
  if (booking) {
    const where = booking.online ? 'on Teams' : `in person at ${booking.location}`;
    const left = notInvited.length > 0 ? ` ${namesInWords(notInvited)} ${notInvited.length === 1 ? 'is' : 'are'} not sent an invitation (their contact details are not shared with others): tell them yourself.` : '';
    return `The next meeting is being booked for ${meetingTimeInWords(booking.start, booking.end)}, ${where}; everyone with an email address is invited.${left}`;
  }
  if (next.proposedTime === '') return `No time was set for the next meeting, so it is not booked: type "book review ${firstCase}" to book it.`;
  return `The next meeting could not be booked: no email address is known for you to organise it. Type "book review ${firstCase}" to book it.`;
}
