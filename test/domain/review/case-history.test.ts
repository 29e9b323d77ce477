/**
 * A case that began before the bot (issue 9): set-up records the last review before this one and
 * the day the case opened, and the timescales count from them when the bot holds no review of it.
 */
import { DecisionContext, PastReview, caseHistoryFor, isKnownCase } from '../../../src/domain/review/case-knowledge';
import { Review } from '../../../src/domain/review/review';
import { decide } from '../../../src/domain/review/review-machine';
import { setUpStep } from '../../../src/domain/review/steps/set-up';
import { FormValues } from '../../../src/domain/review/step-forms';
import { englandAndWales, packs } from '../timescales/shipped-timescales';
import { CHAIR, T0, freshReview, later, setUpValues, walkTo } from './review-builder';
import { errorsOf, parseStep } from './step-forms/form-test-kit';

const context = (pastReviews: readonly PastReview[] = [], lastSignedOff?: Review): DecisionContext => ({
  packs,
  calendar: englandAndWales,
  pastReviews,
  remembered: [],
  ...(lastSignedOff ? { lastSignedOff } : {}),
});

const past = (over: Partial<PastReview>): PastReview => ({
  reviewId: 'earlier',
  caseReference: 'CIN-1001',
  status: 'signed-off',
  meetingDate: '2026-09-15',
  meetingType: 'progress',
  ...over,
});

/** A Hertfordshire progress meeting on Tue 1 Dec 2026 of a plan started in March, for case CIN-1001. */
function hertsForm(over: Record<string, string> = {}): FormValues {
  return {
    ...setUpValues({ meetingType: 'progress', chairRole: 'CSW', meetingDate: '2026-12-01' }),
    planStartDate: '2026-03-03',
    policyPackId: 'hertfordshire',
    ...over,
  };
}

function setUp(form: FormValues, ctx: DecisionContext, intent: 'save' | 'continue' = 'continue', review = freshReview()) {
  return decide(review, { type: 'submit', step: 'set-up', form, intent }, CHAIR, later(T0), ctx);
}

describe('which history a meeting is timed from', () => {
  const none = { lastReviewDate: '' };
  const typed = { lastReviewDate: '2026-09-15' };
  it.each([
    ['nothing known, nothing recorded: the first review', [], none, { previousReviews: 0, source: 'none' }],
    ['nothing known, the chair recorded the last review', [], typed, { previousReviews: 1, lastReviewDate: '2026-09-15', source: 'chair' }],
    ['only this review is in the index', [past({ reviewId: 'review-1', status: 'in-progress' })], typed, { previousReviews: 1, lastReviewDate: '2026-09-15', source: 'chair' }],
    ['a cancelled or open review elsewhere tells the bot nothing', [past({ status: 'cancelled' }), past({ reviewId: 'other', status: 'in-progress' })], typed, { previousReviews: 1, lastReviewDate: '2026-09-15', source: 'chair' }],
    ['the bot holds the initial meeting: no review yet, whatever is typed', [past({ meetingType: 'initial', meetingDate: '2026-03-03' })], typed, { previousReviews: 0, source: 'bot' }],
    ['the bot holds two reviews: its own last one', [past({ reviewId: 'a', meetingDate: '2026-06-01' }), past({ reviewId: 'b', meetingDate: '2026-08-20' })], typed, { previousReviews: 2, lastReviewDate: '2026-08-20', source: 'bot' }],
    ['a sibling the bot holds makes the review known', [past({ caseReference: 'CIN-2002', meetingDate: '2026-10-01' })], typed, { previousReviews: 1, lastReviewDate: '2026-10-01', source: 'bot' }],
  ] as const)('%s', (_, reviews, recorded, expected) => {
    expect(caseHistoryFor(reviews, ['CIN-1001', 'CIN-2002'], 'review-1', recorded)).toEqual(expected);
  });

  it('a case is known only by a signed-off meeting of one of its references', () => {
    expect(isKnownCase([past({ caseReference: 'OTHER' })], ['CIN-1001'], 'review-1')).toBe(false);
    expect(isKnownCase([past({})], ['CIN-1001'], 'review-1')).toBe(true);
    expect(isKnownCase([past({ reviewId: 'review-1' })], ['CIN-1001'], 'review-1')).toBe(false);
  });
});

