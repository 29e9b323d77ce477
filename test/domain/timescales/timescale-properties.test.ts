import fc from 'fast-check';
import {
  CalendarDate,
  WorkingDayCalendar,
  addDays,
  calendarDateInLondon,
  daysBetween,
  minutesDueDate,
  nextReviewWindow,
  nextVisitDueDate,
} from '../../../src/domain/timescales';
import { bankHolidays, packs } from './shipped-timescales';

const calendars = {
  'england-and-wales': WorkingDayCalendar.fromBankHolidays(bankHolidays, 'england-and-wales'),
  scotland: WorkingDayCalendar.fromBankHolidays(bankHolidays, 'scotland'),
  'northern-ireland': WorkingDayCalendar.fromBankHolidays(bankHolidays, 'northern-ireland'),
} as const;
type DivisionName = keyof typeof calendars;

/** Bank holidays as GOV.UK lists them, to check the calendar against the data itself. */
const listedIn = (d: DivisionName): ReadonlySet<string> => new Set(bankHolidays[d]!.events.map((e) => e.date));
const listed: Record<DivisionName, ReadonlySet<string>> = {
  'england-and-wales': listedIn('england-and-wales'),
  scotland: listedIn('scotland'),
  'northern-ireland': listedIn('northern-ireland'),
};

const division = fc.constantFrom(...(Object.keys(calendars) as DivisionName[]));
/** Any date 2019-2028 (the data) or up to 2035 (date-holidays beyond it). */
const dateIn = (from: CalendarDate, to: CalendarDate) => fc.integer({ min: 0, max: daysBetween(from, to) }).map((n) => addDays(from, n));
const anyDate = dateIn('2019-01-01', '2035-12-31');
const dataDate = dateIn('2019-01-01', '2028-11-10'); // + 30 working days stays inside the data
const weekday = (date: CalendarDate) => new Date(`${date}T12:00:00Z`).getUTCDay();

/** The obvious, slow way: step a day at a time. */
function naiveAddWorkingDays(date: CalendarDate, n: number, holidays: ReadonlySet<string>): CalendarDate {
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (weekday(day) !== 0 && weekday(day) !== 6 && !holidays.has(day)) left--;
  }
  return day;
}

describe('working days: properties', () => {
  it('a due date in working days is never a weekend or a bank holiday', () => {
    fc.assert(
      fc.property(division, anyDate, fc.integer({ min: 1, max: 60 }), (d, date, n) => {
        const due = calendars[d].addWorkingDays(date, n);
        return weekday(due) !== 0 && weekday(due) !== 6 && !listed[d].has(due) && !calendars[d].isBankHoliday(due);
      }),
      { numRuns: 2000 },
    );
  });

  it('adding N working days then counting back gives N', () => {
    fc.assert(
      fc.property(division, anyDate, fc.integer({ min: -400, max: 400 }), (d, date, n) => {
        const calendar = calendars[d];
        const moved = calendar.addWorkingDays(date, n);
        return calendar.workingDaysBetween(date, moved) === n;
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with stepping one day at a time over the GOV.UK data', () => {
    fc.assert(
      fc.property(division, dataDate, fc.integer({ min: 1, max: 30 }), (d, date, n) => {
        return calendars[d].addWorkingDays(date, n) === naiveAddWorkingDays(date, n, listed[d]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('deadlines: properties of every pack', () => {
  const calendar = calendars['england-and-wales'];
  const pairOfDates = fc.tuple(anyDate, fc.integer({ min: 0, max: 40 })).map(([a, gap]) => [a, addDays(a, gap)] as const);
  const meetingType = fc.constantFrom('initial' as const, 'progress' as const, 'final' as const);
  const pack = fc.constantFrom(...packs.values());

  it('a later meeting never gets an earlier minutes deadline', () => {
    fc.assert(
      fc.property(pack, meetingType, pairOfDates, (p, type, [earlier, later]) => {
        const a = minutesDueDate(p, earlier, calendar, type).due;
        const b = minutesDueDate(p, later, calendar, type).due;
        return a === null ? b === null : b !== null && a <= b;
      }),
      { numRuns: 2000 },
    );
  });

  it('a minutes deadline in working days is a working day, and never before the meeting', () => {
    fc.assert(
      fc.property(pack, meetingType, anyDate, (p, type, meeting) => {
        const rule = p.minutes.find((r) => r.appliesTo.includes(type));
        const result = minutesDueDate(p, meeting, calendar, type);
        if (result.due === null) return true;
        return result.due > meeting && (rule?.within?.unit !== 'workingDays' || calendar.isWorkingDay(result.due));
      }),
      { numRuns: 2000 },
    );
  });

  it('a later visit never gets an earlier next-visit date', () => {
    fc.assert(
      fc.property(pack, pairOfDates, (p, [earlier, later]) => nextVisitDueDate(p, earlier, calendar).due <= nextVisitDueDate(p, later, calendar).due),
      { numRuns: 1000 },
    );
  });

  it('a later review never gets an earlier window, and the target is always inside it', () => {
    fc.assert(
      fc.property(pack, pairOfDates, (p, [earlier, later]) => {
        const history = (last: CalendarDate) => ({ planStart: '2018-01-01', lastReviewDate: last, reviewCount: 3 });
        const a = nextReviewWindow(p, history(earlier), calendar);
        const b = nextReviewWindow(p, history(later), calendar);
        return a.latest <= b.latest && a.earliest <= b.earliest && a.earliest <= a.target && a.target <= a.latest;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('London dates: properties', () => {
  /** When British Summer Time runs: 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. */
  const lastSundayAt1am = (year: number, month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0, 1));
    return last.getTime() - last.getUTCDay() * 86_400_000;
  };
  it('an instant is on the UTC date, or in summer time an hour later: never a day off across a clock change', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2035, 11, 31) }), (ms) => {
        const year = new Date(ms).getUTCFullYear();
        const summer = ms >= lastSundayAt1am(year, 2) && ms < lastSundayAt1am(year, 9);
        const expected = new Date(ms + (summer ? 3_600_000 : 0)).toISOString().slice(0, 10);
        return calendarDateInLondon(new Date(ms)) === expected;
      }),
      { numRuns: 3000 },
    );
  });
});
