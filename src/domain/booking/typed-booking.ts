import * as chrono from 'chrono-node';
import { z } from 'zod';
import { CalendarDate, formatCalendarDate, fromDayNumber, isCalendarDate, toDayNumber, weekdayOfDayNumber } from '../timescales/calendar-date';
import { BOOKING_GRAMMAR, MeetingMode } from './booking-grammar';
import { formatWallTime, londonDayNumberOf, londonInstant, londonMinutesOf, londonOffsetMinutes } from './london-wall-clock';

/**
 * Reads a booking typed to the bot ("book review LCC-204781 next Thursday 10:30 in person").
 * Dates and times are read by chrono-node's British English parser (day before month); the instant
 * is built from the parsed wall-clock parts in Europe/London by @date-fns/tz, because chrono ignores
 * IANA zones. Anything past, ambiguous or unread gets a question back: nothing is guessed.
 */

export const caseReferenceSchema = z.string().regex(BOOKING_GRAMMAR.referencePattern);

export const typedBookingSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('booking'),
    caseReference: caseReferenceSchema,
    /** Null when no date was given: the bot offers free slots. */
    date: z.string().refine(isCalendarDate).nullable(),
    /** Null when only a date was given. */
    time: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/u).nullable(),
    /** The start instant (ISO, UTC) when a date and a time were given. */
    start: z.iso.datetime().nullable(),
    mode: z.enum(['online', 'in-person']).nullable(),
    /** What was understood, in words, for the confirmation card. */
    understood: z.string(),
  }),
  z.object({
    kind: z.literal('question'),
    caseReference: caseReferenceSchema.optional(),
    reason: z.enum([
      'not-a-booking',
      'case-reference',
      'unreadable',
      'two-dates',
      'which-day',
      'which-time',
      'time-without-date',
      'past',
      'mode',
      'no-such-time',
    ]),
    question: z.string(),
  }),
]);

export type TypedBooking = z.infer<typeof typedBookingSchema>;
export type BookingCommand = Extract<TypedBooking, { kind: 'booking' }>;
export type BookingQuestion = Extract<TypedBooking, { kind: 'question' }>;
type QuestionReason = BookingQuestion['reason'];

const text = z.string().max(2000);
const COMMAND = /^book\s+(?:a\s+|the\s+)?(?:next\s+)?review\b/iu;
const EXAMPLE = BOOKING_GRAMMAR.examples[0];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FILLERS: ReadonlySet<string> = new Set(BOOKING_GRAMMAR.fillers);
const BEFORE_REFERENCE: ReadonlySet<string> = new Set(BOOKING_GRAMMAR.beforeReference);
const MODE_PHRASES: ReadonlyArray<[MeetingMode, RegExp]> = (Object.entries(BOOKING_GRAMMAR.modes) as Array<[MeetingMode, readonly string[]]>)
  .flatMap(([mode, phrases]) => phrases.map((p): [MeetingMode, string] => [mode, p]))
  .sort((a, b) => b[1].length - a[1].length)
  .map(([mode, phrase]) => [mode, new RegExp(`(?<![\\w-])${phrase.replace(/[-\s]/gu, (c) => (c === '-' ? '-' : '\\s+'))}(?![\\w-])`, 'giu')]);
