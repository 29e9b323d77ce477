import {
  checkChairEligibility,
  checkProposedDate,
  driftAlerts,
  firstVisitDueDate,
  initialMeetingWindow,
  minutesDueDate,
  nextReviewWindow,
  nextVisitDueDate,
  planWeek,
} from '../../../src/domain/timescales';
import { englandAndWales as calendar, shippedPack } from './shipped-timescales';

const leics = shippedPack('leicestershire');

describe('Leicestershire (003): minutes', () => {
  // 003: "The practice standard is that they will be sent out within 5 working days of the meeting date."
  it.each([
    ['progress meeting before Christmas: 25, 28 (substitute Boxing Day) and 1 Jan skipped', '2026-12-23', '2027-01-04'],
    ['progress meeting on Christmas Eve', '2026-12-24', '2027-01-05'],
    ['progress meeting the Friday before the October clock change', '2026-10-23', '2026-10-30'],
    ['progress meeting the Friday before the March clock change, across Good Friday and Easter Monday', '2026-03-27', '2026-04-07'],
    ['progress meeting on Maundy Thursday', '2026-04-02', '2026-04-13'],
  ])('"within 5 working days of the meeting date": %s', (_case, meeting, due) => {
    const result = minutesDueDate(leics, meeting, calendar, 'progress');
    expect(result.due).toBe(due);
  });

  // 003: "The record of the Child in Need review meeting must be circulated ... within 5 days of the meeting being held."
  it('"within 5 days of the meeting being held" (final review) counts calendar days, so it may land on the 2026-12-28 substitute day', () => {
    const result = minutesDueDate(leics, '2026-12-23', calendar, 'final');
    expect(result.due).toBe('2026-12-28');
    // The deadline is a real one (not "no deadline"), and it says the date is not a working day.
    expect(result).toHaveProperty('dueIsWorkingDay', false);
    expect(result.explanation).toContain('Boxing Day');
  });
});

describe('Leicestershire (003): meeting windows', () => {
  // 003: "the first CIN meeting, which should be arranged within 10 days of the assessment being completed."
  it.each([
    ['assessment before Christmas: latest is Sunday 27 Dec, aim for Thu 24 Dec', '2026-12-17', '2026-12-27', '2026-12-24'],
    ['assessment before the March clock change: latest is Sunday 29 Mar, aim for Fri 27 Mar', '2026-03-19', '2026-03-29', '2026-03-27'],
  ])('initial meeting "within 10 days of the assessment": %s', (_case, assessment, latest, target) => {
    const window = initialMeetingWindow(leics, assessment, calendar);
    expect(window).toMatchObject({ meeting: 'initial', latest, target, earliestStated: false });
  });

  // 003: "For many plans this will be 4 weekly. However, the minimum standard ... is 6 weekly"
  it.each([
    ['first progress meeting across the clock change and Easter', { planStart: '2026-03-02', reviewCount: 0 }, '2026-03-30', '2026-04-13', '2026-03-30'],
    ['later meeting whose 4-week date is Easter Monday: aim for Tue 7 Apr, the first working day inside the window', { planStart: '2026-01-05', lastReviewDate: '2026-03-09', reviewCount: 2 }, '2026-04-06', '2026-04-20', '2026-04-07'],
    ['later meeting over Christmas', { planStart: '2026-09-07', lastReviewDate: '2026-11-30', reviewCount: 2 }, '2026-12-28', '2027-01-11', '2026-12-29'],
  ])('"4 weekly ... minimum standard ... 6 weekly": %s', (_case, history, earliest, latest, target) => {
    const window = nextReviewWindow(leics, history, calendar);
    expect(window).toMatchObject({ earliest, latest, target, targetIsWorkingDay: true });
    expect(window.interpretation).toContain('4 weeks');
  });

  it.each([
    ['2026-03-29', false, 'before-earliest'],
    ['2026-04-06', true, 'inside-window'],
    ['2026-04-13', true, 'inside-window'],
    ['2026-04-14', false, 'after-latest'],
  ])('"the minimum standard ... is 6 weekly": proposing %s', (date, ok, code) => {
    const window = nextReviewWindow(leics, { planStart: '2026-03-02', reviewCount: 0 }, calendar);
    const verdict = checkProposedDate(window, date);
    expect(verdict).toMatchObject({ ok, reasonRequired: !ok, code });
    expect(verdict.citation).toContain('6 weekly');
  });

  it('a late meeting asks for the reason and says how late', () => {
    const window = nextReviewWindow(leics, { planStart: '2026-03-02', reviewCount: 0 }, calendar);
    expect(checkProposedDate(window, '2026-04-16').message).toBe(
      'Thu 16 Apr 2026 is 3 days after the latest date for the first review (Mon 13 Apr 2026; the rule is 4-6 weeks after the start of the plan). Record the reason for the delay.',
    );
  });

  // 003: "Any changes to these CIN standards must be clearly set out in supervision with a rationale"
  it('a Disabled Children\'s Team plan keeps the standard window unless a manager agreed another', () => {
    const history = { planStart: '2026-01-05', lastReviewDate: '2026-11-02', reviewCount: 5, variation: 'disabled-childrens-team' };
    expect(nextReviewWindow(leics, history, calendar).latest).toBe('2026-12-14');
    const agreed = nextReviewWindow(leics, { ...history, agreedReviewInterval: { amount: 12, unit: 'weeks' } }, calendar);
    expect(agreed).toMatchObject({ earliestStated: false, latest: '2027-01-25' });
  });
});

