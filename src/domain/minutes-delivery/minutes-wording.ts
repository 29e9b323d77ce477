import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { Attendee } from '../review/review';
import { formatCalendarDate, isCalendarDate } from '../timescales/calendar-date';

/**
 * How the minutes read once they leave the bot: dates as "Tue 1 Dec 2026", times in Europe/London
 * ("10:30"), no ISO stamps, no internal procedure codes such as "(003, closure)".
 */
export const LONDON = 'Europe/London';

/** "Tue 1 Dec 2026" for a calendar date ('YYYY-MM-DD'). */
export function dateWords(date: string): string {
  return isCalendarDate(date) ? formatCalendarDate(date) : date;
}

/** "Tue 1 Dec 2026 at 10:30" for an instant, in London's time. */
export function instantWords(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const london = new TZDate(ms, LONDON);
  return `${format(london, 'EEE d MMM yyyy')} at ${format(london, 'HH:mm')}`;
}

/** "Tuesday 2 March 2027" for a calendar date, for the child's letter. */
export function longDateWords(date: string): string {
  if (!isCalendarDate(date)) return date;
  return format(new TZDate(`${date}T12:00:00Z`, LONDON), 'EEEE d MMMM yyyy');
}

/** "4pm", "10:30am" for a wall-clock time 'HH:MM', for the child's letter. */
export function clockWords(time: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return time;
  const hour = Number(m[1]);
  const minutes = m[2] === '00' ? '' : `:${m[2]}`;
  if (hour === 12 && minutes === '') return 'midday';
  return `${hour % 12 === 0 ? 12 : hour % 12}${minutes}${hour < 12 ? 'am' : 'pm'}`;
}

const ISO_INSTANT = /\b(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})/g;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
/** "(003, closure)", "(001 §1)", "(procedure 003 §4)": where a rule comes from, for the bot's users, not the minutes. */
const PROCEDURE_CODE = /\s*\((?:procedure\s+)?\d{3}(?:\s*§\s*[\d.]+|,\s*[a-z][a-z ]*)?\)/gi;

/** A line of the record as the minutes print it. */
export function minutesWords(text: string): string {
  return text
    .replace(ISO_INSTANT, (stamp) => instantWords(stamp))
    .replace(ISO_DATE, (date) => dateWords(date))
    .replace(PROCEDURE_CODE, '');
}

export const CONTACT_REMOVED = '(contact details removed)';

/** The shortest contact detail looked for in free text: shorter strings would match ordinary words. */
const SHORTEST_CONTACT = 5;

/** The emails and phone numbers of these attendees, as typed. */
export function contactsOf(attendees: readonly Attendee[]): string[] {
  return attendees.flatMap((a) => [a.email, a.phone]).map((c) => c.trim()).filter((c) => c.length >= SHORTEST_CONTACT);
}

/**
 * Removes every one of these contact details wherever it was typed (an update that says "call her on
 * 07700 900123"), as typed and, for a phone, with its spaces in other places.
 */
export function withoutContacts(text: string, contacts: readonly string[]): string {
  let out = text;
  for (const contact of [...contacts].sort((a, b) => b.length - a.length)) {
    out = out.replace(contactPattern(contact), CONTACT_REMOVED);
  }
  return out;
}

function contactPattern(contact: string): RegExp {
  const digits = contact.replace(/[\s()-]/g, '');
  if (/^\+?\d+$/.test(digits) && digits.length >= SHORTEST_CONTACT) {
    // The same digits with any spacing, brackets or dashes between them.
    return new RegExp(digits.split('').map(escapeRegExp).join('[\\s()-]*'), 'g');
  }
  return new RegExp(escapeRegExp(contact), 'gi');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
