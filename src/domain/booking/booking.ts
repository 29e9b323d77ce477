import { z } from 'zod';
import type { NewEffect } from '../../ports/outbox';

/**
 * A booked next review: the meeting in the organiser's calendar, with everyone invited. Pure
 * decisions (book, move, cancel) return the new booking and the effects to queue with it; the
 * calendar and the invitations follow outside the turn. Every change raises `sequence` (RFC 5545
 * SEQUENCE), so each change has effects of its own, keyed by booking and sequence.
 */

export const BOOKING_CREATE = 'booking.create';
export const BOOKING_UPDATE = 'booking.update';
export const BOOKING_CANCEL = 'booking.cancel';
export type BookingEffectKind = typeof BOOKING_CREATE | typeof BOOKING_UPDATE | typeof BOOKING_CANCEL;

const instant = z.iso.datetime();
/**
 * Who an invitee's invitation may show them beside: 'professional' (listed on the calendar event,
 * sees the other professionals); 'alone' (a parent, carer, child or family member, someone whose
 * contact details are not to be shared, or an address typed in): invited on their own, their
 * invitation naming only the organiser and them, so no family member ever learns another's address.
 */
export const INVITEE_AUDIENCES = ['professional', 'alone'] as const;
const person = z.object({ name: z.string(), email: z.email(), audience: z.enum(INVITEE_AUDIENCES).optional() });

export const bookingSchema = z.object({
  /** `${tenantId}:${caseReference}:${reviewId}`: the same booking is always the same key (Graph transactionId, .ics UID). */
  bookingKey: z.string().min(1),
  tenantId: z.string().min(1),
  /** The review the next meeting was booked from (or for, when booked by command). */
  reviewId: z.string().min(1),
  /** The chat the booking was made in: effects are queued against it. */
  conversationId: z.string().min(1),
  caseReferences: z.array(z.string().min(1)).min(1),
  /** The mailbox whose calendar holds the event: the chair's, or a configured shared mailbox. */
  organiser: person,
  /** ISO instants in UTC (toISOString form, so they sort as text). */
  start: instant,
  end: instant,
  online: z.boolean(),
  /** The venue when in person; '' when online. */
  location: z.string(),
  attendees: z.array(person),
  /** 0 when first booked; raised by every move and by the cancellation. */
  sequence: z.number().int().min(0),
  status: z.enum(['requested', 'booked', 'cancelled']),
  /** When this version was decided (the .ics DTSTAMP of its invitations). */
  changedAt: instant,
  /** Why it was cancelled, told to the attendees. */
  cancelReason: z.string().optional(),
  /** Why it is outside the case's review window, when it is (recorded with the booking). */
  outsideWindowReason: z.string().optional(),
  /** Filled once the calendar has the event. */
  eventId: z.string().optional(),
  joinUrl: z.string().optional(),
  /** An online meeting the calendar made without a Teams link (Graph sometimes answers 201 without one): tell the chair. */
  joinUrlMissing: z.boolean().optional(),
  /** The latest sequence the calendar has been brought to; absent until the event is made. */
  calendarSequence: z.number().int().min(0).optional(),
});
export type Booking = z.infer<typeof bookingSchema>;
export type BookingPerson = Booking['organiser'];
export type InviteeAudience = (typeof INVITEE_AUDIENCES)[number];

/** Invited on their own: an invitee not known to be a professional whose address may be shown to others. */
export const invitedAlone = (p: Pick<BookingPerson, 'audience'>) => p.audience !== 'professional';

/** Who an invitee's invitation lists beside the organiser: the other professionals, or nobody. */
export function listedWith(booking: Pick<Booking, 'attendees'>, invitee: BookingPerson): BookingPerson[] {
  return invitedAlone(invitee) ? [invitee] : booking.attendees.filter((a) => !invitedAlone(a));
}

export interface BookNextInput {
  readonly tenantId: string;
  readonly reviewId: string;
  readonly conversationId: string;
  readonly caseReferences: readonly string[];
  readonly organiser: BookingPerson;
  readonly start: string;
  readonly end: string;
  readonly online: boolean;
  readonly location: string;
  /** Everyone to invite; people without an email address are left out (they cannot be invited). Absent audience: alone. */
  readonly attendees: ReadonlyArray<{ readonly name: string; readonly email: string; readonly audience?: InviteeAudience }>;
  readonly now: string;
  /** Why the date is outside the review window, when it is. */
  readonly outsideWindowReason?: string;
}

export type BookingRefusal = 'not-an-instant' | 'ends-before-start' | 'in-the-past' | 'cancelled' | 'unchanged' | 'no-case';

export type BookingDecision =
  | { readonly kind: 'decided'; readonly booking: Booking; readonly effects: readonly NewEffect[] }
  | { readonly kind: 'refused'; readonly reason: BookingRefusal };

export function bookingKeyOf(tenantId: string, caseReference: string, reviewId: string): string {
  return `${tenantId}:${caseReference}:${reviewId}`;
}

/** The outbox key of the effect of one change: one booking, one sequence, one effect. */
export function bookingEffectKey(bookingKey: string, sequence: number): string {
  return `booking:${bookingKey}:${sequence}`;
}

