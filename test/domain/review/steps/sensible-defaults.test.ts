import { Review } from '../../../../src/domain/review/review';
import { minutesOf } from '../../../../src/domain/review/minutes';
import { STEPS, StepDefinition } from '../../../../src/domain/review/steps';
import { VALID_FORMS, completeReview, walkTo } from '../review-builder';

const CONTEXT = { today: '2026-03-02', packChoices: [], defaultPackId: 'leicestershire' };
const inputOf = (step: keyof typeof STEPS, review: Review, id: string) =>
  (STEPS[step] as StepDefinition).form(review, CONTEXT).flatMap((s) => [...s.inputs, ...(s.details?.inputs ?? [])]).find((i) => i.inputId === id)!;

describe('sensible defaults', () => {
  it('the interpreter starts at "not needed" for a child whose voice is not yet recorded', () => {
    expect(inputOf('child-voice', walkTo('child-voice'), 'voices.0.interpreter').stored).toBe('not-needed');
  });

  it('but shows what was recorded once it was', () => {
    const review = completeReview({ forms: { 'child-voice': (r) => ({ ...VALID_FORMS['child-voice'](r), 'voices.0.interpreter': 'needed-not-used' }) } });
    expect(inputOf('child-voice', review, 'voices.0.interpreter').stored).toBe('needed-not-used');
  });
});

describe('dates offer a sensible range', () => {
  const review = walkTo('minutes'); // meeting on 2026-03-02
  it.each([
    ['set-up', 'meetingDate', { min: '2025-03-02', max: '2027-03-02' }],
    ['set-up', 'planStartDate', { max: '2026-03-02' }],
    ['plan', 'actions.1.byWhen', { min: '2026-03-02', max: '2028-03-02' }],
    ['next-meeting', 'proposedDate', { min: '2026-03-03', max: '2027-03-02' }],
  ] as const)('%s %s: %j', (step, id, range) => {
    expect(inputOf(step, review, id).dateRange).toEqual(range);
  });

  it('an action carried forward may already be overdue: no earliest date', () => {
    const carried: Review = { ...review, plan: { ...review.plan!, actions: review.plan!.actions.map((a) => ({ ...a, carriedForward: true })) } };
    expect(inputOf('plan', carried, 'actions.0.byWhen').dateRange).toEqual({ max: '2028-03-02' });
  });
});

describe("the child's own words are quoted once", () => {
  it.each([
    ['I want to live with mum', '“I want to live with mum”'],
    ['"I want to live with mum"', '“I want to live with mum”'],
    ['“I want to live with mum”', '“I want to live with mum”'],
    ["'I want to live with mum'", '“I want to live with mum”'],
    ['She said "no" twice', '“She said "no" twice”'],
  ])('%s is shown as %s', (typed, shown) => {
    const review = completeReview({ forms: { 'child-voice': (r) => ({ ...VALID_FORMS['child-voice'](r), 'voices.0.ownWords': typed }) } });
    const entry = minutesOf(review).find((s) => s.step === 'child-voice')!.entries.find((e) => e.label.endsWith("'s own words"))!;
    expect(entry.value).toBe(shown);
  });
});
