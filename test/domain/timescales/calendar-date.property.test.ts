import fc from 'fast-check';
import {
  addDays,
  addMonths,
  daysBetween,
  fromDayNumber,
  isCalendarDate,
  toDayNumber,
  weekdayOfDayNumber,
} from '../../../src/domain/timescales/calendar-date';

/**
 * The domain's own date arithmetic (kept for speed: see the README) must agree with the platform's
 * proleptic Gregorian UTC calendar, `Date.UTC`, on every day from 0001-01-01 to 9999-12-31.
 */
const DAY_MS = 86_400_000;
const FIRST = -719_162; // 0001-01-01
const LAST = 2_932_896; // 9999-12-31

/** Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not. */
function utcDayNumber(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY_MS);
}
const utcDate = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
const parts = (date: string) => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))] as const;

/** Years where the leap rules differ (every 4th, every 100th, every 400th) come up often. */
const year = fc.oneof(
  fc.integer({ min: 1, max: 9999 }),
  fc.integer({ min: 1, max: 2499 }).map((n) => n * 4),
  fc.integer({ min: 1, max: 99 }).map((n) => n * 100),
  fc.integer({ min: 1, max: 24 }).map((n) => n * 400),
);
/** Any day, or the last days of a month (28-31, rolled over by Date when the month lacks them). */
const dayNumber = fc.oneof(
  fc.integer({ min: FIRST, max: LAST }),
  fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 28, max: 31 })).map(([y, m, d]) => utcDayNumber(y, m, d)).filter((n) => n <= LAST),
);
const date = dayNumber.map(utcDate);
const offset = fc.integer({ min: -40_000, max: 40_000 });

describe('calendar-date agrees with Date.UTC', () => {
  it('day numbers and dates convert both ways as Date does', () => {
    fc.assert(
      fc.property(dayNumber, (n) => {
        expect(fromDayNumber(n)).toBe(utcDate(n));
        expect(toDayNumber(utcDate(n))).toBe(n);
        expect(toDayNumber(utcDate(n))).toBe(utcDayNumber(...parts(utcDate(n))));
      }),
      { numRuns: 2000 },
    );
  });

  it('the weekday is getUTCDay()', () => {
    fc.assert(fc.property(dayNumber, (n) => expect(weekdayOfDayNumber(n)).toBe(new Date(n * DAY_MS).getUTCDay())));
  });

  it('addDays and daysBetween are millisecond arithmetic on UTC midnights', () => {
    fc.assert(
      fc.property(date, offset, (d, k) => {
        const n = toDayNumber(d);
        fc.pre(n + k >= FIRST && n + k <= LAST);
        const expected = utcDate(utcDayNumber(...parts(d)) + k);
        expect(addDays(d, k)).toBe(expected);
        expect(daysBetween(d, expected)).toBe(k);
      }),
    );
  });

  it('addMonths is Date.UTC month arithmetic, a missing day clamped to the month’s last', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -1200, max: 1200 }), (d, k) => {
        const [year, month, day] = parts(d);
        const first = new Date(0);
        first.setUTCFullYear(year, month - 1 + k, 1);
        fc.pre(first.getUTCFullYear() >= 1 && first.getUTCFullYear() <= 9999);
        const last = new Date(first.getTime());
        last.setUTCMonth(last.getUTCMonth() + 1, 0);
        const expected = utcDate(Math.round(first.getTime() / DAY_MS) + Math.min(day, last.getUTCDate()) - 1);
        expect(addMonths(d, k)).toBe(expected);
      }),
    );
  });

  it("accepts exactly the 'YYYY-MM-DD' strings that name a real day", () => {
    const two = fc.integer({ min: 0, max: 39 }).map((n) => String(n).padStart(2, '0'));
    const day = fc.oneof(two, fc.constantFrom('28', '29', '30', '31'));
    const candidate = fc.tuple(fc.oneof(fc.constant(0), year), two, day).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${m}-${d}`);
    fc.assert(
      fc.property(candidate, (s) => {
        const [year, month, day] = parts(s);
        const n = utcDayNumber(year, month, day);
        const real = month >= 1 && month <= 12 && day >= 1 && utcDate(n) === s;
        expect(isCalendarDate(s)).toBe(real);
      }),
      { numRuns: 3000 },
    );
  });
});
