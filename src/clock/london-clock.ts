import { calendarDateInLondon } from '../domain/timescales';

/** The current instant, and today's calendar date in Europe/London: the date a chair in England would write. */
export function systemClock(): { now: string; today: string } {
  const instant = new Date();
  return { now: instant.toISOString(), today: calendarDateInLondon(instant) };
}
