import { CalendarDate } from './calendar-date';
import { Deadline, NoDeadline, deadline } from './deadline';
import { describeCounting, describeDuration } from './duration';
import { PolicyPack } from './policy-pack-schema';
import { WorkingDayCalendar } from './working-day-calendar';

/** 'At least every 20 working days, counted from and including the day of the visit; the child seen alone.' For display. */
export function describeVisitFrequency(pack: PolicyPack): string {
  const { visits } = pack;
  const first = visits.first ? `First visit within ${describeDuration(visits.first.within)} of allocation; then at` : 'At';
  const alone = visits.seenAlone ? '; the child seen alone' : '';
  return `${first} least every ${describeDuration(visits.every)}, ${describeCounting(visits.counting, 'visit')}${alone}.`;
}

/** The latest date for the next statutory visit after one on `lastVisitDate`. */
export function nextVisitDueDate(pack: PolicyPack, lastVisitDate: CalendarDate, calendar: WorkingDayCalendar): Deadline {
  const { visits } = pack;
  return deadline(pack, 'Next visit', { name: 'visit', date: lastVisitDate }, { within: visits.every, counting: visits.counting, source: visits.source }, calendar);
}

/** The latest date for the first visit after allocation, where the pack sets one. */
export function firstVisitDueDate(pack: PolicyPack, allocationDate: CalendarDate, calendar: WorkingDayCalendar): Deadline | NoDeadline {
  const first = pack.visits.first;
  if (first === undefined) return { due: null, explanation: `${pack.authority}'s procedures set no separate time for the first visit.` };
  return deadline(pack, 'First visit', { name: 'allocation', date: allocationDate }, first, calendar);
}
