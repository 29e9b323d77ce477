import { z } from 'zod';
import {
  BOOKING_CANCEL,
  BOOKING_CREATE,
  BOOKING_UPDATE,
  Booking,
  BookingEffectKind,
  bookingDescription,
  bookingSchema,
  bookingSubject,
  invitedAlone,
  isSuperseded,
} from '../domain/booking/booking';
import type { BookingStore } from '../ports/booking-store';
import type { BookedEvent, Calendar, CalendarEvent } from '../ports/calendar';
import { EffectFailure } from '../ports/effect-failure';
import type { MailSender } from '../ports/mail-sender';
import type { StoredEffect } from '../ports/outbox';
import type { EffectHandler } from '../outbox/outbox-dispatcher';
import { invitationEmails } from './booking-invitation-email';

export interface BookingEffectsOptions {
  readonly bookings: BookingStore;
  readonly calendar: Calendar;
  /**
   * Sends the invitations the calendar does not: with the embedded calendar (which tells nobody) every
   * invitee's; with Graph (Exchange tells those on the event) the invitees invited alone.
   */
  readonly invitations?: MailSender;
  /** True for Graph: the event's own attendees are told by Exchange. */
  readonly calendarTellsAttendees?: boolean;
}

const payloadSchema = z.object({ bookingKey: z.string(), sequence: z.number().int().min(0), booking: bookingSchema });

/** How long an update or cancel waits, at least, for the event its booking's create has not made yet. */
const WAIT_FOR_CREATE_MS = 5000;

/**
 * The handlers of booking.create, booking.update and booking.cancel. Each performs the change its
 * effect carries (the booking as it was at that sequence) and may be repeated safely: the create is
 * idempotent by booking key (Graph `transactionId`, the local calendar's key), an update writes the
 * same times again, a cancel of a cancelled event is done; invitation emails carry an idempotency key
 * per booking, sequence and invitee. A change overtaken by a later one the calendar already has is
 * skipped, so a late retry never moves the event back.
 */
export function bookingEffectHandlers(options: BookingEffectsOptions): Record<BookingEffectKind, EffectHandler> {
  const handler = (kind: BookingEffectKind): EffectHandler => ({ pacedPerChat: false, perform: (effect) => perform(options, kind, effect) });
  return { [BOOKING_CREATE]: handler(BOOKING_CREATE), [BOOKING_UPDATE]: handler(BOOKING_UPDATE), [BOOKING_CANCEL]: handler(BOOKING_CANCEL) };
}

/** The calendar event of a booking as it is at one change. */
export function calendarEventOf(booking: Booking): CalendarEvent {
  return {
    bookingKey: booking.bookingKey,
    organiser: booking.organiser.email,
    subject: bookingSubject(booking),
    start: booking.start,
    end: booking.end,
    // Exchange shows every attendee of an event to every other: only professionals are put on it.
    attendees: booking.attendees.filter((a) => !invitedAlone(a)).map((a) => ({ name: a.name, address: a.email })),
    online: booking.online,
    location: booking.location,
    body: bookingDescription(booking),
  };
}

async function perform(options: BookingEffectsOptions, kind: BookingEffectKind, effect: StoredEffect): Promise<void> {
  const parsed = payloadSchema.safeParse(effect.payload);
  if (!parsed.success) throw new EffectFailure('PAYLOAD_INVALID', `The ${kind} effect could not be read`, { retryable: false });
  const change = parsed.data.booking;
  const stored = await options.bookings.get(change.bookingKey);
  if (!stored) throw new EffectFailure('BOOKING_NOT_FOUND', 'The booking is not in the store', { retryable: false });
  if (isSuperseded(stored, change.sequence)) return;

  const answer = await calendarChange(options.calendar, kind, change, stored.eventId);
  const now = await options.bookings.recordCalendarAnswer(change.bookingKey, change.sequence, answer);
  if (!options.invitations || !now || isSuperseded(now, change.sequence)) return;
  const emails = invitationEmails({ ...change, ...(now.joinUrl ? { joinUrl: now.joinUrl } : {}) }).filter(
    (e) => !options.calendarTellsAttendees || change.attendees.some((a) => invitedAlone(a) && a.email === e.to[0]?.address),
  );
  for (const email of emails) await options.invitations.send(email);
}

async function calendarChange(calendar: Calendar, kind: BookingEffectKind, change: Booking, eventId: string | undefined): Promise<BookedEvent> {
  if (kind === BOOKING_CREATE) return calendar.create(calendarEventOf(change));
  if (eventId === undefined) {
    // The create has not been performed yet (it is queued, or being retried): wait for it.
    throw new EffectFailure('BOOKING_NOT_YET_MADE', 'The event has not been made yet', { retryable: true, retryAfterMs: WAIT_FOR_CREATE_MS });
  }
  if (kind === BOOKING_UPDATE) return calendar.update(eventId, calendarEventOf(change));
  await calendar.cancel(change.organiser.email, eventId, change.cancelReason ?? 'The meeting has been cancelled.');
  return { eventId };
}
