import fc from 'fast-check';
import { BOOKING_GRAMMAR } from '../../../src/domain/booking/booking-grammar';
import { BookingQuestion, TypedBooking, isBookingCommand, parseTypedBooking, typedBookingSchema } from '../../../src/domain/booking/typed-booking';

/** Mon 4 Jan 2027, 10:00 in London (GMT). */
const NOW = '2027-01-04T10:00:00.000Z';

type Expected = Partial<Extract<TypedBooking, { kind: 'booking' }>>;

describe('parseTypedBooking: bookings it reads', () => {
  it.each<[string, string, Expected]>([
    [
      'book review for LCC-204781 on Tuesday 12 January at 2pm on Teams',
      NOW,
      { caseReference: 'LCC-204781', date: '2027-01-12', time: '14:00', start: '2027-01-12T14:00:00.000Z', mode: 'online' },
    ],
    [
      // chrono reads "next Thursday" said on a Monday as the Thursday of next week, not this week's.
      'book review LCC-204781 next Thursday 10:30 in person',
      NOW,
      { caseReference: 'LCC-204781', date: '2027-01-14', time: '10:30', start: '2027-01-14T10:30:00.000Z', mode: 'in-person' },
    ],
    [
      'book review LCC-204781 next Thursday 10:30 in person',
      '2027-01-07T09:00:00.000Z', // said on Thursday 7 January itself
      { date: '2027-01-14', time: '10:30' },
    ],
    ['book review LCC-204781', NOW, { caseReference: 'LCC-204781', date: null, time: null, start: null, mode: null }],
    ['book review LCC-204781 on 12/01 at 14:00', NOW, { date: '2027-01-12', time: '14:00', start: '2027-01-12T14:00:00.000Z' }],
    ['book review LCC-204781 on 01/02 at 14:00', NOW, { date: '2027-02-01' }], // day before month: 1 February, not 2 January
    // 28 March 2027 the clocks go forward: 10:30 is 10:30Z before it and 09:30Z after it.
    ['book review LCC-204781 on Friday 26 March at 10:30', NOW, { date: '2027-03-26', time: '10:30', start: '2027-03-26T10:30:00.000Z' }],
    ['book review LCC-204781 on Monday 29 March at 10:30', NOW, { date: '2027-03-29', time: '10:30', start: '2027-03-29T09:30:00.000Z' }],
    ['book review LCC-204781 29/03/2027 10:30 online', NOW, { start: '2027-03-29T09:30:00.000Z', mode: 'online' }],
    ['book review LCC-204781 2027-03-29 10:30', NOW, { start: '2027-03-29T09:30:00.000Z' }],
    // 31 October 2027 they go back: 14:00 is 13:00Z on the Friday, 14:00Z on the Monday.
    ['book review LCC-204781 Friday 29 October 2027 2pm', NOW, { start: '2027-10-29T13:00:00.000Z' }],
    ['book review LCC-204781 Monday 1 November 2027 2pm', NOW, { start: '2027-11-01T14:00:00.000Z' }],
    ['book review LCC-204781 tomorrow at 9', NOW, { date: '2027-01-05', time: '09:00' }],
    ['book review LCC-204781 Tuesday 12 January', NOW, { date: '2027-01-12', time: null, start: null }],
    ['Book Review case LCC-2024/117 on the 12th of January at 11:00 face to face.', NOW, { caseReference: 'LCC-2024/117', start: '2027-01-12T11:00:00.000Z', mode: 'in-person' }],
    ['book review 204781 12 January 3:15pm via Teams', NOW, { caseReference: '204781', time: '15:15', mode: 'online' }],
    ['book review LCC-204781 Tuesday', '2027-01-06T10:00:00.000Z', { date: '2027-01-12' }], // a weekday alone is the next one
    ['book review LCC-204781 today at 4pm', NOW, { date: '2027-01-04', start: '2027-01-04T16:00:00.000Z' }],
    // Just after midnight in summer, "tomorrow" is counted from the London date, not the UTC one.
    ['book review LCC-204781 tomorrow at 10:00', '2027-06-30T23:30:00.000Z', { date: '2027-07-02', start: '2027-07-02T09:00:00.000Z' }],
    // In December, 12 January without a year is next January.
    ['book review LCC-204781 12 January at 2pm', '2027-12-15T10:00:00.000Z', { date: '2028-01-12' }],
  ])('%s (now %s)', (message, now, expected) => {
    const result = parseTypedBooking(message, now);
    expect(result).toMatchObject({ kind: 'booking', ...expected });
  });

  it('says what it understood, in words', () => {
    const result = parseTypedBooking('book review for LCC-204781 on Tuesday 12 January at 2pm on Teams', NOW);
    expect(result.kind === 'booking' && result.understood).toBe('LCC-204781: Tue 12 Jan 2027 at 14:00 UK time (from "on Tuesday 12 January at 2pm"); online (Teams)');
    const open = parseTypedBooking('book review LCC-204781', NOW);
    expect(open.kind === 'booking' && open.understood).toContain('free times will be offered');
  });
});

