import { daysBetween, formatCalendarDate } from '../timescales/calendar-date';
import type { DueItem } from './case-compliance';

/** A signed-off review whose minutes have not reached everyone, as the store counts it. */
export interface UndeliveredMinutes {
  readonly caseReferences: readonly string[];
  readonly meetingDate: string | null;
  readonly minutesDue: string | null;
  readonly total: number;
  readonly unsent: number;
  /** Failed, or waiting for the chair: nothing more happens until they act. */
  readonly stuck: number;
}

/**
 * `due`'s items for minutes signed off but not delivered to everyone: once one is stuck (failed,
 * or waiting for the chair), or once the statutory date has passed with any still on their way.
 * One item per case of the meeting.
 */
export function undeliveredMinutesItems(reviews: readonly UndeliveredMinutes[], today: string): DueItem[] {
  return reviews.flatMap((r) => {
    const late = r.minutesDue !== null && today > r.minutesDue;
    if (r.unsent === 0 || (r.stuck === 0 && !late)) return [];
    const due = r.minutesDue ?? r.meetingDate ?? today;
    const meeting = r.meetingDate ? `the ${formatCalendarDate(r.meetingDate)} meeting` : 'the meeting';
    const message = `Minutes of ${meeting} have not reached ${r.unsent} of ${r.total} recipients${r.minutesDue ? ` (due by ${formatCalendarDate(r.minutesDue)})` : ''}: open the minutes report in that meeting's chat to put it right.`;
    return r.caseReferences.map((caseReference) => ({ caseReference, kind: 'minutes-undelivered' as const, due, daysOverdue: daysBetween(due, today), message }));
  });
}
