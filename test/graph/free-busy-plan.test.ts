import fc from 'fast-check';
import { distinctPeople, MAX_SCHEDULES_PER_CALL, MAX_WINDOW_MS, mergeBusy, scheduleQueries, windowsOf } from '../../src/graph/free-busy-plan';

const DAY = 24 * 3600_000;
const T0 = Date.parse('2027-01-01T00:00:00Z');
const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@council.example`);

describe('scheduleQueries', () => {
  it.each([
    { people: 1, days: 1, calls: 1 },
    { people: 20, days: 61, calls: 1 },
    { people: 21, days: 61, calls: 2 },
    { people: 45, days: 14, calls: 3 },
    { people: 20, days: 62, calls: 2 },
    { people: 40, days: 70, calls: 4 },
    { people: 25, days: 123, calls: 6 },
    { people: 0, days: 14, calls: 0 },
  ])('$people people over $days days → $calls calls', ({ people: n, days, calls }) => {
    expect(scheduleQueries(people(n), T0, T0 + days * DAY)).toHaveLength(calls);
  });

  it('an empty or backwards window asks nothing', () => {
    expect(windowsOf(T0, T0)).toEqual([]);
    expect(windowsOf(T0, T0 - 1)).toEqual([]);
  });

  it('covers every person over every instant of the window exactly once, each call within Graph\'s limits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 200 * DAY }), fc.double({ min: 0, max: 1, noNaN: true }), (n, length, where) => {
        const queries = scheduleQueries(people(n), T0, T0 + length);
        expect(queries.every((q) => q.schedules.length >= 1 && q.schedules.length <= MAX_SCHEDULES_PER_CALL)).toBe(true);
        expect(queries.every((q) => q.to - q.from > 0 && q.to - q.from < 62 * DAY)).toBe(true);
        expect(queries).toHaveLength(Math.ceil(n / MAX_SCHEDULES_PER_CALL) * Math.ceil(length / MAX_WINDOW_MS));
        const instant = T0 + Math.min(length - 1, Math.floor(where * length));
        for (const person of people(n)) {
          const covering = queries.filter((q) => q.schedules.includes(person) && q.from <= instant && instant < q.to);
          expect(covering).toHaveLength(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('distinctPeople', () => {
  it('keeps the first spelling of each address, case-insensitively, in order', () => {
    expect(distinctPeople(['B@x.org', 'a@x.org', 'b@x.org', 'A@X.ORG', 'c@x.org'])).toEqual(['B@x.org', 'a@x.org', 'c@x.org']);
  });
});

describe('mergeBusy', () => {
  const at = (h: number) => T0 + h * 3600_000;
  const iso = (h: number) => new Date(at(h)).toISOString();

  it.each([
    { name: 'overlapping', input: [[1, 3], [2, 4]], out: [[1, 4]] },
    { name: 'touching', input: [[1, 2], [2, 3]], out: [[1, 3]] },
    { name: 'apart, unsorted', input: [[5, 6], [1, 2]], out: [[1, 2], [5, 6]] },
    { name: 'contained', input: [[1, 10], [2, 3]], out: [[1, 10]] },
    { name: 'clipped to the window', input: [[-2, 1], [23, 30]], out: [[0, 1], [23, 24]] },
    { name: 'outside the window', input: [[-5, -1], [25, 26]], out: [] },
  ])('$name', ({ input, out }) => {
    expect(mergeBusy(input.map(([s, e]) => ({ start: at(s!), end: at(e!) })), at(0), at(24))).toEqual(out.map(([s, e]) => ({ start: iso(s!), end: iso(e!) })));
  });

  it('is sorted, disjoint, inside the window, and busy exactly where some input was', () => {
    const interval = fc.tuple(fc.integer({ min: -10, max: 34 }), fc.integer({ min: 1, max: 10 })).map(([s, len]) => ({ start: at(s), end: at(s + len) }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), fc.integer({ min: 0, max: 47 }), (input, halfHour) => {
        const merged = mergeBusy(input, at(0), at(24)).map((i) => ({ start: Date.parse(i.start), end: Date.parse(i.end) }));
        for (let i = 1; i < merged.length; i += 1) expect(merged[i]!.start).toBeGreaterThan(merged[i - 1]!.end);
        expect(merged.every((i) => i.start >= at(0) && i.end <= at(24) && i.end > i.start)).toBe(true);
        const t = at(0) + halfHour * 1800_000;
        expect(merged.some((i) => i.start <= t && t < i.end)).toBe(input.some((i) => i.start <= t && t < i.end));
      }),
      { numRuns: 200 },
    );
  });
});
