import { complianceAlerts, dueItems, historyOf } from '../../../src/domain/cases/case-compliance';
import { CaseReview, CaseSummary, summariseCase } from '../../../src/domain/cases/case-review';
import { englandAndWales as calendar, packs } from '../timescales/shipped-timescales';

const review = (over: Partial<CaseReview>): CaseReview => ({
  reviewId: 'r', tenantId: 't', caseReference: 'CIN-1', status: 'signed-off', meetingDate: '2026-10-01', meetingType: 'progress',
  packId: 'leicestershire', planStart: '2026-09-01', leadWorker: 'SW', chairKey: 'kim', minutesDue: '2026-10-08', outcome: 'continue', ...over,
});

describe('summariseCase', () => {
  it('counts signed-off reviews, not the initial meeting or cancelled ones, and takes the latest facts', () => {
    const summary = summariseCase([
      review({ reviewId: 'a', meetingType: 'initial', meetingDate: '2026-09-01' }),
      review({ reviewId: 'b', meetingDate: '2026-10-01' }),
      review({ reviewId: 'c', meetingDate: '2026-10-29', chairKey: 'sam' }),
      review({ reviewId: 'd', meetingDate: '2026-11-20', status: 'cancelled', chairKey: 'zed' }),
      review({ reviewId: 'e', meetingDate: '2026-11-24', status: 'in-progress', minutesDue: '2026-12-01', chairKey: 'ann' }),
    ]);
    expect(summary).toEqual({
      tenantId: 't', caseReference: 'CIN-1', packId: 'leicestershire', planStart: '2026-09-01', leadWorker: 'SW', chairKey: 'ann',
      previousReviews: 2, lastReviewDate: '2026-10-29', openMeetingDate: '2026-11-24', openMinutesDue: '2026-12-01', closed: false,
      acknowledged: [],
    });
    expect(historyOf([review({ reviewId: 'b' }), review({ reviewId: 'c', meetingDate: '2026-10-29' })], 'CIN-1', 'c')).toEqual({
      previousReviews: 1, lastReviewDate: '2026-10-01',
    });
  });

  it('is closed once a review with the outcome close is signed off; nothing before set-up makes a case', () => {
    expect(summariseCase([review({ outcome: 'close' })])?.closed).toBe(true);
    expect(summariseCase([review({ outcome: 'close', status: 'in-progress' })])?.closed).toBe(false);
    expect(summariseCase([review({ meetingDate: '' })])).toBeUndefined();
  });
});

const summary = (over: Partial<CaseSummary>): CaseSummary => ({
  tenantId: 't', caseReference: 'CIN-1', packId: 'leicestershire', planStart: '2026-10-26', leadWorker: 'SW', chairKey: 'kim',
  previousReviews: 1, lastReviewDate: '2026-11-02', openMeetingDate: null, openMinutesDue: null, closed: false, acknowledged: [], ...over,
});

describe('what is due on a case', () => {
  // Leicestershire (003): "progress meetings 4-weekly (minimum 6-weekly)": a review on Mon 2 Nov 2026 is next due 30 Nov to 14 Dec.
  it.each([
    ['2026-11-24', []],
    ['2026-12-01', ['review-due']],
    ['2026-12-15', ['review-overdue']],
  ])('on %s: %j', (today, kinds) => {
    expect(dueItems([summary({})], packs, calendar, today).map((i) => i.kind)).toEqual(kinds);
  });

  it('a review due or overdue that is booked says when; other items and other cases are as they were', () => {
    const booked = new Map([['CIN-1', { start: '2026-12-08T15:30:00.000Z', end: '2026-12-08T16:30:00.000Z' }]]);
    const [due] = dueItems([summary({}), summary({ caseReference: 'CIN-2' })], packs, calendar, '2026-12-01', booked).filter((i) => i.caseReference === 'CIN-1');
    expect(due!.kind).toBe('review-due');
    expect(due!.message).toMatch(/^The next review is due: .* The next review is booked for Tue 8 Dec 2026, 15:30 to 16:30\.$/);
    const other = dueItems([summary({ caseReference: 'CIN-2' })], packs, calendar, '2026-12-01', booked);
    expect(other[0]!.message).not.toContain('booked');
    const overdue = dueItems([summary({})], packs, calendar, '2026-12-15', booked);
    expect(overdue[0]!.message).toContain('The next review is booked for Tue 8 Dec 2026, 15:30 to 16:30.');
  });

  it('the scan leaves out reviews merely due; a meeting in progress shows its minutes, not an overdue review', () => {
    expect(complianceAlerts([summary({})], packs, calendar, '2026-12-01')).toEqual([]);
    const holding = summary({ openMeetingDate: '2026-12-14', openMinutesDue: '2026-12-21' });
    const items = dueItems([holding], packs, calendar, '2026-12-22');
    expect(items.map((i) => [i.kind, i.daysOverdue])).toEqual([['minutes-outstanding', 1]]);
  });

  it('an acknowledged alert is not raised again; the next occurrence or another alert still is', () => {
    // Leicestershire (003): "review all cases where the plan has been in place for 16 weeks or more".
    const old = summary({ planStart: '2026-06-01', lastReviewDate: '2026-11-20', previousReviews: 5 });
    const before = dueItems([old], packs, calendar, '2026-11-24');
    const sixteen = before.find((i) => i.alertId === '16-weeks')!;
    expect(sixteen).toMatchObject({ kind: 'checkpoint', due: '2026-09-21' });
    const after = dueItems([{ ...old, acknowledged: [{ id: '16-weeks', due: sixteen.due }] }], packs, calendar, '2026-11-24');
    expect(after.map((i) => i.alertId)).toEqual(before.map((i) => i.alertId).filter((id) => id !== '16-weeks'));
  });

  it('orders the most overdue first and drops closed cases and unknown packs', () => {
    const items = dueItems(
      [
        summary({ caseReference: 'A', lastReviewDate: '2026-10-20' }),
        summary({ caseReference: 'B', lastReviewDate: '2026-10-01' }),
        summary({ caseReference: 'C', closed: true, lastReviewDate: '2026-01-01' }),
        summary({ caseReference: 'D', packId: 'atlantis' }),
      ],
      packs,
      calendar,
      '2026-12-10',
    );
    expect(items.map((i) => i.caseReference)).toEqual(['B', 'A']);
    expect(items[0]!.daysOverdue).toBeGreaterThan(items[1]!.daysOverdue);
  });
});
