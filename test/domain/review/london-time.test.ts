import fc from 'fast-check';
import { londonDate, londonTimeAndDate } from '../../../src/domain/review/london-time';
import { calendarDateInLondon, formatCalendarDate } from '../../../src/domain/timescales';

describe('instants in words, Europe/London', () => {
  it.each([
    ['2026-12-01T10:32:00.000Z', '10:32 on Tue 1 Dec 2026', 'Tue 1 Dec 2026'],
    ['2026-06-01T09:30:00.000Z', '10:30 on Mon 1 Jun 2026', 'Mon 1 Jun 2026'],
    ['2026-06-30T23:30:00.000Z', '00:30 on Wed 1 Jul 2026', 'Wed 1 Jul 2026'],
    ['2026-03-29T00:59:00.000Z', '00:59 on Sun 29 Mar 2026', 'Sun 29 Mar 2026'],
    ['2026-03-29T01:00:00.000Z', '02:00 on Sun 29 Mar 2026', 'Sun 29 Mar 2026'],
    ['2026-10-25T00:30:00.000Z', '01:30 on Sun 25 Oct 2026', 'Sun 25 Oct 2026'],
    ['2026-10-25T01:30:00.000Z', '01:30 on Sun 25 Oct 2026', 'Sun 25 Oct 2026'],
  ])('%s is %s', (instant, timeAndDate, date) => {
    expect(londonTimeAndDate(instant)).toBe(timeAndDate);
    expect(londonDate(instant)).toBe(date);
  });

  it('never shows an ISO stamp, and the date is the London calendar date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        const words = londonTimeAndDate(d.toISOString());
        expect(words).not.toMatch(/\d{4}-\d\d-\d\d|T\d\d:/);
        expect(words).toMatch(/^\d\d:\d\d on /);
        expect(londonDate(d.toISOString())).toBe(formatCalendarDate(calendarDateInLondon(d)));
      }),
    );
  });

  it('leaves text that is not an instant as it is', () => {
    expect(londonTimeAndDate('not a time')).toBe('not a time');
  });
});
