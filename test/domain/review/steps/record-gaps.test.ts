import { Review } from '../../../../src/domain/review/review';
import { minutesOf } from '../../../../src/domain/review/minutes';
import { carryForwardActions } from '../../../../src/domain/review/new-review';
import { STEPS, StepDefinition } from '../../../../src/domain/review/steps';
import { VALID_FORMS, completeReview, planValues, walkTo } from '../review-builder';
import { errorsOf, parseStep, patchOf } from '../step-forms/form-test-kit';

const CONTEXT = { today: '2026-03-02', packChoices: [], defaultPackId: 'leicestershire' };
const inputsOf = (step: keyof typeof STEPS, review: Review) => (STEPS[step] as StepDefinition).form(review, CONTEXT).flatMap((s) => [...s.inputs, ...(s.details?.inputs ?? [])]);
const section = (review: Review, step: string) => minutesOf(review).find((s) => s.step === step)!.entries.map((e) => [e.label, e.value]);

// 001 §1: "If the child does not wish to attend or it is not considered appropriate, the reasons for this should be recorded."
describe('why a child did not attend', () => {
  const review = walkTo('child-voice');
  const voice = (extra: Record<string, string>) => ({ ...VALID_FORMS['child-voice'](review), ...extra });

  it('the card asks, for each child by name, whether they attended and if not why', () => {
    const inputs = inputsOf('child-voice', review);
    expect(inputs.map((i) => i.inputId)).toEqual(expect.arrayContaining(['voices.0.attended', 'voices.0.notAttendingReason']));
    expect(inputs.find((i) => i.inputId === 'voices.0.attended')!.label).toBe('Did Amy attend the meeting?');
  });

  it('a child who did not attend needs the reason, which the minutes record', () => {
    expect(errorsOf(parseStep('child-voice', voice({ 'voices.0.attended': 'no' }), review))).toEqual({
      'voices.0.notAttendingReason': 'Record why the child did not attend (001 §1)',
    });
    const done = completeReview({ forms: { 'child-voice': (r) => ({ ...VALID_FORMS['child-voice'](r), 'voices.0.attended': 'no', 'voices.0.notAttendingReason': 'M-AT-SCHOOL-M' }) } });
    expect(section(done, 'child-voice')).toContainEqual(['Amy: attended the meeting', 'No: M-AT-SCHOOL-M']);
  });

  it('a child who attended needs no reason', () => {
    expect(patchOf(parseStep('child-voice', voice({ 'voices.0.attended': 'yes' }), review)).childVoices![0]).toMatchObject({ attended: 'yes', notAttendingReason: '' });
  });
});

// 001 §3: "Include a contingency plan to be followed if circumstances change significantly ..."
describe('the contingency plan', () => {
  it('is asked for on the plan and always shown in the minutes, "(none recorded)" when blank', () => {
    const review = walkTo('plan');
    expect(inputsOf('plan', review).map((i) => i.inputId)).toContain('contingencyPlan');
    const plan = patchOf(parseStep('plan', { ...planValues(review), contingencyPlan: ' If Dad returns, Mum calls the duty team ' }, review)).plan!;
    expect(plan.contingencyPlan).toBe('If Dad returns, Mum calls the duty team');
    expect(section(completeReview(), 'plan')).toContainEqual(['Contingency plan', '(none recorded)']);
  });
});

describe("an action's owner is picked from the attendees", () => {
  const review = walkTo('plan');
  const sam = review.attendees.find((a) => a.name === 'Sam School')!;

  it('the new action row offers every attendee by name', () => {
    const owner = inputsOf('plan', review).find((i) => i.inputId === 'actions.0.ownerKey')!;
    expect(owner.choices?.map((c) => [c.title, c.value])).toEqual(review.attendees.map((a) => [a.name, a.key]));
  });

  it('an owner picked is recorded by name and key; someone not at the meeting may be typed instead', () => {
    const picked = { 'actions.0.what': 'Book the GP', 'actions.0.ownerKey': sam.key, 'actions.0.who': '', 'actions.0.byWhen': '2026-03-20', 'actions.0.status': 'not-started' };
    expect(patchOf(parseStep('plan', picked, review)).plan!.actions[0]).toMatchObject({ who: 'Sam School', ownerKey: sam.key });
    const typed = { ...picked, 'actions.0.ownerKey': '', 'actions.0.who': 'Health visitor (not here)' };
    const action = patchOf(parseStep('plan', typed, review)).plan!.actions[0]!;
    expect(action.who).toBe('Health visitor (not here)');
    expect(action).not.toHaveProperty('ownerKey');
  });

  it('needs an owner, and refuses someone not in the list', () => {
    const none = { 'actions.0.what': 'Book the GP', 'actions.0.ownerKey': '', 'actions.0.who': '', 'actions.0.byWhen': '2026-03-20', 'actions.0.status': 'not-started' };
    expect(errorsOf(parseStep('plan', none, review))).toEqual({ 'actions.0.who': 'Every action needs an owner: pick one, or type who' });
    expect(errorsOf(parseStep('plan', { ...none, 'actions.0.ownerKey': 'attendee-forged' }, review))).toEqual({ 'actions.0.ownerKey': 'Choose someone from the list' });
  });

  it("an owner's key does not come forward to the next review, whose attendees are new", () => {
    const done = completeReview({ forms: { plan: (r) => ({ ...planValues(r, []), 'actions.0.what': 'x', 'actions.0.ownerKey': r.attendees[0]!.key, 'actions.0.byWhen': '2026-03-20', 'actions.0.status': 'on-track' }) } });
    const next = carryForwardActions(walkTo('plan'), done);
    expect(next.plan!.actions[0]).toMatchObject({ who: done.plan!.actions[0]!.who, carriedForward: true });
    expect(next.plan!.actions[0]).not.toHaveProperty('ownerKey');
  });
});
