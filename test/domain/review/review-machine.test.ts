import { stepApplies } from '../../../src/domain/review/agenda';
import { Review, STEP_IDS, StepId, TeamsPerson } from '../../../src/domain/review/review';
import { ReviewCommand, decide, isChair, outstandingSteps, reachable, stepAfter } from '../../../src/domain/review/review-machine';
import {
  CHAIR, FormStep, OTHER, VALID_FORMS, accept, attendeeValues, completeReview, currentAttendeeRows, decideAsChair,
  colleagueOf, later, outcomeValues, setUpValues, submit, walkTo, withColleague,
} from './review-builder';

const FORM_STEPS = STEP_IDS.filter((s): s is FormStep => s !== 'minutes');
const NOW = '2026-03-02T12:00:00.000Z';
const refusal = (review: Review, command: ReviewCommand, actor: TeamsPerson = review.chair) => {
  const d = decide(review, command, actor, NOW);
  if (d.ok) throw new Error(`expected a refusal, got the review at ${d.review.currentStep}`);
  return d;
};

const onlyParent = () => attendeeValues([{ name: 'Chris Chair', role: 'social-care', remove: true }, { name: 'Pat Parent', role: 'parent-carer' }]);
const chairOnly = (r: Review) => attendeeValues(currentAttendeeRows(r));

describe('submit', () => {
  it('continue stores the data, completes the step and moves on, one version up', () => {
    const before = walkTo('mapping');
    const d = decide(before, { type: 'submit', step: 'mapping', form: VALID_FORMS.mapping(before), intent: 'continue' }, CHAIR, NOW);
    expect(d.ok && d.review).toMatchObject({ currentStep: 'equality', version: before.version + 1, updatedAt: NOW, completedSteps: [...before.completedSteps, 'mapping'] });
    expect(d.ok && d.review.mapping?.workingWell).toBe('Amy attends school every day');
  });

  it('save stores the data but stays on the step, not completed', () => {
    const before = walkTo('mapping');
    const after = accept(before, { type: 'submit', step: 'mapping', form: VALID_FORMS.mapping(before), intent: 'save' });
    expect(after).toMatchObject({ currentStep: 'mapping', version: before.version + 1, completedSteps: before.completedSteps });
    expect(after.mapping?.worries).toBe('Arguments at home late at night');
  });

  it('refuses invalid answers with field errors and no review', () => {
    const d = refusal(walkTo('mapping'), { type: 'submit', step: 'mapping', form: { workingWell: 'x' }, intent: 'continue' });
    expect(d).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { worries: expect.any(String), scaleOverall: expect.any(String) } });
    expect('review' in d).toBe(false);
  });

  it('will not continue past the plan with no action, but will save it', () => {
    const at = walkTo('plan');
    const empty = { statementsAgreedOrReviewed: 'false' };
    expect(refusal(at, { type: 'submit', step: 'plan', form: empty, intent: 'continue' })).toMatchObject({
      code: 'INVALID_INPUT', fieldErrors: { 'actions.0.what': 'Add at least one action: what, who and by when' },
    });
    expect(accept(at, { type: 'submit', step: 'plan', form: empty, intent: 'save' }).plan?.actions).toEqual([]);
  });

  it.each(STEP_IDS.filter((s) => s !== 'plan'))('a submit for %s while the review is at the plan is STEP_NOT_CURRENT', (step) => {
    const at = walkTo('plan');
    const form = step === 'minutes' ? {} : VALID_FORMS[step](at);
    expect(refusal(at, { type: 'submit', step, form, intent: 'continue' }).code).toBe('STEP_NOT_CURRENT');
  });

  it('the minutes step takes no submit, even when it is current', () => {
    expect(refusal(completeReview(), { type: 'submit', step: 'minutes', form: {}, intent: 'continue' }).code).toBe('STEP_NOT_CURRENT');
  });
});