/** Books the next review: a new booking at sequence 0, and the effect that makes the event. */
export function bookNext(input: BookNextInput): BookingDecision {
  const [first] = input.caseReferences;
  if (first === undefined) return refused('no-case');
  const times = checkedTimes(input.start, input.end, input.now);
  if (typeof times === 'string') return refused(times);
  const booking: Booking = {
    bookingKey: bookingKeyOf(input.tenantId, first, input.reviewId),
    tenantId: input.tenantId,
    reviewId: input.reviewId,
    conversationId: input.conversationId,
    caseReferences: [...input.caseReferences],
    organiser: { ...input.organiser },
    ...times,
    online: input.online,
    location: input.online ? '' : input.location.trim(),
    attendees: invitable(input.attendees, input.organiser.email),
    sequence: 0,
    status: 'requested',
    changedAt: normal(input.now),
    ...(input.outsideWindowReason?.trim() ? { outsideWindowReason: input.outsideWindowReason.trim() } : {}),
  };
  return decided(booking, BOOKING_CREATE);
}

/** Moves it: the same event at another time, sequence raised. A cancelled booking is not moved. */
export function move(booking: Booking, start: string, end: string, now: string): BookingDecision {
  if (booking.status === 'cancelled') return refused('cancelled');
  const times = checkedTimes(start, end, now);
  if (typeof times === 'string') return refused(times);
  if (times.start === booking.start && times.end === booking.end) return refused('unchanged');
  return decided({ ...booking, ...times, sequence: booking.sequence + 1, changedAt: normal(now) }, BOOKING_UPDATE);
}

/** Cancels it: the event is cancelled and everyone told; sequence raised. */
export function cancel(booking: Booking, reason: string, now: string): BookingDecision {
  if (booking.status === 'cancelled') return refused('cancelled');
  return decided(
    { ...booking, status: 'cancelled', sequence: booking.sequence + 1, changedAt: normal(now), cancelReason: reason.trim() },
    BOOKING_CANCEL,
  );
}

/**
 * What the calendar answered for the change at `sequence`, recorded on the booking: the event id, the
 * join link, whether an online meeting still has none. An answer for a change older than one already
 * recorded changes nothing (it came late).
 */
export function withCalendarAnswer(booking: Booking, sequence: number, answer: { readonly eventId: string; readonly joinUrl?: string }): Booking {
  if (booking.calendarSequence !== undefined && sequence < booking.calendarSequence) return booking;
  const joinUrl = answer.joinUrl ?? booking.joinUrl;
  return {
    ...booking,
    eventId: booking.eventId ?? answer.eventId,
    ...(joinUrl === undefined ? {} : { joinUrl }),
    joinUrlMissing: booking.online && joinUrl === undefined,
    calendarSequence: sequence,
    status: booking.status === 'requested' ? 'booked' : booking.status,
  };
}

/** Whether the change at `sequence` has been overtaken by a later one the calendar already has. */
export function isSuperseded(booking: Booking, sequence: number): boolean {
  return booking.calendarSequence !== undefined && sequence < booking.calendarSequence;
}

/** The subject the calendar and the invitations show: the case references, never a child's name. */
export function bookingSubject(booking: Pick<Booking, 'caseReferences'>): string {
  return `Child in Need review (${booking.caseReferences.join(', ')})`;
}

export function bookingDescription(booking: Pick<Booking, 'caseReferences' | 'online' | 'location' | 'organiser'>): string {
  const where = booking.online ? 'on Microsoft Teams' : `in person at ${booking.location}`;
  return `The next Child in Need review meeting (${booking.caseReferences.join(', ')}), ${where}. If you cannot come, please tell ${booking.organiser.name}.`;
}

function decided(booking: Booking, kind: BookingEffectKind): BookingDecision {
  const effect: NewEffect = {
    kind,
    key: bookingEffectKey(booking.bookingKey, booking.sequence),
    reviewId: booking.reviewId,
    conversationId: booking.conversationId,
    payload: { bookingKey: booking.bookingKey, sequence: booking.sequence, booking },
  };
  return { kind: 'decided', booking, effects: [effect] };
}

function refused(reason: BookingRefusal): BookingDecision {
  return { kind: 'refused', reason };
}

function checkedTimes(start: string, end: string, now: string): { start: string; end: string } | BookingRefusal {
  const [s, e, n] = [start, end, now].map(instantMs);
  if (s === undefined || e === undefined || n === undefined) return 'not-an-instant';
  if (e <= s) return 'ends-before-start';
  if (s <= n) return 'in-the-past';
  return { start: new Date(s).toISOString(), end: new Date(e).toISOString() };
}

/** An instant that says where it is (Z or an offset): a bare local time is not one. */
function instantMs(iso: string): number | undefined {
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

function normal(iso: string): string {
  const ms = instantMs(iso);
  if (ms === undefined) throw new RangeError(`Not an instant: ${iso}`);
  return new Date(ms).toISOString();
}

/** Attendees with an email address, each once (case aside), the organiser left out (they hold the event). */
function invitable(attendees: BookNextInput['attendees'], organiser: string): BookingPerson[] {
  const seen = new Set([organiser.trim().toLowerCase()]);
  const out: BookingPerson[] = [];
  for (const a of attendees) {
    const email = a.email.trim();
    const key = email.toLowerCase();
    if (email === '' || seen.has(key) || !z.email().safeParse(email).success) continue;
    seen.add(key);
    out.push({ name: a.name.trim(), email, audience: a.audience ?? 'alone' });
  }
  return out;
}