describe('Leicestershire (003): who chairs', () => {
  it.each([
    // "Where a Key Worker is allocated, the initial CIN Family Progress meeting must be chaired by a Family Help SSWOP/TM/SP."
    ['initial', 'KW', 'SSWOP', true],
    ['initial', 'KW', 'TM', true],
    ['initial', 'KW', 'KW', false],
    // "the initial CIN Family Progress meeting will be chaired by the FRCD social worker/SP/TM"
    ['initial', 'SW', 'SW', true],
    ['initial', 'SW', 'SSWOP', false],
    // "Subsequent CIN Family Progress meetings will be chaired by the Family Help social worker."
    ['progress', 'SW', 'SW', true],
    ['progress', 'SW', 'TM', false],
    // "subsequent CIN Family Progress meetings will usually be chaired by the allocated Social / Key Worker"
    ['progress', 'KW', 'KW', true],
    ['progress', 'KW', 'SSWOP', true],
    // "the meeting should be chaired by a Team Manager or Senior Practitioner for CIN plans allocated to social workers"
    ['final', 'SW', 'SP', true],
    ['final', 'SW', 'SW', false],
    // "For Key Worker led Plans: The SSWOP will chair final Progress Review meetings for CIN plans that are ending."
    ['final', 'KW', 'SSWOP', true],
    ['final', 'KW', 'KW', false],
  ] as const)('%s meeting of a %s-led plan chaired by %s: ok=%s', (meeting, leadWorker, role, ok) => {
    const verdict = checkChairEligibility(leics, meeting, role, '2026-01-05', '2026-03-02', { leadWorker });
    expect(verdict).toMatchObject({ ok, reasonRequired: !ok });
  });

  it('a social worker closing their own plan is not silently accepted: the text\'s exception is offered', () => {
    const verdict = checkChairEligibility(leics, 'final', 'SW', '2026-01-05', '2026-04-20', { leadWorker: 'SW' });
    expect(verdict.message).toBe(
      "Leicestershire County Council's rule names the Team Manager or Senior Practitioner to chair this final review for closure, not a Social Worker. " +
        'The procedure allows another chair if it is recorded in supervision that this is not necessary. Record the reason for this chair.',
    );
    expect(verdict.allowedRoles).toEqual(['TM', 'SP']);
  });

  it('needs to know who leads the plan', () => {
    expect(() => checkChairEligibility(leics, 'progress', 'SW', '2026-01-05', '2026-03-02')).toThrow(/leadWorker is needed/);
  });
});

