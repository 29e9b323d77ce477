import { CalendarDate, addDays, addMonths } from './calendar-date';
import { WorkingDayCalendar } from './working-day-calendar';

/** Units the procedures use: "within 7 days", "6 weekly", "3 monthly", "within 5 working days". */
export const DURATION_UNITS = ['days', 'weeks', 'months', 'workingDays'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/**
 * How a rule counts from its event. Each pack rule names one, because the texts differ:
 * - 'from-next-day': "within 5 working days of the meeting": day 1 is the day after the event;
 * - 'from-and-including-event-day': "every 20 working days (from and including the day of the visit)":
 *   the event's own day is day 1 (if it is a working day, for working-day counts).
 */
export const COUNTING_CONVENTIONS = ['from-next-day', 'from-and-including-event-day'] as const;
export type CountingConvention = (typeof COUNTING_CONVENTIONS)[number];

/** The last day of a period of `duration` counted from `event` by `counting`. */
export function endOfPeriod(
  event: CalendarDate,
  duration: Duration,
  counting: CountingConvention,
  calendar: WorkingDayCalendar,
): CalendarDate {
  // Counting from and including the event day is counting from the day after the day before it.
  const start = counting === 'from-and-including-event-day' ? addDays(event, -1) : event;
  return addDuration(start, duration, calendar);
}

function addDuration(start: CalendarDate, duration: Duration, calendar: WorkingDayCalendar): CalendarDate {
  return duration.unit === 'workingDays'
    ? calendar.addWorkingDays(start, duration.amount)
    : addCalendarDuration(start, { amount: duration.amount, unit: duration.unit });
}

/** Units that need no bank-holiday calendar: plan ages, checkpoints, trajectories. */
export const CALENDAR_UNITS = ['days', 'weeks', 'months'] as const;
export type CalendarDuration = Duration & { readonly unit: (typeof CALENDAR_UNITS)[number] };

/** `start` plus days, weeks or calendar months. */
export function addCalendarDuration(start: CalendarDate, duration: CalendarDuration): CalendarDate {
  switch (duration.unit) {
    case 'days':
      return addDays(start, duration.amount);
    case 'weeks':
      return addDays(start, duration.amount * 7);
    case 'months':
      return addMonths(start, duration.amount);
  }
}

const UNIT_WORDS: Readonly<Record<DurationUnit, readonly [string, string]>> = {
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  workingDays: ['working day', 'working days'],
};

/** '5 working days', '1 month'. */
export function describeDuration(duration: Duration): string {
  const [one, many] = UNIT_WORDS[duration.unit];
  return `${duration.amount} ${duration.amount === 1 ? one : many}`;
}

/** 'week', as in "a 12-16 week plan". */
export function unitAsAdjective(unit: DurationUnit): string {
  return UNIT_WORDS[unit][0];
}

export function describeCounting(counting: CountingConvention, event: string): string {
  return counting === 'from-next-day'
    ? `counted from the day after the ${event}`
    : `counted from and including the day of the ${event}`;
}

/** Rough bounds in days, only to check that a pack's earliest is not after its latest. */
export function durationDayBounds(duration: Duration): { min: number; max: number } {
  const n = duration.amount;
  switch (duration.unit) {
    case 'days':
      return { min: n, max: n };
    case 'weeks':
      return { min: 7 * n, max: 7 * n };
    case 'months':
      return { min: 28 * n, max: 31 * n };
    case 'workingDays':
      return { min: n, max: 2 * n + 10 };
  }
}
