import {
  checkChairEligibility,
  checkProposedDate,
  driftAlerts,
  minutesDueDate,
  nextReviewWindow,
  nextVisitDueDate,
  planWeek,
} from '../../../src/domain/timescales';
import { englandAndWales as calendar, shippedPack } from './shipped-timescales';

const herts = shippedPack('hertfordshire');

describe('Hertfordshire (001): minutes', () => {
  // 001 §4: "A copy of the record should be sent to ... all other participants in the Review process within ten working days for the meeting."
  it.each([
    ['review before Christmas: 25, 28 Dec (substitute Boxing Day) and 1 Jan skipped', '2026-12-17', '2027-01-05'],
    ['review the Friday before the March clock change, across Good Friday and Easter Monday', '2026-03-27', '2026-04-14'],
    ['review the Tuesday after the March clock change', '2026-03-31', '2026-04-16'],
    ['review the Friday before the October clock change', '2026-10-23', '2026-11-06'],
    ['review before Christmas 2025 (Christmas and Boxing Day on Thursday and Friday)', '2025-12-19', '2026-01-07'],
  ])('"within ten working days for the meeting": %s', (_case, meeting, due) => {
    expect(minutesDueDate(herts, meeting, calendar, 'progress')).toMatchObject({ due, dueIsWorkingDay: true });
    expect(minutesDueDate(herts, meeting, calendar, 'final').due).toBe(due);
  });

  // 001 §1: "These forms must be signed off by the Chair and the family as soon as possible, and distributed to all participants."
  it('the planning meeting\'s note is due "as soon as possible": no date is invented', () => {
    const result = minutesDueDate(herts, '2026-12-17', calendar, 'initial');
    expect(result.due).toBeNull();
    expect(result.explanation).toContain('as soon as possible');
  });
});

describe('Hertfordshire (001): review windows', () => {
  // 001 §4: "Child in Need Plans must be reviewed by meeting at 6 weeks of the initial plan."
  it('first review "at 6 weeks": the 6-week date is Easter Monday, after the clock change, so aim for Maundy Thursday', () => {
    const window = nextReviewWindow(herts, { planStart: '2026-02-23', reviewCount: 0 }, calendar);
    expect(window).toMatchObject({ earliest: '2026-03-30', latest: '2026-04-06', target: '2026-04-02', meeting: 'first-review' });
    expect(window.citation).toContain('at 6 weeks of the initial plan');
  });

  // 001 §4: "Further reviews should take place at not less than 3 monthly intervals."
  it.each([
    ['3 months from 25 Sep 2026 is Christmas Day: aim for Christmas Eve', '2026-09-25', '2026-12-25', '2026-12-24'],
    ['3 months from 30 Nov 2025 is 28 Feb (no 30 Feb), a Saturday: aim for Friday', '2025-11-30', '2026-02-28', '2026-02-27'],
    ['3 months from 29 Dec 2025 lands after the March clock change', '2025-12-29', '2026-03-29', '2026-03-27'],
  ])('"not less than 3 monthly intervals": %s', (_case, lastReviewDate, latest, target) => {
    const window = nextReviewWindow(herts, { planStart: '2025-06-02', lastReviewDate, reviewCount: 2 }, calendar);
    expect(window).toMatchObject({ latest, target, earliestStated: false });
    expect(window.interpretation).toContain('at least every 3 months');
  });

  it('a review after the 3 months asks for the reason', () => {
    const window = nextReviewWindow(herts, { planStart: '2025-06-02', lastReviewDate: '2026-09-25', reviewCount: 2 }, calendar);
    expect(checkProposedDate(window, '2026-12-29')).toMatchObject({ ok: false, reasonRequired: true, code: 'after-latest' });
    expect(checkProposedDate(window, '2026-10-01')).toMatchObject({ ok: true, code: 'inside-window' });
  });

  // 001 §4: "If there are significant changes in the family circumstances, an early review should take place."
  it('an early first review is possible but its reason is recorded', () => {
    const window = nextReviewWindow(herts, { planStart: '2026-02-23', reviewCount: 0 }, calendar);
    expect(checkProposedDate(window, '2026-03-16')).toMatchObject({ ok: false, reasonRequired: true, code: 'before-earliest' });
  });
});

