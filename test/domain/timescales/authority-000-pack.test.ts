import {
  checkChairEligibility,
  driftAlerts,
  minutesDueDate,
  nextReviewWindow,
  nextVisitDueDate,
  planWeek,
} from '../../../src/domain/timescales';
import { englandAndWales as calendar, shippedPack } from './shipped-timescales';

const authority000 = shippedPack('authority-000');

describe('Authority 000: minutes', () => {
  // 000: "should receive a copy of the review minutes within 5 days of the review"
  it.each([
    ['review the Monday before Christmas: due on Saturday 26 Dec (the text says days)', '2026-12-21', '2026-12-26', false],
    ['review on Maundy Thursday: due on the Tuesday after Easter Monday', '2026-04-02', '2026-04-07', true],
    ['review the Thursday before the October clock change', '2026-10-22', '2026-10-27', true],
    ['review the Thursday before the March clock change', '2026-03-26', '2026-03-31', true],
  ])('"within 5 days of the review": %s', (_case, meeting, due, dueIsWorkingDay) => {
    for (const type of ['initial', 'progress', 'final'] as const) {
      expect(minutesDueDate(authority000, meeting, calendar, type)).toMatchObject({ due, dueIsWorkingDay });
    }
  });

  it('a date that is not a working day is shown as such, not moved', () => {
    expect(minutesDueDate(authority000, '2026-12-21', calendar).explanation).toBe(
      'Minutes due by Sat 26 Dec 2026 (not a working day; the procedure counts days, so the date stands): 5 days, counted from the day after the meeting (Mon 21 Dec 2026).',
    );
  });
});

describe('Authority 000: review windows', () => {
  // 000: "CIN review meetings which should take place at least every 12 weeks."
  it.each([
    ['first review: 12 weeks from the plan, after the March clock change', { planStart: '2026-01-05', reviewCount: 0 }, '2026-03-30', '2026-03-30'],
    ['later review: 12 weeks from 2 Oct 2026 is Christmas Day', { planStart: '2026-01-05', lastReviewDate: '2026-10-02', reviewCount: 3 }, '2026-12-25', '2026-12-24'],
  ])('"at least every 12 weeks": %s', (_case, history, latest, target) => {
    expect(nextReviewWindow(authority000, history, calendar)).toMatchObject({ latest, target, earliestStated: false });
  });
});

describe('Authority 000: chairs, trajectory, drift, visits', () => {
  it('000 names no chair: accepted with a message that says there is no rule', () => {
    const verdict = checkChairEligibility(authority000, 'progress', 'SW', '2026-01-05', '2026-03-30');
    expect(verdict).toMatchObject({ ok: true, code: 'no-rule' });
    expect(verdict.message).toContain('do not say who chairs a progress / review meeting');
  });

  it('000 sets no trajectory', () => {
    expect(planWeek(authority000, '2026-01-05', '2026-02-05').label).toBe('week 5 (the procedure sets no trajectory)');
  });

  // "at least every 12 weeks": a review past it is drift even though 000 has no checkpoints.
  it('an overdue review is still an alert, with nobody invented to act', () => {
    const facts = { planStart: '2026-01-05', reviewCount: 0 };
    expect(driftAlerts(authority000, facts, '2026-03-30', calendar)).toEqual([]);
    const [alert] = driftAlerts(authority000, facts, '2026-03-31', calendar);
    expect(alert).toMatchObject({ kind: 'review-overdue', due: '2026-03-30', who: { roles: [] } });
  });

  // 000: "Children in Need must be seen at home at least every 6 weeks."
  it('visits at least every 6 weeks', () => {
    expect(nextVisitDueDate(authority000, '2026-11-16', calendar).due).toBe('2026-12-28');
  });
});
