import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  InvalidFileError,
  WorkingDayCalendar,
  addMonths,
  calendarDateInLondon,
  formatCalendarDate,
  loadBankHolidaysFile,
  parseBankHolidayData,
} from '../../../src/domain/timescales';
import { bankHolidays, englandAndWales } from './shipped-timescales';

const scotland = WorkingDayCalendar.fromBankHolidays(bankHolidays, 'scotland');
const northernIreland = WorkingDayCalendar.fromBankHolidays(bankHolidays, 'northern-ireland');

describe('bank holidays from the shipped GOV.UK data', () => {
  it.each([
    ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
    ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
    ['2022-06-03', 'Platinum Jubilee bank holiday'],
    ['2020-05-08', 'Early May bank holiday (VE day)'],
    ['2026-12-28', 'Boxing Day'],
    ['2027-12-27', 'Christmas Day'],
    ['2027-12-28', 'Boxing Day'],
    ['2028-01-03', 'New Year’s Day'],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
  ])('%s is not a working day in England and Wales (%s)', (date, name) => {
    expect(englandAndWales.isWorkingDay(date)).toBe(false);
    expect(englandAndWales.bankHolidayName(date)).toBe(name);
    expect(englandAndWales.holidaySource(Number(date.slice(0, 4)))).toBe('gov-uk');
  });

  it.each([
    ['2026-12-24', true],
    ['2026-12-29', true],
    ['2026-12-26', false], // Saturday: Boxing Day's substitute is the Monday
    ['2022-05-30', true], // the spring bank holiday moved to 2 June in 2022
    ['2026-03-30', true], // the Monday after the clock change
  ])('%s working day: %s', (date, working) => {
    expect(englandAndWales.isWorkingDay(date)).toBe(working);
  });

  it('Scotland and Northern Ireland are selectable and differ', () => {
    expect(scotland.isWorkingDay('2026-01-02')).toBe(false);
    expect(scotland.isWorkingDay('2026-04-06')).toBe(true); // no Easter Monday in Scotland
    expect(scotland.isWorkingDay('2026-08-03')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-08-03')).toBe(true);
    expect(northernIreland.isWorkingDay('2026-03-17')).toBe(false);
    expect(northernIreland.bankHolidayName('2026-07-13')).toBe('Battle of the Boyne (Orangemen’s Day)');
    expect(englandAndWales.addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
    expect(scotland.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
  });
});

describe('years the GOV.UK data does not cover fall back to date-holidays', () => {
  it.each([
    ['england-and-wales', '2030-12-25', false],
    ['england-and-wales', '2030-04-19', false], // Good Friday 2030
    ['england-and-wales', '2032-12-27', false], // substitute Christmas Day
    ['england-and-wales', '2032-12-28', false], // substitute Boxing Day
    ['england-and-wales', '2030-12-24', true],
    ['northern-ireland', '2029-03-19', false], // St Patrick's Day substitute
    ['scotland', '2030-12-02', false], // St Andrew's Day substitute
    ['england-and-wales', '2018-08-27', false],
  ] as const)('%s: %s working day: %s', (division, date, working) => {
    const calendar = { 'england-and-wales': englandAndWales, scotland, 'northern-ireland': northernIreland }[division];
    expect(calendar.isWorkingDay(date)).toBe(working);
    expect(calendar.holidaySource(Number(date.slice(0, 4)))).toBe('date-holidays');
  });

  it('an updated file supplied by configuration wins for the years it covers', () => {
    const updated = parseBankHolidayData(
      { 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'A one-off day', date: '2030-06-14', notes: '' }] } },
      'updated.json',
    );
    const calendar = WorkingDayCalendar.fromBankHolidays(updated);
    expect(calendar.holidaySource(2030)).toBe('gov-uk');
    expect(calendar.bankHolidayName('2030-06-14')).toBe('A one-off day');
    expect(calendar.isWorkingDay('2030-12-25')).toBe(true); // the supplied file is the whole truth for 2030
    expect(calendar.isWorkingDay('2031-12-25')).toBe(false); // and date-holidays for 2031
  });
});

