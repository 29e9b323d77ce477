import { TZDate, tzOffset } from '@date-fns/tz';
import { CalendarDate, fromDayNumber } from '../timescales/calendar-date';

/**
 * Wall-clock time in Europe/London, where every review is held. Turning a London date and time into
 * an instant is done by @date-fns/tz (IANA rules), never by a fixed offset, so 10:30 is 10:30Z in
 * winter and 09:30Z in summer, on either side of a clock change.
 */
export const LONDON = 'Europe/London';

const MINUTE_MS = 60_000;

/** 'HH:mm' from minutes after midnight. */
export function formatWallTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes after midnight of an 'HH:mm' (00:00 to 24:00), or NaN if it is not one. */
export function parseWallTime(value: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/u.exec(value);
  if (match === null) return NaN;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes > 24 * 60 ? NaN : minutes;
}

/**
 * The instant (ms since the epoch) of a London wall-clock time on a date, or NaN when that wall time
 * does not exist there (the hour skipped when the clocks go forward): never a silently moved time.
 */
export function londonInstant(date: CalendarDate, minutes: number): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const instant = TZDate.tz(LONDON, year, month - 1, day, Math.floor(minutes / 60), minutes % 60).getTime();
  return londonMinutesOf(instant) === minutes % (24 * 60) ? instant : NaN;
}

/** The London UTC offset, in minutes, at an instant (60 in summer time, 0 in winter). */
export function londonOffsetMinutes(instant: number): number {
  return tzOffset(LONDON, new Date(instant));
}

/** Minutes after midnight, London wall clock, at an instant. */
export function londonMinutesOf(instant: number): number {
  const local = instant + londonOffsetMinutes(instant) * MINUTE_MS;
  return Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / MINUTE_MS);
}

/** The London day number (days since 1970-01-01) at an instant. */
export function londonDayNumberOf(instant: number): number {
  return Math.floor((instant + londonOffsetMinutes(instant) * MINUTE_MS) / 86_400_000);
}

/** The London calendar date at an instant. */
export function londonDateOf(instant: number): CalendarDate {
  return fromDayNumber(londonDayNumberOf(instant));
}
