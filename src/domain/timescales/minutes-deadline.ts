import { CalendarDate } from './calendar-date';
import { cite } from './citation';
import { Deadline, NoDeadline, deadline } from './deadline';
import { MeetingType, meetingWords, withArticle } from './pack-roles';
import { PolicyPack } from './policy-pack-schema';
import { WorkingDayCalendar } from './working-day-calendar';

/**
 * When the record of a meeting must reach the participants, by the pack's rule for that meeting type
 * (working days or days, as the procedure says; counted as the pack says).
 */
export function minutesDueDate(
  pack: PolicyPack,
  meetingDate: CalendarDate,
  calendar: WorkingDayCalendar,
  meetingType: MeetingType = 'progress',
): Deadline | NoDeadline {
  const rule = pack.minutes.find((r) => r.appliesTo.includes(meetingType));
  if (rule === undefined) {
    return {
      due: null,
      explanation: `${pack.authority}'s procedures (${pack.sources.map((s) => s.procedure).join(', ')}) set no deadline for the minutes of ${withArticle(meetingWords(meetingType))}.`,
    };
  }
  if (rule.within === null || rule.counting === undefined) {
    return {
      due: null,
      explanation: `No number of days is set for the minutes of ${withArticle(meetingWords(meetingType))}: "${rule.source.quote}"`,
      citation: cite(pack, rule.source),
    };
  }
  return deadline(pack, 'Minutes', { name: 'meeting', date: meetingDate }, { ...rule, within: rule.within, counting: rule.counting }, calendar);
}