const PERIOD_WORDS = /\b(?:weeks?|fortnights?|months?|years?)\b/iu;
const BACKWARDS_WORDS = /\b(?:last|previous|past|ago)\b/iu;
const TIME_WORDS = /\b(?:half|quarter|past|to|o'?clock|noon|midday|midnight|[ap]\.?m\.?|morning|afternoon|evening|night|tonight|lunch(?:time)?)\b|\d/iu;
const DATE_SHAPED = /^\d{1,4}(?:[/.-]\d{1,4}){1,2}$/u;

/** Whether a message is a booking command at all (for the command dispatcher). */
export function isBookingCommand(message: unknown): boolean {
  const parsed = text.safeParse(message);
  return parsed.success && COMMAND.test(parsed.data.trim());
}

function question(reason: QuestionReason, words: string, caseReference?: string): BookingQuestion {
  return { kind: 'question', reason, question: words, ...(caseReference === undefined ? {} : { caseReference }) };
}

/** The words that are neither filler nor punctuation. */
function meaningfulWords(rest: string): string[] {
  return rest
    .split(/[\s,;.!?]+/u)
    .filter((w) => w !== '' && !FILLERS.has(w.toLowerCase()));
}

/**
 * What a typed `book review` command asks for, read against `now` (an ISO instant). Never throws:
 * anything that is not a clear, future date and time comes back as a question.
 */
export function parseTypedBooking(message: unknown, now: string): TypedBooking {
  const parsed = text.safeParse(message);
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now is not an ISO instant: ${JSON.stringify(now)}`);
  if (!parsed.success) return question('unreadable', `That message is too long to be a booking. Type, for example: ${EXAMPLE}`);
  const typed = parsed.data.replace(/\s+/gu, ' ').trim();
  const command = COMMAND.exec(typed);
  if (command === null) return question('not-a-booking', `To book a review, type for example: ${EXAMPLE}`);

  // The case reference comes straight after the command (or after "for").
  const afterCommand = typed.slice(command[0].length).trim().split(' ');
  if (afterCommand[0] !== undefined && BEFORE_REFERENCE.has(afterCommand[0].toLowerCase())) afterCommand.shift();
  const token = (afterCommand.shift() ?? '').replace(/[,;:.!?]+$/u, '');
  if (token === '') return question('case-reference', `Which case? Type the case reference after "book review", for example: ${EXAMPLE}`);
  if (DATE_SHAPED.test(token)) {
    return question('case-reference', `"${token}" looks like a date. Type the case reference first, for example: ${EXAMPLE}`);
  }
  const reference = caseReferenceSchema.safeParse(token);
  if (!reference.success) {
    return question(
      'case-reference',
      `"${token.slice(0, 40)}" is not a case reference (letters, digits, "-" or "/", up to 30 characters, with at least one digit). ` +
        `Type it straight after "book review", for example: ${EXAMPLE}`,
    );
  }
  const caseReference = reference.data;
  const ask = (reason: QuestionReason, words: string) => question(reason, words, caseReference);

  // How it is held: online (Teams) or in person.
  let rest = afterCommand.join(' ');
  const modes = new Set<MeetingMode>();
  for (const [mode, pattern] of MODE_PHRASES) {
    rest = rest.replace(pattern, () => {
      modes.add(mode);
      return ' ';
    });
  }
  if (modes.size > 1) return ask('mode', 'Should the review be online (Teams) or in person? Say just one.');
  const mode = modes.size === 1 ? [...modes][0]! : null;

  // The date and time.
  const reference0 = { instant: new Date(nowMs), timezone: londonOffsetMinutes(nowMs) };
  let results: chrono.ParsedResult[];
  try {
    results = chrono.en.GB.parse(rest, reference0);
  } catch {
    return ask('unreadable', `I could not read a date or time in "${rest.trim().slice(0, 80)}". Type it like "Tuesday 12 January at 2pm".`);
  }
  const understoodMode = mode === 'online' ? 'online (Teams)' : mode === 'in-person' ? 'in person' : 'online or in person not said';
  if (results.length === 0) {
    const left = meaningfulWords(rest);
    if (left.length > 0) {
      const words = left.join(' ').slice(0, 80);
      return TIME_WORDS.test(words)
        ? ask('which-time', `I could not read the date or time "${words}". Type it like "Tuesday 12 January at 2pm" or "12/01 at 14:00".`)
        : ask('unreadable', `I did not understand "${words}". Type the date and time like "Tuesday 12 January at 2pm".`);
    }
    return booking(caseReference, null, null, null, mode, `${caseReference}: no date or time given, so free times will be offered; ${understoodMode}`);
  }
  if (results.length > 1) {
    return ask('two-dates', `I read more than one date or time (${results.map((r) => `"${r.text}"`).join(' and ')}). Type one date and one start time.`);
  }
  let result = results[0]!;
  const left = meaningfulWords(rest.slice(0, result.index) + ' ' + rest.slice(result.index + result.text.length));
  if (left.length > 0) {
    const words = left.join(' ').slice(0, 80);
    return TIME_WORDS.test(words)
      ? ask('which-time', `I could not read "${words}" as a time. Type it like "10:30" or "2pm".`)
      : ask('unreadable', `I read "${result.text}" but did not understand "${words}". Type the date and time like "Tuesday 12 January at 2pm".`);
  }
  if (result.end !== null) return ask('which-time', `Type only the start time, not a range ("${result.text}"): the review's length is set when it is booked.`);

  const start = result.start;
  const dayCertain = start.isCertain('day');
  const weekdayCertain = start.isCertain('weekday');
  if (!dayCertain && !weekdayCertain) {
    return start.isCertain('hour')
      ? ask('time-without-date', `Which day? I read a time ("${result.text}") but no date. Type it like "Tuesday 12 January at 2pm".`)
      : ask('which-day', `Which day? "${result.text}" is not one day. Type it like "Tuesday 12 January".`);
  }
  if (PERIOD_WORDS.test(result.text) && !weekdayCertain) {
    return ask('which-day', `Which day? "${result.text}" is not one day. Type it like "Tuesday 12 January".`);
  }
  // A weekday alone ("Tuesday") means the next one, unless the words look back ("last Tuesday").
  const todayNumber = londonDayNumberOf(nowMs);
  if (!dayCertain && !BACKWARDS_WORDS.test(result.text) && dayNumberOf(result) < todayNumber) {
    result = chrono.en.GB.parse(result.text, reference0, { forwardDate: true })[0] ?? result;
  }
  const dayNumber = dayNumberOf(result);
  if (!Number.isFinite(dayNumber)) return ask('unreadable', `"${result.text}" is not a date I can read. Type it like "Tuesday 12 January".`);
  const date: CalendarDate = fromDayNumber(dayNumber);
  if (dayNumber < todayNumber) {
    const nextYear = result.start.isCertain('year') ? '' : ' If you mean next year, add the year.';
    return ask('past', `${formatCalendarDate(date)} has passed. Which date did you mean?${nextYear}`);
  }
  const statedWeekday = result.start.isCertain('weekday') ? result.start.get('weekday') : null;
  if (statedWeekday !== null && statedWeekday !== weekdayOfDayNumber(dayNumber)) {
    return ask(
      'which-day',
      `${formatCalendarDate(date)} is a ${WEEKDAY_NAMES[weekdayOfDayNumber(dayNumber)]}, not a ${WEEKDAY_NAMES[statedWeekday] ?? 'that day'}. Which did you mean?`,
    );
  }
  const slashDate = /(?<![\d/.-])\d{1,2}[/.-](\d{1,2})(?!\d)/u.exec(result.text);
  if (slashDate !== null && Number(slashDate[1]) > 12) {
    return ask('which-day', `"${slashDate[0]}" is not a date written day/month (12/01 is 12 January). Which day did you mean?`);
  }

  if (!result.start.isCertain('hour')) {
    if (TIME_WORDS.test(result.text.replace(/\d/gu, ''))) {
      return ask('which-time', `What time? "${result.text}" gives no exact time. Type it like "10:30" or "2pm".`);
    }
    return booking(caseReference, date, null, null, mode, `${caseReference}: ${formatCalendarDate(date)} (from "${result.text}"), time not given; ${understoodMode}`);
  }
  const hour = result.start.get('hour') ?? 0;
  const minute = result.start.get('minute') ?? 0;
  if (!result.start.isCertain('meridiem') && hour >= 1 && hour <= 7) {
    return ask('which-time', `${hour} in the morning or the afternoon? Type it like "${hour}pm" or "${hour + 12}:00".`);
  }
  const minutes = hour * 60 + minute;
  const time = formatWallTime(minutes);
  const instant = londonInstant(date, minutes);
  if (Number.isNaN(instant)) {
    return ask('no-such-time', `There is no ${time} on ${formatCalendarDate(date)} in the UK: the clocks go forward that night. Which time did you mean?`);
  }
  if (londonMinutesOf(instant - 3_600_000) === minutes || londonMinutesOf(instant + 3_600_000) === minutes) {
    return ask('no-such-time', `${time} happens twice on ${formatCalendarDate(date)} in the UK (the clocks go back). Which time did you mean?`);
  }
  if (instant < nowMs) return ask('past', `${time} on ${formatCalendarDate(date)} has passed. Which date and time did you mean?`);
  return booking(
    caseReference,
    date,
    time,
    new Date(instant).toISOString(),
    mode,
    `${caseReference}: ${formatCalendarDate(date)} at ${time} UK time (from "${result.text}"); ${understoodMode}`,
  );
}

/** The London day number of a parsed date (its parts are London wall clock: the reference offset was London's). */
function dayNumberOf(result: chrono.ParsedResult): number {
  const year = result.start.get('year');
  const month = result.start.get('month');
  const day = result.start.get('day');
  if (year === null || month === null || day === null) return NaN;
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(date) ? toDayNumber(date) : NaN;
}

function booking(
  caseReference: string,
  date: CalendarDate | null,
  time: string | null,
  start: string | null,
  mode: MeetingMode | null,
  understood: string,
): BookingCommand {
  // The pieces are checked against the schema: a result that does not fit is this parser's bug.
  return typedBookingSchema.parse({ kind: 'booking', caseReference, date, time, start, mode, understood }) as BookingCommand;
}