describe('Leicestershire (003): trajectory and drift', () => {
  // "most CIN plans will conform to a 12 – 16-week trajectory."
  it.each([
    ['2026-03-16', 11, 'within', 'week 11 of a 12-16 week plan'],
    ['2026-03-29', 12, 'within', 'week 12 of a 12-16 week plan'],
    ['2026-03-30', 13, 'end-window', 'week 13 of a 12-16 week plan'],
    ['2026-04-27', 17, 'beyond', 'week 17 of a 12-16 week plan: past the 16-week trajectory'],
  ])('on %s a plan started Mon 5 Jan 2026 is in week %i', (today, week, status, label) => {
    expect(planWeek(leics, '2026-01-05', today)).toMatchObject({ week, status, label });
  });

  it('a Disabled Children\'s Team plan has no standard trajectory until one is agreed', () => {
    const options = { variation: 'disabled-childrens-team' };
    expect(planWeek(leics, '2026-01-05', '2026-06-01', options).status).toBe('no-trajectory');
    const agreed = planWeek(leics, '2026-01-05', '2026-06-01', { ...options, agreedTrajectory: { to: { amount: 12, unit: 'months' } } });
    expect(agreed.label).toBe('week 22 of a plan expected to end within 12 months');
  });

  // "The Service Managers, Team Manager and Team and Partnership Manager should review all cases where the plan has been in place for 16 weeks or more"
  // "All Child in Need plans open for 6 months (26 weeks) must have oversight by the Service Manager"
  // "During the last 4 weeks of the plan, the SSWOP will join the KW supervision to consider the trajectory of the plan."
  it.each([
    ['SW', '2026-04-26', []],
    ['SW', '2026-04-27', ['16-weeks']],
    ['SW', '2026-07-06', ['16-weeks', '26-weeks']],
    ['KW', '2026-03-01', []],
    ['KW', '2026-03-02', ['sswop-joins-supervision']],
    ['KW', '2026-04-27', ['sswop-joins-supervision', '16-weeks']],
  ] as const)('%s-led plan started 5 Jan 2026, on %s: %j', (leadWorker, today, ids) => {
    const alerts = driftAlerts(leics, { planStart: '2026-01-05', leadWorker }, today, calendar);
    expect(alerts.map((a) => a.id)).toEqual(ids);
  });

  it('a checkpoint says who must act, and stops once acknowledged', () => {
    const [alert] = driftAlerts(leics, { planStart: '2026-01-05', leadWorker: 'SW' }, '2026-04-29', calendar);
    expect(alert).toMatchObject({ id: '16-weeks', due: '2026-04-27', daysOverdue: 2, who: { roles: ['SM', 'TM'] } });
    expect(alert!.message).toContain('The plan reached 16 weeks on Mon 27 Apr 2026.');
    const acknowledged = [{ id: '16-weeks', due: '2026-04-27' }];
    expect(driftAlerts(leics, { planStart: '2026-01-05', leadWorker: 'SW', acknowledged }, '2026-04-29', calendar)).toEqual([]);
  });

  // "If this standard is not met ... a clear rationale must be recorded on the child's file ... This should be a management oversight case note."
  it('a progress meeting past 6 weeks is drift, and the text says who records the rationale', () => {
    const facts = { planStart: '2026-01-05', leadWorker: 'SW', reviewCount: 1, lastReviewDate: '2026-02-02' } as const;
    expect(driftAlerts(leics, facts, '2026-03-16', calendar)).toEqual([]);
    const [alert] = driftAlerts(leics, facts, '2026-03-17', calendar);
    expect(alert).toMatchObject({ kind: 'review-overdue', due: '2026-03-16', daysOverdue: 1, who: { roles: ['TM', 'SSWOP'] } });
  });
});

describe('Leicestershire (003): visits', () => {
  // "All Children in Need must be visited within a minimum of 5 working days from allocation"
  it('first visit within 5 working days of allocation, across Christmas', () => {
    expect(firstVisitDueDate(leics, '2026-12-22', calendar).due).toBe('2026-12-31');
  });
  // "All Children in Need must be visited minimum every 20 workingdays"
  it('then every 20 working days, counted from the day after the visit', () => {
    expect(nextVisitDueDate(leics, '2026-12-14', calendar).due).toBe('2027-01-14');
  });
});
