import { londonInstant } from '../booking/london-wall-clock';
import { Review } from '../review/review';
import type { WorkingDayCalendar } from '../timescales/working-day-calendar';

/** When a delivery still not made is raised to the chair: 09:00 London, the working day before the minutes are due. */
export function deadlineCheckAt(review: Review, calendar: WorkingDayCalendar): string | undefined {
  const due = review.timescales?.minutesDue.date;
  if (!due) return undefined;
  const instant = londonInstant(calendar.addWorkingDays(due, -1), 9 * 60);
  return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
}
