/**
 * Calendar dates ('YYYY-MM-DD') as the procedures mean them: a day in Europe/London, with no time
 * and no zone. Arithmetic is done on whole-day numbers (days since 1970-01-01), never on a JS Date
 * in local time, so no answer can move by a day across a clock change.
 */

/** A calendar date, 'YYYY-MM-DD'. */
export type CalendarDate = string;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a (proleptic Gregorian) year, month, day (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The year, month and day of a day number (H. Hinnant's civil_from_days). */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The number written in date[from, to) if every character is a digit, else NaN. */
function digits(date: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = date.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** The day number of a 'YYYY-MM-DD' string, or NaN if it is not a real date. Parsed by hand: this is on every hot path. */
function parseDayNumber(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return NaN;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  return daysFromCivil(year, month, day);
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  return !Number.isNaN(parseDayNumber(value));
}

/** The day number of a calendar date; throws a RangeError naming the value if it is not a real 'YYYY-MM-DD' date. */
export function toDayNumber(date: CalendarDate): number {
  const dayNumber = parseDayNumber(date);
  if (Number.isNaN(dayNumber)) throw new RangeError(`not a calendar date (expected 'YYYY-MM-DD'): ${JSON.stringify(date)}`);
  return dayNumber;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function yearOfDayNumber(dayNumber: number): number {
  return civilFromDays(dayNumber).year;
}

export function firstDayOfYear(year: number): number {
  return daysFromCivil(year, 1, 1);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(date: CalendarDate): boolean {
  const weekday = weekdayOfDayNumber(toDayNumber(date));
  return weekday === 0 || weekday === 6;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar months later (or earlier); a day that the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  toDayNumber(date);
  const year = Number(date.slice(0, 4));
  const monthIndex = year * 12 + Number(date.slice(5, 7)) - 1 + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(targetYear, targetMonth));
  return fromDayNumber(daysFromCivil(targetYear, targetMonth, day));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 'Mon 28 Dec 2026', for messages a chair reads. */
export function formatCalendarDate(date: CalendarDate): string {
  const dayNumber = toDayNumber(date);
  const { year, month, day } = civilFromDays(dayNumber);
  return `${WEEKDAYS[weekdayOfDayNumber(dayNumber)]} ${day} ${MONTHS[month - 1]} ${year}`;
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Europe/London at an instant: how an adapter turns "now" into `today`. */
export function calendarDateInLondon(instant: Date): CalendarDate {
  const parts = londonDate.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