describe('set-up checks the dates the chair records', () => {
  const review = walkTo('set-up');
  it.each([
    ['lastReviewDate', { lastReviewDate: '2026-02-30' }, 'Enter a real date (for example 2026-12-01), or leave it blank'],
    ['lastReviewDate', { lastReviewDate: '2026-03-03' }, 'The last review must be after the plan started (Tue 3 Mar 2026): the initial meeting is not a review'],
    ['lastReviewDate', { lastReviewDate: '2026-01-10' }, 'The last review must be after the plan started (Tue 3 Mar 2026): the initial meeting is not a review'],
    ['lastReviewDate', { lastReviewDate: '2026-12-01' }, 'The last review must be before this meeting'],
    ['lastReviewDate', { lastReviewDate: '2026-12-20' }, 'The last review must be before this meeting'],
    ['lastReviewDate', { meetingType: 'initial', lastReviewDate: '2026-09-15' }, 'An initial meeting has no review before it: leave this blank'],
    ['caseOpenedDate', { caseOpenedDate: '2026-03-04' }, 'The case opened on or before the day its plan started (Tue 3 Mar 2026)'],
    ['caseOpenedDate', { caseOpenedDate: '3 March' }, 'Enter a real date (for example 2026-12-01), or leave it blank'],
  ])('%s: %j is refused with "%s"', (field, change, message) => {
    expect(errorsOf(parseStep('set-up', hertsForm(change), review))[field]).toBe(message);
  });

  it.each([
    [{}, '', ''],
    [{ lastReviewDate: '2026-03-04', caseOpenedDate: '2026-03-03' }, '2026-03-04', '2026-03-03'],
    [{ lastReviewDate: ' 2026-11-30 ', caseOpenedDate: '2024-01-05' }, '2026-11-30', '2024-01-05'],
  ])('%j is kept as typed', (change, lastReviewDate, caseOpenedDate) => {
    const parsed = parseStep('set-up', hertsForm(change), review);
    expect(parsed.ok && parsed.patch.setUp).toMatchObject({ lastReviewDate, caseOpenedDate });
  });
});

describe('the decision times a case the bot has not seen from what the chair recorded', () => {
  // 001 §4: first review "at 6 weeks of the initial plan"; then "not less than 3 monthly intervals"; "the first CiN Review should be chaired by the Team Manager".
  it.each([
    ['nothing recorded: judged as the first review, late, and by the wrong chair', {}, false, ['after the latest date for the first review', 'names the Team Manager']],
    ['last review 15 Sep: inside three months, a CSW may chair', { lastReviewDate: '2026-09-15' }, true, []],
    ['last review 14 Aug: more than three months ago', { lastReviewDate: '2026-08-14' }, false, ['after the latest date for the next review']],
    ['case opened 19 months before, CSW chairing', { lastReviewDate: '2026-09-15', caseOpenedDate: '2025-05-01' }, false, ['names the Service Manager', 'the case has been open more than 18 months (since Thu 1 May 2025)']],
    ['case opened 6 months before the meeting, CSW chairing', { planStartDate: '2026-06-15', lastReviewDate: '2026-09-15', caseOpenedDate: '2026-06-01' }, true, []],
    ['case opened 19 months before, the Service Manager chairing', { chairRole: 'SM', lastReviewDate: '2026-09-15', caseOpenedDate: '2025-05-01' }, true, []],
  ])('%s', (_, change, accepted, problems) => {
    const d = setUp(hertsForm(change), context());
    expect(d.ok).toBe(accepted);
    if (!d.ok) {
      const error = d.fieldErrors?.timescaleReason ?? '';
      expect(error).toMatch(/^Record the reason: /);
      for (const p of problems) expect(error).toContain(p);
    }
  });

  it('asked for a reason with no history known, the chair is told what to fill instead; with a history, not', () => {
    const refused = setUp(hertsForm(), context());
    expect(!refused.ok && refused.fieldErrors?.timescaleReason).toContain('If this case had a CIN review before this one, enter its date under "A case new to the bot" instead');
    const known = setUp(hertsForm(), context([past({ meetingDate: '2026-06-01' })]));
    expect(!known.ok && known.fieldErrors?.timescaleReason).not.toContain('A case new to the bot');
  });

  it('the chair’s record is read as the bot’s own would be: the same timescales, only the source differs', () => {
    const typed = setUp(hertsForm({ lastReviewDate: '2026-09-15' }), context(), 'save');
    const held = setUp(hertsForm(), context([past({ meetingDate: '2026-09-15' })]), 'save');
    expect(typed.ok && held.ok).toBe(true);
    if (!typed.ok || !held.ok) return;
    expect({ ...typed.review.timescales, historyFrom: 'bot' }).toEqual(held.review.timescales);
    expect(typed.review.timescales?.historyFrom).toBe('chair');
  });

  it('for a case the bot holds, a typed last review is neither used nor kept', () => {
    const d = setUp(hertsForm({ lastReviewDate: '2026-11-20' }), context([past({ meetingDate: '2026-06-01' })]), 'save');
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.review.setUp?.lastReviewDate).toBe('');
    expect(d.review.timescales).toMatchObject({ historyFrom: 'bot', previousReviews: 1, meetingDate: { ok: false } });
  });

  it('once the bot holds the case, the day it opened is remembered from its last review', () => {
    const first = setUp(hertsForm({ lastReviewDate: '2026-09-15', caseOpenedDate: '2025-05-01', chairRole: 'SM' }), context());
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const signedOff: Review = { ...first.review, status: 'signed-off' };
    const next = setUp(
      hertsForm({ meetingDate: '2027-02-15', caseOpenedDate: '' }),
      context([past({ reviewId: signedOff.id, meetingDate: '2026-12-01' })], signedOff),
      'continue',
      { ...freshReview(), id: 'review-2' },
    );
    expect(!next.ok && next.fieldErrors?.timescaleReason).toContain('the case has been open more than 18 months (since Thu 1 May 2025)');
  });
});