describe('skipping steps as the review goes', () => {
  it.each<[string, Partial<Record<FormStep, (r: Review) => Record<string, string>>>, StepId, StepId]>([
    ['a progress meeting in person skips the explanations', { 'set-up': () => setUpValues({ meetingType: 'progress', mode: 'in-person' }) }, 'introductions', 'child-voice'],
    ['an initial meeting in person keeps them', { 'set-up': () => setUpValues({ meetingType: 'initial', mode: 'in-person' }) }, 'introductions', 'explanations'],
    ["no parent or carer skips the parents' voice", { introductions: chairOnly }, 'child-voice', 'plan'],
    ['no professional present skips the updates', { introductions: onlyParent }, 'plan', 'mapping'],
    ['a close skips exit planning and the next meeting', { outcome: () => outcomeValues({ kind: 'close' }) }, 'outcome', 'minutes'],
    ['continue, closure not likely, skips exit planning', { outcome: () => outcomeValues({ closureLikelyNextTime: false }) }, 'outcome', 'next-meeting'],
    ['continue, closure likely, plans the exit', { outcome: () => outcomeValues({ closureLikelyNextTime: true }) }, 'outcome', 'exit-planning'],
    ['step down, closure likely, plans the exit', { outcome: () => outcomeValues({ kind: 'step-down', closureLikelyNextTime: true }) }, 'outcome', 'exit-planning'],
    ['escalate, closure not likely, books the next meeting', { outcome: () => outcomeValues({ kind: 'escalate', closureLikelyNextTime: false }) }, 'outcome', 'next-meeting'],
  ])('%s', (_, forms, from, to) => {
    const at = walkTo(from, { forms });
    expect(submit(at, (forms[from as FormStep] ?? VALID_FORMS[from as FormStep])(at)).currentStep).toBe(to);
  });
});

describe('back and goto', () => {
  it.each(STEP_IDS.slice(1).map((s, i) => [s, STEP_IDS[i]] as const))('back from %s goes to %s on the full walk', (from, to) => {
    const at = walkTo(from);
    const after = accept(at, { type: 'back', step: from });
    expect(after).toMatchObject({ currentStep: to, version: at.version + 1, completedSteps: at.completedSteps });
  });

  it('back from the set-up stays there', () => {
    expect(accept(walkTo('set-up'), { type: 'back', step: 'set-up' }).currentStep).toBe('set-up');
  });

  it('back steps over skipped steps', () => {
    const at = walkTo('child-voice', { forms: { 'set-up': () => setUpValues({ meetingType: 'progress', mode: 'in-person' }) } });
    expect(accept(at, { type: 'back', step: 'child-voice' }).currentStep).toBe('introductions');
  });

  it('after going back, continue returns to the step the chair left', () => {
    const back = accept(walkTo('plan'), { type: 'back', step: 'plan' });
    expect(submit(back).currentStep).toBe('plan');
  });

  it('back from a stale card is STEP_NOT_CURRENT', () => {
    expect(refusal(walkTo('plan'), { type: 'back', step: 'parents-voice' }).code).toBe('STEP_NOT_CURRENT');
  });

  it('goto reaches done steps and the current one, not later or skipped ones', () => {
    const at = walkTo('mapping');
    expect(accept(at, { type: 'goto', step: 'child-voice' }).currentStep).toBe('child-voice');
    expect(accept(at, { type: 'goto', step: 'mapping' }).currentStep).toBe('mapping');
    expect(refusal(at, { type: 'goto', step: 'equality' }).code).toBe('STEP_NOT_REACHED');
    expect(refusal(at, { type: 'goto', step: 'minutes' }).code).toBe('STEP_NOT_REACHED');
    expect(refusal(at, { type: 'goto', step: 'exit-planning' }).code).toBe('STEP_NOT_REACHED');
    expect(reachable(at)).toEqual(['set-up', 'introductions', 'explanations', 'child-voice', 'parents-voice', 'plan', 'updates', 'mapping']);
  });

  it('once every step is done, every applicable step is reachable', () => {
    const done = completeReview();
    expect(reachable(done)).toEqual([...STEP_IDS]);
    expect(accept(accept(done, { type: 'goto', step: 'plan' }), { type: 'goto', step: 'minutes' }).currentStep).toBe('minutes');
  });
});