describe('counting working days', () => {
  it.each([
    ['2026-12-23', 1, '2026-12-24'],
    ['2026-12-24', 1, '2026-12-29'],
    ['2026-12-29', -1, '2026-12-24'],
    ['2026-12-26', -1, '2026-12-24'],
    ['2026-12-26', 0, '2026-12-26'],
    ['2026-03-27', 1, '2026-03-30'],
    ['2022-09-16', 1, '2022-09-20'],
    ['2023-05-05', 1, '2023-05-09'],
    ['2026-01-02', 250, '2026-12-29'],
  ])('%s plus %i working days is %s', (date, n, expected) => {
    expect(englandAndWales.addWorkingDays(date, n)).toBe(expected);
  });

  it('counts far ahead and far back, extending its table as it goes', () => {
    const calendar = WorkingDayCalendar.fromBankHolidays(bankHolidays);
    const far = calendar.addWorkingDays('2026-01-05', 5000);
    expect(calendar.workingDaysBetween('2026-01-05', far)).toBe(5000);
    expect(calendar.addWorkingDays(far, -5000)).toBe('2026-01-05');
    expect(calendar.workingDaysBetween(far, '2026-01-05')).toBe(-5000);
  });

  it('does not depend on the process time zone', () => {
    const before = process.env.TZ;
    try {
      const answers = ['Europe/London', 'Pacific/Kiritimati', 'America/Los_Angeles'].map((tz) => {
        process.env.TZ = tz;
        return [englandAndWales.addWorkingDays('2026-03-27', 3), addMonths('2026-10-31', 1), calendarDateInLondon(new Date('2026-03-29T00:30:00Z'))];
      });
      expect(new Set(answers.map((a) => a.join()))).toEqual(new Set([answers[0]!.join()]));
    } finally {
      process.env.TZ = before;
    }
  });

  it('rejects dates that are not real', () => {
    expect(() => englandAndWales.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => englandAndWales.isWorkingDay('26-12-2026')).toThrow(/YYYY-MM-DD/);
  });
});

describe('calendar dates in Europe/London', () => {
  it.each([
    ['2026-03-28T23:30:00Z', '2026-03-28'], // GMT, the night before the clocks go forward
    ['2026-03-29T00:30:00Z', '2026-03-29'],
    ['2026-03-29T23:30:00Z', '2026-03-30'], // BST: 00:30 on Monday in London
    ['2026-10-24T23:30:00Z', '2026-10-25'], // BST, the night the clocks go back
    ['2026-10-25T23:30:00Z', '2026-10-25'], // GMT again
  ])('the instant %s is %s in London', (instant, date) => {
    expect(calendarDateInLondon(new Date(instant))).toBe(date);
  });

  it('formats dates for a chair to read, and adds months clamped to the month end', () => {
    expect(formatCalendarDate('2026-12-28')).toBe('Mon 28 Dec 2026');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-29', 3)).toBe('2028-02-29');
  });
});

describe('a bad bank-holiday file stops start-up, naming the file, field and problem', () => {
  it.each([
    [{ 'england-and-wales': { division: 'england-and-wales' } }, 'england-and-wales.events: is missing (expected array)'],
    [{ scotland: { division: 'scotland', events: [{ title: 'x', date: '2026-02-30' }] } }, "scotland.events[0].date: must be a real date 'YYYY-MM-DD' (got \"2026-02-30\")"],
    [{ scotland: { division: 'england-and-wales', events: [] } }, 'scotland.division: says "england-and-wales" under the key "scotland"'],
    [{}, '(whole file): has none of the divisions'],
  ])('%#', (json, problem) => {
    expect(() => parseBankHolidayData(json, 'config/bank-holidays.json')).toThrow(`config/bank-holidays.json: ${problem}`);
  });

  it('a file that is not JSON', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'timescales-')), 'bank-holidays.json');
    fs.writeFileSync(file, '{ not json');
    expect(() => loadBankHolidaysFile(file)).toThrow(InvalidFileError);
    expect(() => loadBankHolidaysFile(file)).toThrow(`${file}: (whole file): is not valid JSON`);
  });
});
