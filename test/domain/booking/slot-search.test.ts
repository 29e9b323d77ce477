import { FreeBusy } from '../../../src/ports/calendar';
import { DEFAULT_SLOT_RULES, SlotSearchInput, describeSlot, findSlots } from '../../../src/domain/booking/slot-search';
import { englandAndWales as calendar } from '../timescales/shipped-timescales';

const free = (email: string): FreeBusy => ({ email, known: true, busy: [] });
const busy = (email: string, ...intervals: Array<[string, string]>): FreeBusy => ({
  email,
  known: true,
  busy: intervals.map(([start, end]) => ({ start, end })),
});

/** January 2027: target Tue 12 Jan; no bank holidays in the window. */
const january: SlotSearchInput = {
  window: { earliest: '2027-01-04', latest: '2027-02-12', target: '2027-01-12' },
  attendees: [free('chair@council.example'), free('worker@council.example')],
  calendar,
  schoolAgeChildAttends: true,
  now: '2027-01-01T09:00:00.000Z',
};

/** Where each slot starts, as 'YYYY-MM-DD HH:mm' London time. */
const starts = (input: SlotSearchInput) => findSlots(input).map((s) => `${s.date} ${s.time}`);

describe('findSlots', () => {
  it.each<[string, Partial<SlotSearchInput>, string[]]>([
    [
      'with a school-age child: one slot a day, 15:30 (school out at 15:15, working day ends 16:30), nearest the target, the earlier day on a tie, weekends skipped',
      {},
      ['2027-01-12 15:30', '2027-01-11 15:30', '2027-01-13 15:30', '2027-01-14 15:30', '2027-01-15 15:30'],
    ],
    [
      'without a school-age child: the target day from 09:30, earliest time first',
      { schoolAgeChildAttends: false },
      ['2027-01-12 09:30', '2027-01-12 10:00', '2027-01-12 10:30', '2027-01-12 11:00', '2027-01-12 11:30'],
    ],
    [
      'an attendee busy all afternoon on the target day moves the first slot to the next nearest day',
      { attendees: [free('chair@council.example'), busy('worker@council.example', ['2027-01-12T12:00:00Z', '2027-01-12T17:00:00Z'])] },
      ['2027-01-11 15:30', '2027-01-13 15:30', '2027-01-14 15:30', '2027-01-15 15:30', '2027-01-08 15:30'],
    ],
    [
      'a busy interval ending as a slot starts does not clash with it; one starting a minute before it ends does',
      {
        schoolAgeChildAttends: false,
        window: { earliest: '2027-01-12', latest: '2027-01-12', target: '2027-01-12' },
        attendees: [busy('a@council.example', ['2027-01-12T09:00:00Z', '2027-01-12T10:30:00Z'], ['2027-01-12T11:29:00Z', '2027-01-12T12:00:00Z'])],
      },
      ['2027-01-12 12:00', '2027-01-12 12:30', '2027-01-12 13:00', '2027-01-12 13:30', '2027-01-12 14:00'],
    ],
    [
      "the chair's other reviews are busy too",
      { chairReviews: [{ start: '2027-01-12T15:00:00Z', end: '2027-01-12T16:00:00Z' }, { start: '2027-01-13T16:15:00Z', end: '2027-01-13T17:15:00Z' }] },
      ['2027-01-11 15:30', '2027-01-14 15:30', '2027-01-15 15:30', '2027-01-08 15:30', '2027-01-07 15:30'],
    ],
    [
      'nothing before now: today after 15:30 and every earlier day are gone',
      { now: '2027-01-12T15:45:00Z' },
      ['2027-01-13 15:30', '2027-01-14 15:30', '2027-01-15 15:30', '2027-01-18 15:30', '2027-01-19 15:30'],
    ],
    [
      'a slot starting exactly now is offered',
      { schoolAgeChildAttends: false, now: '2027-01-12T10:00:00Z', rules: { maxSlots: 2 } },
      ['2027-01-12 10:00', '2027-01-12 10:30'],
    ],
    [
      'a target before the window: the earliest days first',
      { window: { earliest: '2027-01-18', latest: '2027-01-29', target: '2027-01-05' }, rules: { maxSlots: 3 } },
      ['2027-01-18 15:30', '2027-01-19 15:30', '2027-01-20 15:30'],
    ],
    [
      'a target after the window: the latest days first',
      { window: { earliest: '2027-01-04', latest: '2027-01-15', target: '2027-02-01' }, rules: { maxSlots: 3 } },
      ['2027-01-15 15:30', '2027-01-14 15:30', '2027-01-13 15:30'],
    ],
    [
      '30-minute reviews after school: 15:30 and 16:00 each day',
      { rules: { durationMinutes: 30, maxSlots: 4 } },
      ['2027-01-12 15:30', '2027-01-12 16:00', '2027-01-11 15:30', '2027-01-11 16:00'],
    ],
    [
      'working hours that end before school does: nothing can be offered',
      { rules: { workingHours: { start: '09:30', end: '15:00' } } },
      [],
    ],
    ['a window wholly in the past', { now: '2027-03-01T09:00:00Z' }, []],
    ['a window whose earliest is after its latest', { window: { earliest: '2027-01-20', latest: '2027-01-19', target: '2027-01-19' } }, []],
  ])('%s', (_name, change, expected) => {
    expect(starts({ ...january, ...change })).toEqual(expected);
  });

  it('skips Good Friday and Easter Monday 2027 and is right on both sides of the 28 March clock change', () => {
    const slots = findSlots({
      ...january,
      window: { earliest: '2027-03-22', latest: '2027-04-09', target: '2027-03-29' },
    });
    expect(slots.map((s) => [s.date, s.time, s.start, s.end])).toEqual([
      ['2027-03-30', '15:30', '2027-03-30T14:30:00.000Z', '2027-03-30T15:30:00.000Z'], // BST: 15:30 is 14:30Z
      ['2027-03-31', '15:30', '2027-03-31T14:30:00.000Z', '2027-03-31T15:30:00.000Z'],
      ['2027-04-01', '15:30', '2027-04-01T14:30:00.000Z', '2027-04-01T15:30:00.000Z'],
      ['2027-03-25', '15:30', '2027-03-25T15:30:00.000Z', '2027-03-25T16:30:00.000Z'], // GMT: 15:30 is 15:30Z
      ['2027-04-02', '15:30', '2027-04-02T14:30:00.000Z', '2027-04-02T15:30:00.000Z'],
    ]);
  });

  it('10:30 on Mon 29 Mar 2027 would be 09:30Z and on Fri 26 Mar 10:30Z, but both are bank holidays: the nearest working days are used', () => {
    const around = (target: string) =>
      findSlots({ ...january, schoolAgeChildAttends: false, window: { earliest: '2027-03-25', latest: '2027-03-30', target }, rules: { maxSlots: 20 } });
    const dates = new Set(around('2027-03-29').map((s) => s.date));
    expect([...dates].sort()).toEqual(['2027-03-25', '2027-03-30']);
    const tenThirty = around('2027-03-29').filter((s) => s.time === '10:30');
    expect(Object.fromEntries(tenThirty.map((s) => [s.date, s.start]))).toEqual({
      '2027-03-30': '2027-03-30T09:30:00.000Z',
      '2027-03-25': '2027-03-25T10:30:00.000Z',
    });
  });

  it('names the attendees whose calendars could not be read on every slot, and still finds slots', () => {
    const slots = findSlots({ ...january, attendees: [free('chair@council.example'), { email: 'parent@gmail.example', known: false, busy: [] }] });
    expect(slots).toHaveLength(5);
    for (const slot of slots) expect(slot.unknownAttendees).toEqual(['parent@gmail.example']);
    expect(findSlots(january).every((s) => s.unknownAttendees.length === 0)).toBe(true);
  });

  it('ignores busy times of a calendar that is not known (they cannot be trusted to be complete)', () => {
    const unknownButBusy: FreeBusy = { email: 'x@elsewhere.example', known: false, busy: [{ start: '2027-01-12T00:00:00Z', end: '2027-01-13T00:00:00Z' }] };
    expect(starts({ ...january, attendees: [unknownButBusy], rules: { maxSlots: 1 } })).toEqual(['2027-01-12 15:30']);
  });

  it('describes a slot for the chair', () => {
    const [first] = findSlots(january);
    expect(describeSlot(first!)).toBe('Tue 12 Jan 2027, 15:30–16:30');
  });

  it.each([
    ['a working day that ends before it starts', { workingHours: { start: '16:30', end: '09:30' } }, /workingHours/],
    ['a time that is not HH:mm', { schoolHours: { start: '8:45', end: '15:15' } }, /schoolHours\.start/],
    ['no slots wanted', { maxSlots: 0 }, /maxSlots/],
    ['a fractional duration', { durationMinutes: 60.5 }, /durationMinutes/],
  ])('refuses rules with %s', (_name, rules, message) => {
    expect(() => findSlots({ ...january, rules })).toThrow(message);
  });

  it('refuses a busy interval that is not an ISO instant (an adapter bug), naming it', () => {
    expect(() => findSlots({ ...january, attendees: [busy('a@council.example', ['12/01/2027 10:00', '2027-01-12T11:00:00Z'])] })).toThrow('12/01/2027 10:00');
  });

  it('has the defaults the issue states', () => {
    expect(DEFAULT_SLOT_RULES).toEqual({
      workingHours: { start: '09:30', end: '16:30' },
      schoolHours: { start: '08:45', end: '15:15' },
      durationMinutes: 60,
      stepMinutes: 30,
      maxSlots: 5,
    });
  });
});