describe('amending from the minutes', () => {
  it.each(FORM_STEPS)('continue on %s returns to the minutes', (step) => {
    const at = accept(completeReview(), { type: 'goto', step });
    const after = submit(at);
    expect(after.currentStep).toBe('minutes');
    expect(stepAfter(after, step)).toBe('minutes');
  });

  it('a closure decided from the minutes drops exit planning and the next meeting', () => {
    const at = accept(completeReview(), { type: 'goto', step: 'outcome' });
    const after = submit(at, outcomeValues({ kind: 'close' }));
    expect(after.currentStep).toBe('minutes');
    expect(outstandingSteps(after)).toEqual([]);
    expect(stepApplies(after, 'exit-planning') || stepApplies(after, 'next-meeting')).toBe(false);
  });

  it('an amendment that brings a new step in goes there first, then back to the minutes', () => {
    const walked = completeReview({ forms: { outcome: () => outcomeValues({ closureLikelyNextTime: false }) } });
    const after = submit(accept(walked, { type: 'goto', step: 'outcome' }), outcomeValues({ closureLikelyNextTime: true }));
    expect(after.currentStep).toBe('exit-planning');
    expect(submit(after).currentStep).toBe('minutes');
  });

  it('an amendment mid-walk returns to the first step not yet done', () => {
    const at = accept(walkTo('equality'), { type: 'goto', step: 'child-voice' });
    expect(submit(at).currentStep).toBe('equality');
  });

  it.each<[string, FormStep, (r: Review) => Record<string, string>]>([
    ['a second child (no voice recorded for them)', 'set-up', () => setUpValues({ children: [{ firstName: 'Amy', caseReference: 'CIN-1001' }, { firstName: 'Ben', caseReference: 'CIN-1002' }] })],
    ['a second parent, present (no voice recorded)', 'introductions', (r) => attendeeValues(currentAttendeeRows(r, [{ name: 'Dan Dad', role: 'parent-carer' }]))],
    ['a health visitor, present (no update recorded)', 'introductions', (r) => attendeeValues(currentAttendeeRows(r, [{ name: 'Hana Health', role: 'health' }]))],
  ])('adding %s from the minutes does not let the review be signed off', (_, step, form) => {
    const at = accept(completeReview(), { type: 'goto', step });
    const amended = submit(at, form(at));
    const signOff = decideAsChair(amended, { type: 'sign-off' });
    expect({ step: amended.currentStep, signedOff: signOff.ok }).toEqual({ step: expect.not.stringMatching(/^minutes$/), signedOff: false });
  });
});

describe('sign-off, cancel and hand-chair', () => {
  it('sign-off at the minutes with nothing outstanding records who and when', () => {
    const done = completeReview();
    const d = decide(done, { type: 'sign-off' }, CHAIR, NOW);
    expect(d.ok && d.review).toMatchObject({ status: 'signed-off', signOff: { by: CHAIR, at: NOW }, version: done.version + 1, updatedAt: NOW });
  });

  it('sign-off anywhere but the minutes is STEP_NOT_CURRENT', () => {
    expect(refusal(walkTo('next-meeting'), { type: 'sign-off' }).code).toBe('STEP_NOT_CURRENT');
  });

  it('sign-off is refused while steps are outstanding, naming them', () => {
    const done = completeReview();
    const gap = { ...done, completedSteps: done.completedSteps.filter((s) => s !== 'mapping' && s !== 'equality') };
    const d = refusal(gap, { type: 'sign-off' });
    expect(d.code).toBe('NOT_READY_TO_SIGN_OFF');
    expect(d.message).toContain('mapping, equality');
  });

  it.each(['set-up', 'plan', 'minutes'] as const)('cancel at %s records who and when', (step) => {
    const at = walkTo(step);
    const d = decide(at, { type: 'cancel' }, CHAIR, NOW);
    expect(d.ok && d.review).toMatchObject({ status: 'cancelled', cancelled: { by: CHAIR, at: NOW }, version: at.version + 1 });
    expect(d.ok && d.review.signOff).toBeUndefined();
  });

  it('hand-chair passes every right to the new chair and none stay with the old', () => {
    const at = withColleague('minutes');
    const handed = accept(at, { type: 'hand-chair', to: colleagueOf(at) });
    expect(handed.chair).toEqual(colleagueOf(at));
    expect(refusal(handed, { type: 'sign-off' }, CHAIR).code).toBe('NOT_CHAIR');
    const signed = accept(handed, { type: 'sign-off' }, OTHER);
    expect(signed.signOff?.by).toEqual(OTHER);
  });

  it('a review whose current step stops applying moves on at the next change', () => {
    const at = withColleague('parents-voice');
    const stale = { ...at, attendees: at.attendees.filter((a) => a.role !== 'parent-carer') };
    expect(accept(stale, { type: 'hand-chair', to: colleagueOf(at) }).currentStep).toBe('plan');
  });
});