describe('Hertfordshire (001): who chairs', () => {
  it.each([
    // §1 "The meeting should be chaired by the Consultant Social Worker (CSW) or Team Manager."
    ['initial', undefined, 'TM', '2026-01-05', true],
    ['initial', undefined, 'CSW', '2026-01-05', true],
    ['initial', undefined, 'SW', '2026-01-05', false],
    // §4 "The first CiN Review should be chaired by the Team Manager."
    ['progress', 1, 'TM', '2026-02-16', true],
    ['progress', 1, 'CSW', '2026-02-16', false],
    // §4 "Subsequent meetings should be chaired by the CSW or TYS Manager"
    ['progress', 2, 'CSW', '2026-05-11', true],
    ['progress', 2, 'TM', '2026-05-11', true],
    ['progress', 2, 'SP', '2026-05-11', false],
    ['final', 4, 'CSW', '2026-11-09', true],
    // §4 "If a case is open more than 18 months the meeting should be chaired by the Service Manager."
    ['progress', 7, 'CSW', '2027-07-05', true],
    ['progress', 7, 'CSW', '2027-07-06', false],
    ['progress', 7, 'SM', '2027-07-06', true],
    ['final', 8, 'SM', '2027-10-04', true],
  ] as const)('%s meeting (review %s) chaired by %s on %s: ok=%s', (meeting, reviewNumber, role, date, ok) => {
    const verdict = checkChairEligibility(herts, meeting, role, '2026-01-05', date, { reviewNumber });
    expect(verdict).toMatchObject({ ok, reasonRequired: !ok });
  });

  it('the message names the chair the rule wants, and why', () => {
    const verdict = checkChairEligibility(herts, 'progress', 'CSW', '2026-01-05', '2027-07-06', { reviewNumber: 7 });
    expect(verdict.message).toBe(
      "Hertfordshire County Council's rule names the Service Manager to chair this progress / review meeting because the plan has been open more than 18 months (since Mon 5 Jan 2026), not a Consultant Social Worker. Record the reason for this chair.",
    );
  });

  // 001 §4: "Exceptions to this will be those cases where the plan acknowledges the need for longer term support"
  it('a plan acknowledging longer-term support keeps its usual chair after 18 months', () => {
    const verdict = checkChairEligibility(herts, 'progress', 'CSW', '2026-01-05', '2027-07-06', { reviewNumber: 7, variation: 'longer-term-support' });
    expect(verdict.ok).toBe(true);
  });

  // §4 "If a case is open more than 18 months": counted from the day the case opened where it is known.
  it.each([
    ['opened 19 months before the meeting', '2025-05-01', 'CSW', false],
    ['opened 19 months before, the Service Manager chairs', '2025-05-01', 'SM', true],
    ['opened 6 months before the meeting', '2026-06-01', 'CSW', true],
    ['opened the day the plan started', '2026-06-15', 'CSW', true],
    ['a date after the plan started is not used: the plan is the older', '2026-09-01', 'CSW', true],
  ] as const)('a case %s, chaired by %s on Tue 1 Dec 2026', (_, caseOpened, role, ok) => {
    const verdict = checkChairEligibility(herts, 'progress', role, '2026-06-15', '2026-12-01', { reviewNumber: 3, caseOpened });
    expect(verdict).toMatchObject({ ok, reasonRequired: !ok });
    if (!ok) expect(verdict.message).toContain('because the case has been open more than 18 months (since Thu 1 May 2025)');
  });

  it('without the day the case opened, the 18 months count from the plan’s start', () => {
    expect(checkChairEligibility(herts, 'progress', 'CSW', '2025-05-01', '2026-12-01', { reviewNumber: 3 }).message).toContain('the plan has been open more than 18 months (since Thu 1 May 2025)');
    expect(checkChairEligibility(herts, 'progress', 'CSW', '2026-06-15', '2026-12-01', { reviewNumber: 3 }).ok).toBe(true);
  });

  it('a pack whose rule counts the plan ignores the day the case opened', () => {
    const planCounted = { ...herts, chairs: { ...herts.chairs, longRunning: { ...herts.chairs.longRunning!, countedFrom: 'planStart' as const } } };
    expect(checkChairEligibility(planCounted, 'progress', 'CSW', '2026-06-15', '2026-12-01', { reviewNumber: 3, caseOpened: '2025-05-01' }).ok).toBe(true);
  });

  it('needs the review number, because the first review has its own rule', () => {
    expect(() => checkChairEligibility(herts, 'progress', 'TM', '2026-01-05', '2026-02-16')).toThrow(/reviewNumber is needed/);
  });
});

describe('Hertfordshire (001): trajectory and drift', () => {
  // §4 "No child should remain subject to a CIN Plan over a year in Safeguarding or TYS unless there are exceptional circumstances"
  it.each([
    ['2026-10-30', 'week 40 of a plan expected to end within 12 months', 'within'],
    ['2027-01-30', 'week 53 of a plan expected to end within 12 months: past the 12-month trajectory', 'beyond'],
  ])('on %s: %s', (today, label, status) => {
    expect(planWeek(herts, '2026-01-30', today)).toMatchObject({ label, status });
  });

  // §4 "At 9 months, the Plan should be reviewed carefully to identify if the CIN Plan is likely to be concluded by 12 months."
  // §4 "If a case is open more than 18 months the meeting should be chaired by the Service Manager."
  it.each([
    [undefined, '2026-10-29', []],
    [undefined, '2026-10-30', ['9-months']],
    [undefined, '2027-01-30', ['9-months', '12-months']],
    [undefined, '2027-07-30', ['9-months', '12-months', '18-months']],
    // §5 "At a Child In Need Review held at about nine months a decision must be made whether to seek an extension of the Supervision Order"
    ['supervision-order', '2027-02-01', ['9-months', 'supervision-order-extension']],
    ['longer-term-support', '2027-08-02', ['9-months', '12-months']],
  ])('variation %s, plan started 30 Jan 2026, on %s (9 months falls after the October clock change): %j', (variation, today, ids) => {
    const alerts = driftAlerts(herts, { planStart: '2026-01-30', ...(variation ? { variation } : {}) }, today, calendar);
    expect(alerts.map((a) => a.id)).toEqual(ids);
  });

  it('the 9-month check says who must act', () => {
    const [alert] = driftAlerts(herts, { planStart: '2025-05-31' }, '2026-03-02', calendar);
    expect(alert).toMatchObject({ id: '9-months', due: '2026-02-28', daysOverdue: 2, who: { roles: ['CSW', 'TM'] } });
    expect(alert!.message).toContain('PM or TYS Manager');
  });
});

describe('Hertfordshire (001): visits', () => {
  // §6 "will be visited with a minimum frequency of 6 weekly."
  it('every 6 weeks, across the October clock change', () => {
    expect(nextVisitDueDate(herts, '2026-10-24', calendar).due).toBe('2026-12-05');
  });
});
