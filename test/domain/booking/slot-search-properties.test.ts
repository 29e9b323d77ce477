import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { DEFAULT_SLOT_RULES, Slot, SlotRules, SlotSearchInput, findSlots } from '../../../src/domain/booking/slot-search';
import { addDays, daysBetween } from '../../../src/domain/timescales';
import { FreeBusy } from '../../../src/ports/calendar';
import { englandAndWales as calendar } from '../timescales/shipped-timescales';

/** London wall clock of an instant, worked out by Intl (not by the code under test). */
const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
function wallClock(iso: string): { date: string; minutes: number } {
  const parts = Object.fromEntries(london.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number) => aStart < bEnd && bStart < aEnd;

const DAY = 86_400_000;
/** Windows starting 2026-12-01 .. 2028-06-30: two clock changes a year and several bank holidays each. */
const earliest = fc.integer({ min: 0, max: 575 }).map((n) => addDays('2026-12-01', n));

/** Minutes from `min` to `max`, mostly on or a minute either side of a quarter hour, where slot edges are. */
const nearGrid = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min, max }),
    fc.tuple(fc.integer({ min: Math.ceil(min / 15), max: Math.floor(max / 15) }), fc.constantFrom(-1, 0, 0, 1)).map(([q, e]) => Math.min(max, Math.max(min, q * 15 + e))),
  );

/** A busy interval: mostly within three days of the target (where the offered slots are), sometimes anywhere. */
const busyArbitrary = fc.record({
  nearTarget: fc.boolean(),
  day: fc.integer({ min: -3, max: 3 }),
  anyDay: fc.integer({ min: -1, max: 62 }),
  minuteOfDay: nearGrid(0, 24 * 60 - 1),
  minutes: fc.oneof(nearGrid(1, 240), nearGrid(1, 3 * 24 * 60)),
});

type BusyShape = typeof busyArbitrary extends fc.Arbitrary<infer T> ? T : never;

const input: fc.Arbitrary<SlotSearchInput> = earliest.chain((first) =>
  fc.record({
    length: fc.integer({ min: 0, max: 61 }),
    targetOffset: fc.integer({ min: -5, max: 66 }),
    nowOffsetMinutes: fc.integer({ min: -3 * 24 * 60, max: 20 * 24 * 60 }),
    school: fc.boolean(),
    attendees: fc.array(
      fc.record({
        known: fc.boolean(),
        busy: fc.array(busyArbitrary, { maxLength: 12 }),
      }),
      { maxLength: 6 },
    ),
    chair: fc.array(busyArbitrary, { maxLength: 8 }),
    rules: fc.record({
      workingStart: fc.integer({ min: 7 * 4, max: 11 * 4 }).map((q) => q * 15),
      workingLength: fc.integer({ min: 4, max: 11 * 4 }).map((q) => q * 15),
      durationMinutes: fc.constantFrom(30, 45, 60, 90),
      stepMinutes: fc.constantFrom(15, 30, 60),
      maxSlots: fc.integer({ min: 1, max: 8 }),
      defaults: fc.boolean(),
    }),
  }).map((g): SlotSearchInput => {
    const origin = Date.parse(`${first}T00:00:00Z`);
    const at = (minute: number) => new Date(origin + minute * 60_000).toISOString();
    const interval = (b: BusyShape) => {
      const startMinute = (b.nearTarget ? g.targetOffset + b.day : b.anyDay) * 24 * 60 + b.minuteOfDay;
      return { start: at(startMinute), end: at(startMinute + b.minutes) };
    };
    const rules: SlotRules = g.rules.defaults
      ? DEFAULT_SLOT_RULES
      : {
          ...DEFAULT_SLOT_RULES,
          workingHours: { start: hhmm(g.rules.workingStart), end: hhmm(Math.min(g.rules.workingStart + g.rules.workingLength, 24 * 60 - 15)) },
          durationMinutes: g.rules.durationMinutes,
          stepMinutes: g.rules.stepMinutes,
          maxSlots: g.rules.maxSlots,
        };
    return {
      window: { earliest: first, latest: addDays(first, g.length), target: addDays(first, g.targetOffset) },
      attendees: g.attendees.map((a, i): FreeBusy => ({
        email: `person${i}@example.org`,
        known: a.known,
        busy: a.busy.map(interval),
      })),
      chairReviews: g.chair.map(interval),
      calendar,
      schoolAgeChildAttends: g.school,
      rules,
      now: at(g.nowOffsetMinutes),
    };
  }),
);

const rulesOf = (i: SlotSearchInput): SlotRules => ({ ...DEFAULT_SLOT_RULES, ...i.rules });
const busyOf = (i: SlotSearchInput) => [...i.attendees.filter((a) => a.known).flatMap((a) => a.busy), ...(i.chairReviews ?? [])];
const distance = (i: SlotSearchInput, s: Slot) => Math.abs(daysBetween(i.window.target, s.date));

/**
 * Every slot the rules allow, by brute force: each day of the window, each grid start, each
 * instant made by TZDate and checked against every busy interval one by one, sorted.
 */
