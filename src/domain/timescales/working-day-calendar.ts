import Holidays from 'date-holidays';
import { BankHolidayData, Division } from './bank-holiday-data';
import {
  CalendarDate,
  firstDayOfYear,
  fromDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './calendar-date';

/** The `date-holidays` region for each GOV.UK division (used only for years the GOV.UK data does not cover). */
const FALLBACK_REGION: Readonly<Record<Division, string>> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/** Years the calendar will answer for; a date outside is almost certainly a typing error. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2299;

export type HolidaySource = 'gov-uk' | 'date-holidays';

/**
 * Working days (Monday to Friday, not a bank holiday) in one UK division.
 *
 * Bank holidays come from GOV.UK's data for every year it covers (so one-off days such as the
 * 2022 state funeral and the 2023 coronation, and every substitute day, are exactly as published),
 * and from the `date-holidays` library (public holidays, GB region) for years it does not.
 *
 * Cost: the holiday set is built once; a running count of working days is kept for a span of whole
 * years (extended on demand), so "is this a working day", "add N working days" and "how many working
 * days between" are O(1) or a binary search, whatever N is.
 */
export class WorkingDayCalendar {
  private readonly holidays = new Map<number, string>();
  private readonly govUkYears: ReadonlySet<number>;
  private readonly fallbackYearsLoaded = new Set<number>();
  private fallback: Holidays | undefined;
  private firstYear = 0;
  private lastYear = -1;
  private startDay = 0;
  /** counts[i] = working days in [startDay, startDay + i). */
  private counts = new Int32Array(1);

  private constructor(
    readonly division: Division,
    events: ReadonlyArray<{ readonly date: CalendarDate; readonly title: string }>,
  ) {
    const years = new Set<number>();
    for (const event of events) {
      const day = toDayNumber(event.date);
      this.holidays.set(day, event.title);
      years.add(yearOfDayNumber(day));
    }
    this.govUkYears = years;
  }

  /** A calendar for one division of GOV.UK bank-holiday data (checked by `parseBankHolidayData`). */
  static fromBankHolidays(data: BankHolidayData, division: Division = 'england-and-wales'): WorkingDayCalendar {
    const entry = data[division];
    if (entry === undefined) throw new RangeError(`the bank holiday data has no ${division} division`);
    return new WorkingDayCalendar(division, entry.events);
  }

  /** Where this calendar's bank holidays for a year come from. */
  holidaySource(year: number): HolidaySource {
    return this.govUkYears.has(year) ? 'gov-uk' : 'date-holidays';
  }

  /** The bank holiday's name, if the date is one. */
  bankHolidayName(date: CalendarDate): string | undefined {
    const day = toDayNumber(date);
    this.cover(day, day);
    return this.holidays.get(day);
  }

  isBankHoliday(date: CalendarDate): boolean {
    return this.bankHolidayName(date) !== undefined;
  }

  isWorkingDay(date: CalendarDate): boolean {
    const day = toDayNumber(date);
    this.cover(day, day);
    const i = day - this.startDay;
    return this.counts[i + 1]! - this.counts[i]! === 1;
  }

  /**
   * The nth working day after `date` (n > 0), or before it (n < 0); `date` itself for n = 0.
   * The answer is always a working day (for n ≠ 0), whether or not `date` is one.
   */
  addWorkingDays(date: CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n)) throw new RangeError(`a number of working days must be a whole number (got ${n})`);
    const day = toDayNumber(date);
    if (n === 0) return date;
    this.cover(day, day);
    for (;;) {
      const i = day - this.startDay;
      // The running count the answer must bring the total to (counted inclusively up to the answer).
      const target = n > 0 ? this.counts[i + 1]! + n : this.counts[i]! + n + 1;
      if (target < 1) {
        this.coverYears(this.firstYear - Math.ceil((1 - target) / 250) - 1, this.lastYear);
      } else if (target > this.counts[this.counts.length - 1]!) {
        this.coverYears(this.firstYear, this.lastYear + Math.ceil((target - this.counts[this.counts.length - 1]!) / 250) + 1);
      } else {
        return fromDayNumber(this.startDay + this.firstIndexReaching(target) - 1);
      }
    }
  }

  /**
   * Working days from `from` to `to`, counted the way addWorkingDays moves, so that
   * workingDaysBetween(d, addWorkingDays(d, n)) === n: forwards, the days after `from` up to and
   * including `to`; backwards (negative), the days from `to` up to but not including `from`.
   */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    this.cover(Math.min(a, b), Math.max(a, b));
    const edge = b >= a ? 1 : 0;
    return this.counts[b - this.startDay + edge]! - this.counts[a - this.startDay + edge]!;
  }

  /** The first index k with counts[k] >= target (counts is non-decreasing). */
  private firstIndexReaching(target: number): number {
    let lo = 0;
    let hi = this.counts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.counts[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private cover(fromDay: number, toDay: number): void {
    if (fromDay >= this.startDay && toDay < this.startDay + this.counts.length - 1) return;
    this.coverYears(yearOfDayNumber(fromDay), yearOfDayNumber(toDay));
  }

  /** Rebuilds the running count so that it spans at least the years given (and every year it spanned). */
  private coverYears(fromYear: number, toYear: number): void {
    const first = this.lastYear < this.firstYear ? fromYear : Math.min(fromYear, this.firstYear);
    const last = this.lastYear < this.firstYear ? toYear : Math.max(toYear, this.lastYear);
    if (first < EARLIEST_YEAR || last > LATEST_YEAR) {
      throw new RangeError(`working days are only counted for ${EARLIEST_YEAR}-${LATEST_YEAR} (asked for ${fromYear}-${toYear})`);
    }
    for (let year = first; year <= last; year++) this.loadFallbackYear(year);
    const startDay = firstDayOfYear(first);
    const length = firstDayOfYear(last + 1) - startDay;
    const counts = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) {
      const day = startDay + i;
      const weekday = weekdayOfDayNumber(day);
      const working = weekday !== 0 && weekday !== 6 && !this.holidays.has(day);
      counts[i + 1] = counts[i]! + (working ? 1 : 0);
    }
    this.firstYear = first;
    this.lastYear = last;
    this.startDay = startDay;
    this.counts = counts;
  }

  private loadFallbackYear(year: number): void {
    if (this.govUkYears.has(year) || this.fallbackYearsLoaded.has(year)) return;
    this.fallback ??= new Holidays('GB', FALLBACK_REGION[this.division], { types: ['public', 'bank'] });
    for (const holiday of this.fallback.getHolidays(year)) {
      if (holiday.type !== 'public' && holiday.type !== 'bank') continue;
      const day = toDayNumber(holiday.date.slice(0, 10));
      if (!this.holidays.has(day)) this.holidays.set(day, holiday.name);
    }
    this.fallbackYearsLoaded.add(year);
  }
}
