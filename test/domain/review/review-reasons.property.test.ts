import fc from 'fast-check';
import { DecisionContext, PastReview } from '../../../src/domain/review/case-knowledge';
import { Review } from '../../../src/domain/review/review';
import { decide } from '../../../src/domain/review/review-machine';
import { addDays as addCalendarDays } from '../../../src/domain/timescales';
import { englandAndWales, packs } from '../timescales/shipped-timescales';
import { CHAIR, T0, VALID_FORMS, freshReview, later, setUpValues, walkTo } from './review-builder';

/** The whole decision judges the timescales: a rule not met never passes without its reason recorded. */
const context = (pastReviews: readonly PastReview[] = []): DecisionContext => ({ packs, calendar: englandAndWales, pastReviews, remembered: [] });

const packIds = [...packs.keys()];
const chairRoles = ['SSWOP', 'TM', 'SP', 'CSW', 'SW', 'KW'] as const;
const meetingTypes = ['initial', 'progress', 'final'] as const;
const date = fc.integer({ min: 0, max: 500 }).map((n) => addCalendarDays('2025-06-02', n));

const setUpCase = fc.record({
  packId: fc.constantFrom(...packIds),
  chairRole: fc.constantFrom(...chairRoles),
  meetingType: fc.constantFrom(...meetingTypes),
  planStart: date,
  gap: fc.integer({ min: 0, max: 400 }),
  previous: fc.integer({ min: 0, max: 4 }),
  reason: fc.constantFrom('', 'The family asked for a later date'),
});

type SetUpCase = typeof setUpCase extends fc.Arbitrary<infer T> ? T : never;

function setUpForm(c: SetUpCase): Record<string, string> {
  const meetingDate = addCalendarDays(c.planStart, c.gap);
  return {
    ...setUpValues({ meetingType: c.meetingType, chairRole: c.chairRole, meetingDate }),
    planStartDate: c.planStart,
    policyPackId: c.packId,
    timescaleReason: c.reason,
  };
}

function history(count: number, before: string): PastReview[] {
  return Array.from({ length: count }, (_, i) => ({
    reviewId: `earlier-${i}`,
    caseReference: 'CIN-1001',
    status: 'signed-off' as const,
    meetingDate: addCalendarDays(before, -30 * (count - i)),
    meetingType: 'progress',
  }));
}

function unmet(review: Review): string[] {
  const t = review.timescales!;
  return [t.chair, t.meetingDate].filter((v) => v !== null && !v.ok).map((v) => v!.message);
}

describe('whole decisions: the reason-required rules', () => {
  it('set-up is left only when every timescale rule is met or a reason is recorded; saving never needs one', () => {
    fc.assert(
      fc.property(setUpCase, (c) => {
        const form = setUpForm(c);
        const review = freshReview();
        const ctx = context(history(c.previous, form.meetingDate!));
        const saved = decide(review, { type: 'submit', step: 'set-up', form, intent: 'save' }, CHAIR, later(T0), ctx);
        if (!saved.ok) return; // a form the pack cannot judge (e.g. a date its rules reject) is not this property's concern
        const problems = unmet(saved.review);
        const left = decide(review, { type: 'submit', step: 'set-up', form, intent: 'continue' }, CHAIR, later(T0), ctx);
        if (problems.length > 0 && c.reason === '') {
          expect(left.ok).toBe(false);
          if (!left.ok) {
            expect(left.fieldErrors?.timescaleReason).toContain('Record the reason');
            // The refusal shows the timescales that need the reason.
            expect(left.shown?.timescales).toEqual(saved.review.timescales);
          }
        } else {
          expect(left.ok).toBe(true);
          if (left.ok) {
            expect(left.review.currentStep).not.toBe('set-up');
            expect(left.review.setUp?.timescaleReason).toBe(c.reason);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the next meeting outside its window needs the reason; inside, it does not', () => {
    const atNext = walkTo('next-meeting', {});
    const judged = decide(atNext, { type: 'submit', step: 'next-meeting', form: VALID_FORMS['next-meeting'](atNext), intent: 'save' }, CHAIR, later(atNext.updatedAt), context());
    expect(judged.ok).toBe(true);
    const window = judged.ok ? judged.review.timescales?.nextReview : undefined;
    expect(window).toBeDefined();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.boolean(), (offset, withReason) => {
        const proposedDate = addCalendarDays(atNext.setUp!.meetingDate, offset);
        const form = { ...VALID_FORMS['next-meeting'](atNext), proposedDate, dateReason: withReason ? 'Holiday' : '' };
        const d = decide(atNext, { type: 'submit', step: 'next-meeting', form, intent: 'continue' }, CHAIR, later(atNext.updatedAt), context());
        const outside = proposedDate < window!.earliest || proposedDate > window!.latest;
        if (outside && !withReason) {
          expect(d.ok).toBe(false);
          if (!d.ok) expect(d.fieldErrors?.dateReason).toContain('Record the reason');
        } else {
          expect(d.ok).toBe(true);
          if (d.ok) expect(d.review.nextMeeting?.dateVerdict?.ok).toBe(!outside);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every accepted decision says what it caused: moving on is an event, a refusal has none', () => {
    const review = freshReview();
    const d = decide(review, { type: 'submit', step: 'set-up', form: setUpValues({ chairRole: 'TM' }), intent: 'continue' }, CHAIR, later(T0), context());
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['step-saved', 'moved']);
    const saved = decide(review, { type: 'submit', step: 'set-up', form: setUpValues({ chairRole: 'TM' }), intent: 'save' }, CHAIR, later(T0), context());
    expect(saved.ok && saved.events.map((e) => e.type)).toEqual(['step-saved']);
    const signedOff = decide(walkTo('minutes'), { type: 'sign-off' }, CHAIR, later(T0, 999));
    expect(signedOff.ok && signedOff.events.map((e) => e.type)).toEqual(['signed-off']);
  });
});
