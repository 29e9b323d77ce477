import { CalendarDate, formatCalendarDate } from './calendar-date';
import { cite } from './citation';
import { CountingConvention, Duration, describeCounting, describeDuration, endOfPeriod } from './duration';
import type { PolicyPack, SourceRef } from './policy-pack-schema';
import { WorkingDayCalendar } from './working-day-calendar';

/** A date something is due by, with the rule and the sentence behind it. */
export interface Deadline {
  readonly due: CalendarDate;
  /** False when a rule in calendar days lands on a weekend or bank holiday: the text says days, so the date stands. */
  readonly dueIsWorkingDay: boolean;
  /** '5 working days, counted from the day after the meeting'. */
  readonly rule: string;
  readonly explanation: string;
  readonly citation: string;
}

/** Where the text sets no number: nothing to count, but the sentence is still shown. */
export interface NoDeadline {
  readonly due: null;
  readonly explanation: string;
  readonly citation?: string;
}

/** The calendar must be the pack's UK division: a Leicestershire deadline is never counted on Scottish holidays. */
export function assertCalendarFits(pack: PolicyPack, calendar: WorkingDayCalendar): void {
  if (calendar.division !== pack.division) {
    throw new RangeError(`the ${pack.id} pack counts working days in ${pack.division}, but the calendar given is for ${calendar.division}`);
  }
}

export function deadline(
  pack: PolicyPack,
  what: string,
  event: { readonly name: string; readonly date: CalendarDate },
  rule: { readonly within: Duration; readonly counting: CountingConvention; readonly source: SourceRef },
  calendar: WorkingDayCalendar,
): Deadline {
  assertCalendarFits(pack, calendar);
  const due = endOfPeriod(event.date, rule.within, rule.counting, calendar);
  const dueIsWorkingDay = calendar.isWorkingDay(due);
  const ruleText = `${describeDuration(rule.within)}, ${describeCounting(rule.counting, event.name)}`;
  const holiday = calendar.bankHolidayName(due);
  const caveat = dueIsWorkingDay ? '' : ` (not a working day${holiday ? `: ${holiday}` : ''}; the procedure counts ${describeDuration(rule.within).replace(/^\d+ /, '')}, so the date stands)`;
  return {
    due,
    dueIsWorkingDay,
    rule: ruleText,
    explanation: `${what} due by ${formatCalendarDate(due)}${caveat}: ${ruleText} (${formatCalendarDate(event.date)}).`,
    citation: cite(pack, rule.source),
  };
}
