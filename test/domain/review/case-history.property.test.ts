import fc from 'fast-check';
import { DecisionContext, PastReview } from '../../../src/domain/review/case-knowledge';
import { decide } from '../../../src/domain/review/review-machine';
import { addDays } from '../../../src/domain/timescales';
import { englandAndWales, packs } from '../timescales/shipped-timescales';
import { CHAIR, T0, freshReview, later, setUpValues } from './review-builder';

/** Whose history a meeting is timed from: the bot's own record of a case always wins over dates typed at set-up. */
const context = (pastReviews: readonly PastReview[]): DecisionContext => ({ packs, calendar: englandAndWales, pastReviews, remembered: [] });

const meeting = fc.record({
  packId: fc.constantFrom(...packs.keys()),
  meetingType: fc.constantFrom('progress', 'final'),
  chairRole: fc.constantFrom('SSWOP', 'TM', 'SP', 'CSW', 'SW', 'KW', 'SM'),
  planStart: fc.integer({ min: 0, max: 700 }).map((n) => addDays('2025-01-06', n)),
  length: fc.integer({ min: 2, max: 800 }),
  /** Where in the plan the typed last review falls, and the day the case opened before the plan. */
  typedAt: fc.double({ min: 0, max: 1, noNaN: true }),
  openedBefore: fc.option(fc.integer({ min: 0, max: 900 })),
});

type Meeting = typeof meeting extends fc.Arbitrary<infer T> ? T : never;

function formOf(m: Meeting, typedLastReview: string) {
  const meetingDate = addDays(m.planStart, m.length);
  return {
    ...setUpValues({ meetingType: m.meetingType, chairRole: m.chairRole, meetingDate }),
    planStartDate: m.planStart,
    policyPackId: m.packId,
    lastReviewDate: typedLastReview,
    caseOpenedDate: m.openedBefore === null ? '' : addDays(m.planStart, -m.openedBefore),
  };
}

/** A date strictly between the plan's start and the meeting. */
const typedDate = (m: Meeting) => addDays(m.planStart, 1 + Math.floor(m.typedAt * (m.length - 2)));

/** What the bot holds of the case: its initial meeting only, or up to four reviews, all before this meeting. */
const held = fc.record({ initialOnly: fc.boolean(), reviews: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 4 }) });

function pastOf(h: { initialOnly: boolean; reviews: number[] }, m: Meeting): PastReview[] {
  const meetingDate = addDays(m.planStart, m.length);
  if (h.initialOnly) return [{ reviewId: 'initial', caseReference: 'CIN-1001', status: 'signed-off', meetingDate: m.planStart, meetingType: 'initial' }];
  return h.reviews.map((daysBefore, i) => ({ reviewId: `r${i}`, caseReference: 'CIN-1001', status: 'signed-off', meetingDate: addDays(meetingDate, -daysBefore), meetingType: 'progress' }));
}

const save = (form: Record<string, string>, past: readonly PastReview[]) =>
  decide(freshReview(), { type: 'submit', step: 'set-up', form, intent: 'save' }, CHAIR, later(T0), context(past));

describe('a case’s history, typed or held', () => {
  it('a known case is timed from the bot’s own record, whatever last review was typed; the typed one is not kept', () => {
    fc.assert(
      fc.property(meeting, held, (m, h) => {
        const past = pastOf(h, m);
        const typed = save(formOf(m, typedDate(m)), past);
        const blank = save(formOf(m, ''), past);
        expect(typed.ok).toBe(blank.ok);
        if (!typed.ok || !blank.ok) return;
        expect(typed.review.timescales).toEqual(blank.review.timescales);
        expect(typed.review.timescales?.historyFrom).toBe('bot');
        expect(typed.review.setUp?.lastReviewDate).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('for a case the bot has never seen, a typed last review counts as if the bot had held that review', () => {
    fc.assert(
      fc.property(meeting, (m) => {
        const date = typedDate(m);
        const typed = save(formOf(m, date), []);
        const asHeld = save(formOf(m, ''), [{ reviewId: 'r', caseReference: 'CIN-1001', status: 'signed-off', meetingDate: date, meetingType: 'progress' }]);
        expect(typed.ok).toBe(asHeld.ok);
        if (!typed.ok || !asHeld.ok) return;
        expect(typed.review.timescales?.historyFrom).toBe('chair');
        expect({ ...typed.review.timescales, historyFrom: 'bot' }).toEqual(asHeld.review.timescales);
        expect(typed.review.setUp?.lastReviewDate).toBe(date);
      }),
      { numRuns: 300 },
    );
  });
});
