import { createHash } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { CalendarEvent } from '../ports/calendar';

/** The zone events are written in: attendees' calendars show the London wall-clock time. */
export const EVENT_TIME_ZONE = 'Europe/London';

/**
 * Graph's `transactionId` for a booking: the same booking key always gives the same id, so a repeated
 * create makes no second event. A UUID-shaped SHA-256 of the key (version 8, "custom", RFC 9562).
 */
export function transactionIdFor(bookingKey: string): string {
  const hex = createHash('sha256').update(bookingKey, 'utf8').digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A UTC instant as Graph's dateTimeTimeZone in London wall-clock time. */
export function londonDateTime(instant: string): { dateTime: string; timeZone: string } {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${instant}`);
  return { dateTime: format(new TZDate(ms, EVENT_TIME_ZONE), "yyyy-MM-dd'T'HH:mm:ss"), timeZone: EVENT_TIME_ZONE };
}

/** Graph's dateTimeTimeZone ("2019-03-15T12:00:00.0000000" + zone) as epoch ms; NaN if unreadable. */
export function instantOf(value: { dateTime: string; timeZone?: string | null }): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/.exec(value.dateTime);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, s, frac] = m.slice(1).map((p) => p ?? '0');
  const ms = Math.floor(Number(`0.${frac}`) * 1000);
  const zone = value.timeZone ?? 'UTC';
  if (zone === 'UTC' || zone === 'Etc/UTC') return Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, ms);
  return new TZDate(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, ms, zone).getTime();
}

/** The event's JSON for POST (with the transactionId) or PATCH (without: it is set once). */
export function eventBody(event: CalendarEvent, purpose: 'create' | 'update'): Record<string, unknown> {
  return {
    subject: event.subject,
    body: { contentType: 'text', content: event.body },
    start: londonDateTime(event.start),
    end: londonDateTime(event.end),
    attendees: event.attendees.map((a) => ({ emailAddress: { address: a.address, name: a.name }, type: 'required' })),
    // Once a Teams meeting, always one: Graph does not let an event stop being online.
    ...(event.online
      ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' }
      : { location: { displayName: event.location } }),
    ...(purpose === 'create' ? { transactionId: transactionIdFor(event.bookingKey) } : {}),
  };
}
