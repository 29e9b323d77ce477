import {
  TimescaleInputError,
  checkProposedDate,
  describeVisitFrequency,
  driftAlerts,
  minutesDueDate,
  nextReviewWindow,
  nextVisitDueDate,
} from '../../../src/domain/timescales';
import { englandAndWales as calendar, shippedPack } from './shipped-timescales';

const ics = shippedPack('ics-authority');

describe('ICS authority (002): visits', () => {
  // 002: "At least once every 20 working days (from and including the day of the visit)."
  it.each([
    ['visit on Monday 14 Dec 2026: the visit day is day 1; Christmas, the 28 Dec substitute day and New Year skipped', '2026-12-14', '2027-01-13'],
    ['visit the Friday before the March clock change, across Easter', '2026-03-20', '2026-04-20'],
    ['visit on Friday 23 Oct 2026 (day 1), before the October clock change', '2026-10-23', '2026-11-19'],
    ['visit on Saturday 24 Oct 2026: not a working day, so Monday is day 1', '2026-10-24', '2026-11-20'],
  ])('"every 20 working days (from and including the day of the visit)": %s', (_case, visit, due) => {
    expect(nextVisitDueDate(ics, visit, calendar)).toMatchObject({ due, dueIsWorkingDay: true });
  });

  it('differs by one day from counting from the day after', () => {
    expect(describeVisitFrequency(ics)).toBe(
      'At least every 20 working days, counted from and including the day of the visit; the child seen alone.',
    );
    expect(calendar.workingDaysBetween('2026-12-13', '2027-01-13')).toBe(20);
  });
});

describe('ICS authority (004): reviews', () => {
  // 004 §8: "The first CiN plan review takes place within 7 days and at 4-6 weekly intervals thereafter."
  it.each([
    ['first review within 7 days of a plan started Fri 18 Dec 2026: latest is Christmas Day', { planStart: '2026-12-18', reviewCount: 0 }, '2026-12-19', '2026-12-25', '2026-12-24'],
    ['first review within 7 days of a plan started the Friday before the clock change', { planStart: '2026-03-27', reviewCount: 0 }, '2026-03-28', '2026-04-03', '2026-04-02'],
    ['4-6 weekly: the 4-week date is Easter Monday', { planStart: '2026-02-02', lastReviewDate: '2026-03-09', reviewCount: 1 }, '2026-04-06', '2026-04-20', '2026-04-07'],
  ])('"within 7 days and at 4-6 weekly intervals thereafter": %s', (_case, history, earliest, latest, target) => {
    expect(nextReviewWindow(ics, history, calendar)).toMatchObject({ earliest, latest, target });
  });

  it('"4-6 weekly" is a window: 3 weeks or 7 weeks asks for a reason', () => {
    const window = nextReviewWindow(ics, { planStart: '2026-02-02', lastReviewDate: '2026-03-09', reviewCount: 1 }, calendar);
    expect(checkProposedDate(window, '2026-03-30').code).toBe('before-earliest');
    expect(checkProposedDate(window, '2026-04-27').code).toBe('after-latest');
    expect(window.interpretation).toContain('earliest 4 weeks, latest 6 weeks');
  });

  // 004 §8: "(NB: With the exception of child in need cases held in the Children with Disability Team. The frequency of reviews should be agreed by a Team Manager ...)"
  it('a Children with Disability Team case has no window until a Team Manager agrees one, and that is a drift alert', () => {
    const facts = { planStart: '2026-02-02', reviewCount: 0, variation: 'children-with-disability-team' };
    expect(() => nextReviewWindow(ics, facts, calendar)).toThrow(TimescaleInputError);
    const [alert] = driftAlerts(ics, facts, '2026-02-03', calendar);
    expect(alert).toMatchObject({ kind: 'review-frequency-not-agreed', who: { roles: ['TM'] } });
    const agreed = nextReviewWindow(ics, { ...facts, agreedReviewInterval: { amount: 8, unit: 'weeks' } }, calendar);
    expect(agreed.latest).toBe('2026-03-30');
  });

  it('no minutes deadline is set by 002 or 004, and none is borrowed', () => {
    const result = minutesDueDate(ics, '2026-12-17', calendar, 'progress');
    expect(result.due).toBeNull();
    expect(result.explanation).toBe("ICS authority (not named)'s procedures (002, 004) set no deadline for the minutes of a progress / review meeting.");
  });
});

describe('ICS authority (004): supervision every 2 months', () => {
  // 004 §12: "Supervision records demonstrate that the CiN plan is regularly reviewed (2 monthly)"
  it.each([
    ['2026-03-30', []],
    ['2026-03-31', ['2026-03-31']],
    ['2026-06-01', ['2026-05-31']],
    ['2026-07-30', ['2026-05-31']],
    ['2026-07-31', ['2026-07-31']],
  ])('plan started 31 Jan 2026, on %s the supervision due is %j', (today, dues) => {
    const alerts = driftAlerts(ics, { planStart: '2026-01-31' }, today, calendar);
    expect(alerts.map((a) => a.due)).toEqual(dues);
  });

  it('an acknowledged supervision is not raised again until the next one', () => {
    const acknowledged = [{ id: 'supervision-2-monthly', due: '2026-05-31' }];
    expect(driftAlerts(ics, { planStart: '2026-01-31', acknowledged }, '2026-07-30', calendar)).toEqual([]);
    const [alert] = driftAlerts(ics, { planStart: '2026-01-31', acknowledged }, '2026-07-31', calendar);
    expect(alert!.message).toContain('The plan reached 6 months on Fri 31 Jul 2026.');
  });
});