describe('the set-up card asks only while the case is not known to the bot', () => {
  const formContext = { today: '2026-12-01', packChoices: [], defaultPackId: 'hertfordshire' };
  const historySection = (review: Review) => setUpStep.form(review, formContext).find((s) => s.inputs.some((i) => i.inputId === 'lastReviewDate'));
  const saved = (ctx: DecisionContext, change: Record<string, string> = {}) => {
    const d = setUp(hertsForm(change), ctx, 'save');
    if (!d.ok) throw new Error(JSON.stringify(d));
    return d.review;
  };

  it('a fresh set-up offers both dates, saying they are only for a case the bot has not seen', () => {
    const section = historySection(freshReview());
    expect(section?.inputs.map((i) => i.inputId)).toEqual(['lastReviewDate', 'caseOpenedDate']);
    expect(section?.note).toContain('Only for a case the bot has not seen before');
  });

  it('after a save: gone for a known case, kept (and explained) for an unknown one', () => {
    expect(historySection(saved(context([past({})])))).toBeUndefined();
    expect(historySection(saved(context()))?.note).toContain('this meeting is timed as the first review');
    const recorded = saved(context(), { lastReviewDate: '2026-09-15' });
    expect(historySection(recorded)?.note).toContain('its timescales count from the dates recorded here');
    expect(historySection(recorded)?.inputs.find((i) => i.inputId === 'lastReviewDate')).toMatchObject({ stored: '2026-09-15', dateRange: { min: '2026-03-04', max: '2026-11-30' } });
  });

  it('the minutes record what the chair recorded, and say so', () => {
    const review = saved(context(), { lastReviewDate: '2026-09-15', caseOpenedDate: '2025-11-10' });
    const entries = setUpStep.minutes(review).flatMap((s) => s.entries);
    expect(entries).toEqual(expect.arrayContaining([
      { label: 'Last review before this one (recorded by the chair)', value: '2026-09-15', audience: 'everyone' },
      { label: 'Case opened (recorded by the chair)', value: '2025-11-10', audience: 'everyone' },
    ]));
    const none = setUpStep.minutes(saved(context([past({})]))).flatMap((s) => s.entries).map((e) => e.label);
    expect(none.join(' ')).not.toContain('recorded by the chair');
  });
});