function everyAllowedSlot(i: SlotSearchInput): Array<{ date: string; time: string }> {
  const rules = rulesOf(i);
  const work = [minutesOf(rules.workingHours.start), minutesOf(rules.workingHours.end)] as const;
  const school = [minutesOf(rules.schoolHours.start), minutesOf(rules.schoolHours.end)] as const;
  const nowMs = Date.parse(i.now);
  const found: Array<{ date: string; time: string; d: number }> = [];
  for (let n = 0; n <= daysBetween(i.window.earliest, i.window.latest); n++) {
    const date = addDays(i.window.earliest, n);
    if (!calendar.isWorkingDay(date)) continue;
    for (let m = 0; m + rules.durationMinutes <= 24 * 60; m += rules.stepMinutes) {
      if (m < work[0] || m + rules.durationMinutes > work[1]) continue;
      if (i.schoolAgeChildAttends && overlaps(m, m + rules.durationMinutes, school[0], school[1])) continue;
      const start = TZDate.tz('Europe/London', Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Math.floor(m / 60), m % 60).getTime();
      const end = start + rules.durationMinutes * 60_000;
      if (start < nowMs) continue;
      if (busyOf(i).some((b) => overlaps(start, end, Date.parse(b.start), Date.parse(b.end)))) continue;
      found.push({ date, time: hhmm(m), d: Math.abs(daysBetween(i.window.target, date)) });
    }
  }
  found.sort((a, b) => a.d - b.d || a.date.localeCompare(b.date) || a.time.localeCompare(b.time));
  return found.map(({ date, time }) => ({ date, time }));
}

describe('findSlots, for any window, calendars and rules', () => {
  it('never offers a slot that clashes with a busy interval, a weekend, a bank holiday or school hours, or lies outside the window, working hours or the past', () => {
    fc.assert(
      fc.property(input, (i) => {
        const rules = rulesOf(i);
        const slots = findSlots(i);
        expect(slots.length).toBeLessThanOrEqual(rules.maxSlots);
        for (const slot of slots) {
          const start = Date.parse(slot.start);
          const end = Date.parse(slot.end);
          expect(end - start).toBe(rules.durationMinutes * 60_000);
          expect(start).toBeGreaterThanOrEqual(Date.parse(i.now));
          // Inside the window, on a working day (Monday to Friday, not a bank holiday).
          expect(slot.date >= i.window.earliest && slot.date <= i.window.latest).toBe(true);
          expect(calendar.isWorkingDay(slot.date)).toBe(true);
          expect(calendar.isBankHoliday(slot.date)).toBe(false);
          expect([0, 6]).not.toContain(new Date(`${slot.date}T12:00:00Z`).getUTCDay());
          // Its London date and times are what the instants are, by Intl.
          const from = wallClock(slot.start);
          const to = wallClock(slot.end);
          expect([from.date, hhmm(from.minutes), hhmm(to.minutes)]).toEqual([slot.date, slot.time, slot.endTime]);
          expect(from.minutes).toBeGreaterThanOrEqual(minutesOf(rules.workingHours.start));
          expect(to.minutes).toBeLessThanOrEqual(minutesOf(rules.workingHours.end));
          if (i.schoolAgeChildAttends) {
            expect(overlaps(from.minutes, to.minutes, minutesOf(rules.schoolHours.start), minutesOf(rules.schoolHours.end))).toBe(false);
          }
          for (const b of busyOf(i)) expect(overlaps(start, end, Date.parse(b.start), Date.parse(b.end))).toBe(false);
          expect([...slot.unknownAttendees].sort()).toEqual(i.attendees.filter((a) => !a.known).map((a) => a.email).sort());
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is sorted by distance from the target, then date, then time, and is exactly the first slots a brute-force search allows', () => {
    fc.assert(
      fc.property(input, (i) => {
        const slots = findSlots(i);
        for (let k = 1; k < slots.length; k++) {
          const a = slots[k - 1]!;
          const b = slots[k]!;
          const order = distance(i, a) - distance(i, b) || a.date.localeCompare(b.date) || a.time.localeCompare(b.time);
          expect(order).toBeLessThan(0);
        }
        expect(slots.map((s) => ({ date: s.date, time: s.time }))).toEqual(everyAllowedSlot(i).slice(0, rulesOf(i).maxSlots));
      }),
      { numRuns: 100 },
    );
  });

  it('a whole busy day for everyone leaves that day out and changes nothing else', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 61 }), (i, n) => {
        const day = addDays(i.window.earliest, n);
        const wholeDay = { start: new Date(Date.parse(`${day}T00:00:00Z`) - DAY / 24).toISOString(), end: new Date(Date.parse(`${day}T23:00:00Z`)).toISOString() };
        const before = findSlots({ ...i, rules: { ...i.rules, maxSlots: 20 } }).filter((s) => s.date !== day);
        const after = findSlots({ ...i, chairReviews: [...(i.chairReviews ?? []), wholeDay], rules: { ...i.rules, maxSlots: 20 } });
        expect(after.some((s) => s.date === day)).toBe(false);
        expect(after.slice(0, before.length)).toEqual(before.slice(0, after.length));
      }),
      { numRuns: 60 },
    );
  });
});
