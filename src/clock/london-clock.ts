const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Europe/London of an instant: the date a chair in England would write. */
export function londonDate(instant: Date): string {
  return LONDON_DATE.format(instant);
}

export function systemClock(): { now: string; today: string } {
  const instant = new Date();
  return { now: instant.toISOString(), today: londonDate(instant) };
}