describe('parseTypedBooking: questions instead of guesses', () => {
  it.each<[string, string, BookingQuestion['reason'], string]>([
    ['a past date', 'book review LCC-204781 on 1 January 2027 at 2pm', 'past', 'Fri 1 Jan 2027 has passed'],
    ['a past date without a year', 'book review LCC-204781 on 2 January', 'past', 'add the year'],
    // Without a year chrono takes the nearest: on 4 January 2027, 29 October is 2026's, which has passed.
    ['a date more than six months ahead without a year', 'book review LCC-204781 Friday 29 October 2pm', 'past', 'Thu 29 Oct 2026 has passed'],
    ['earlier today', 'book review LCC-204781 today at 9:30', 'past', '09:30 on Mon 4 Jan 2027 has passed'],
    ['"last" Tuesday', 'book review LCC-204781 last Tuesday', 'past', 'has passed'],
    ['a month, not a day', 'book review LCC-204781 in January', 'which-day', 'Which day?'],
    ['next week', 'book review LCC-204781 next week', 'which-day', 'Which day?'],
    ['a time without a certain hour ("half past ten")', 'book review LCC-204781 half past ten on 12 January', 'which-time', 'half past ten'],
    ['a part of the day for a time', 'book review LCC-204781 12 January afternoon', 'which-time', 'What time?'],
    ['an hour that could be morning or afternoon', 'book review LCC-204781 12 January at 2', 'which-time', 'morning or the afternoon'],
    ['a time range', 'book review LCC-204781 12 January 2pm-3pm', 'which-time', 'only the start time'],
    ['two dates', 'book review LCC-204781 12 January or 14 January', 'two-dates', '"12 January" and "14 January"'],
    ['a date and a second time', 'book review LCC-204781 12 January 2pm 3pm', 'two-dates', 'more than one'],
    ['a time with no date', 'book review LCC-204781 at 2pm', 'time-without-date', 'Which day?'],
    ['a weekday that does not match the date', 'book review LCC-204781 Monday 12 January', 'which-day', 'is a Tuesday, not a Monday'],
    ['a month-first date', 'book review LCC-204781 01/13', 'which-day', 'day/month'],
    ['words it cannot read', 'book review LCC-204781 12 January after the school run', 'unreadable', 'after school run'],
    ['only unreadable words', 'book review LCC-204781 soonish', 'unreadable', 'soonish'],
    ['a date chrono half-reads ("a week on Tuesday")', 'book review LCC-204781 a week on Tuesday', 'unreadable', 'a week'],
    ['both online and in person', 'book review LCC-204781 12 January 2pm online or in person', 'mode', 'online (Teams) or in person'],
    ['a time the clocks skip', 'book review LCC-204781 28 March 2027 at 1:30am', 'no-such-time', 'clocks go forward'],
    ['a time that happens twice', 'book review LCC-204781 31 October 2027 at 1:30am', 'no-such-time', 'happens twice'],
  ])('%s', (_name, message, reason, words) => {
    const result = parseTypedBooking(message, NOW);
    expect(result).toMatchObject({ kind: 'question', reason, caseReference: 'LCC-204781' });
    expect(result.kind === 'question' && result.question).toContain(words);
  });

  it.each([
    ['no case reference', 'book review'],
    ['a word where the reference goes', 'book review on 12 January at 2pm'],
    ['a date where the reference goes', 'book review 12/01 at 2pm'],
    ['a reference with other characters', 'book review LCC_204781'],
    ['a reference over 30 characters', `book review LCC-${'1'.repeat(30)}`],
  ])('asks for the case reference when there is %s', (_name, message) => {
    const result = parseTypedBooking(message, NOW);
    expect(result).toMatchObject({ kind: 'question', reason: 'case-reference' });
    expect(result).not.toHaveProperty('caseReference');
  });

  it.each(['help', 'book', 'review LCC-1', '', 'please book review LCC-204781'])('answers "%s" as not a booking', (message) => {
    expect(parseTypedBooking(message, NOW)).toMatchObject({ kind: 'question', reason: 'not-a-booking' });
    expect(isBookingCommand(message)).toBe(false);
  });

  it('recognises the command for the dispatcher', () => {
    for (const example of BOOKING_GRAMMAR.examples) expect(isBookingCommand(example)).toBe(true);
    expect(isBookingCommand(42)).toBe(false);
  });

  it('reads every example in the grammar as a booking', () => {
    for (const example of BOOKING_GRAMMAR.examples) expect(parseTypedBooking(example, NOW).kind).toBe('booking');
  });
});

const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const words = [
  'book', 'review', 'for', 'LCC-204781', 'on', 'at', 'Tuesday', 'next', 'last', 'Thursday', '12', 'January', 'Jan', '12/01', '01/13', '29/03/2027',
  '2pm', '14:00', '10:30', '1:30am', 'half', 'past', 'ten', 'noon', 'tomorrow', 'today', 'week', 'month', 'Teams', 'in', 'person', 'online', 'and', 'or', '-', '3pm',
];

describe('parseTypedBooking on any text', () => {
  it('never throws, and every answer fits the schema', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => `book review ${s}`)), fc.integer({ min: 0, max: 4 * 365 * 24 }), (message, hours) => {
        const result = parseTypedBooking(message, new Date(Date.parse('2026-01-01T00:00:00Z') + hours * 3_600_000).toISOString());
        expect(typedBookingSchema.safeParse(result).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never books a past or unreadable instant: a start is in the future and is the London date and time it names', () => {
    const sentence = fc.array(fc.constantFrom(...words), { maxLength: 8 }).map((w) => `book review LCC-204781 ${w.join(' ')}`);
    fc.assert(
      fc.property(sentence, fc.integer({ min: 0, max: 3 * 365 * 24 }), (message, hours) => {
        const now = new Date(Date.parse('2026-01-01T00:00:00Z') + hours * 3_600_000).toISOString();
        const result = parseTypedBooking(message, now);
        expect(typedBookingSchema.safeParse(result).success).toBe(true);
        if (result.kind !== 'booking' || result.start === null) return;
        expect(Date.parse(result.start)).toBeGreaterThanOrEqual(Date.parse(now));
        const parts = Object.fromEntries(london.formatToParts(new Date(result.start)).map((p) => [p.type, p.value]));
        expect(`${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`).toBe(`${result.date} ${result.time}`);
      }),
      { numRuns: 400 },
    );
  });
});