describe('who may act', () => {
  it.each<[string, TeamsPerson, TeamsPerson, boolean]>([
    ['same Entra id, other Teams id: the chair', CHAIR, { teamsUserId: '29:chair-mobile', aadObjectId: 'aad-chair', name: 'C' }, true],
    ['same Teams id, other Entra id: not the chair', CHAIR, { teamsUserId: '29:chair', aadObjectId: 'aad-impostor', name: 'C' }, false],
    ['same Teams id, no Entra id on the actor: the chair', CHAIR, { teamsUserId: '29:chair', name: 'C' }, true],
    ['same Teams id, no Entra id on the chair: the chair', { teamsUserId: '29:chair', name: 'C' }, { teamsUserId: '29:chair', aadObjectId: 'aad-x', name: 'C' }, true],
    ['other Teams id, no Entra ids: not the chair', { teamsUserId: '29:chair', name: 'C' }, { teamsUserId: '29:other', name: 'C' }, false],
    ['someone else entirely: not the chair', CHAIR, OTHER, false],
  ])('%s', (_, chair, actor, allowed) => {
    const review = { ...walkTo('plan'), chair };
    expect(isChair(review, actor)).toBe(allowed);
    const d = decide(review, { type: 'back', step: 'plan' }, actor, NOW);
    expect(d.ok ? 'ok' : d.code).toBe(allowed ? 'ok' : 'NOT_CHAIR');
  });

  const name = (c: ReviewCommand) => (c.type === 'submit' ? `submit (${c.intent})` : c.type);
  const commands = (r: Review): ReviewCommand[] => [
    { type: 'submit', step: r.currentStep, form: r.currentStep === 'minutes' ? {} : VALID_FORMS[r.currentStep](r), intent: 'continue' },
    { type: 'submit', step: r.currentStep, form: {}, intent: 'save' },
    { type: 'back', step: r.currentStep },
    { type: 'goto', step: 'set-up' },
    { type: 'sign-off' },
    { type: 'cancel' },
    { type: 'hand-chair', to: OTHER },
  ];

  it.each(commands(walkTo('minutes')).map((c) => [name(c), c] as const))('anyone but the chair: %s is NOT_CHAIR', (_, command) => {
    expect(refusal(completeReview(), command, OTHER).code).toBe('NOT_CHAIR');
  });

  const signedOff = () => accept(completeReview(), { type: 'sign-off' });
  const cancelled = () => accept(walkTo('plan'), { type: 'cancel' });
  it.each([
    ...commands(walkTo('minutes')).map((c) => ['signed off', name(c), signedOff, c] as const),
    ...commands(walkTo('plan')).map((c) => ['cancelled', name(c), cancelled, c] as const),
  ])('a %s review refuses %s with REVIEW_CLOSED', (_, __, closed, command) => {
    const review = closed();
    const d = refusal(review, command as ReviewCommand, CHAIR);
    expect(d.code).toBe('REVIEW_CLOSED');
  });
});

describe('versions', () => {
  it('every accepted change adds exactly one; refusals add none', () => {
    let r = walkTo('plan');
    const start = r.version;
    const steps: ReviewCommand[] = [
      { type: 'back', step: 'plan' },
      { type: 'goto', step: 'child-voice' },
      { type: 'submit', step: 'child-voice', form: VALID_FORMS['child-voice'](r), intent: 'continue' },
      { type: 'submit', step: 'plan', form: VALID_FORMS.plan(r), intent: 'save' },
      { type: 'goto', step: 'plan' },
      { type: 'submit', step: 'plan', form: VALID_FORMS.plan(r), intent: 'continue' },
    ];
    steps.forEach((c, i) => {
      const now = later(r.updatedAt);
      r = accept(r, c, CHAIR, now);
      expect([r.version, r.updatedAt]).toEqual([start + i + 1, now]);
    });
    expect(decideAsChair(r, { type: 'goto', step: 'minutes' }).ok).toBe(false);
  });
});

describe('going back then forward again', () => {
  it('can jump back to the step the chair was on before going back', () => {
    const atPlan = walkTo('plan');
    const back = accept(atPlan, { type: 'back', step: 'plan' });
    expect(back.currentStep).not.toBe('plan');
    expect(accept(back, { type: 'goto', step: 'plan' }).currentStep).toBe('plan');
  });
});
