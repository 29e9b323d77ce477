import { applicableSteps, nextStep, previousStep, stepApplies, stepSatisfied } from './agenda';
import { Review, STEP_IDS, StepId, TeamsPerson } from './review';
import { FieldErrors, FormValues, STEP_FORMS, parseNewAttendee } from './step-forms';

/** What the chair (or someone claiming to be) asks of a review. */
export type ReviewCommand =
  | { readonly type: 'submit'; readonly step: StepId; readonly form: FormValues; readonly intent: 'continue' | 'save' }
  | { readonly type: 'back'; readonly step: StepId }
  | { readonly type: 'goto'; readonly step: StepId }
  | { readonly type: 'sign-off' }
  | { readonly type: 'cancel' }
  | { readonly type: 'hand-chair'; readonly to: TeamsPerson }
  | { readonly type: 'add-attendee'; readonly form: FormValues };

export type RefusalCode =
  | 'NOT_CHAIR'
  | 'REVIEW_CLOSED'
  | 'STEP_NOT_CURRENT'
  | 'STEP_NOT_REACHED'
  | 'INVALID_INPUT'
  | 'NOT_READY_TO_SIGN_OFF';

export type Decision =
  | { readonly ok: true; readonly review: Review }
  | { readonly ok: false; readonly code: RefusalCode; readonly message: string; readonly fieldErrors?: FieldErrors };

export const ESCALATION_INSTRUCTIONS =
  'Escalation must not wait for the minutes. Now: tell your team manager, and ask the MASH / duty manager ' +
  'to convene a strategy discussion today (s47). Record the discussion and its decision on the case file.';

/** The plain answer to anyone but the chair: who is chairing, and that only they can. */
export function chairOnly(review: Review, what = 'change it'): string {
  return `Only ${review.chair.name}, who is chairing this review, can ${what}.`;
}

export function isChair(review: Review, person: TeamsPerson): boolean {
  const chair = review.chair;
  if (chair.aadObjectId && person.aadObjectId) return chair.aadObjectId === person.aadObjectId;
  return chair.teamsUserId === person.teamsUserId;
}

/** The pure decision: given a review, who asked and what, the review after it (or why not). */
export function decide(review: Review, command: ReviewCommand, actor: TeamsPerson, now: string): Decision {
  if (review.status !== 'in-progress') {
    return refuse('REVIEW_CLOSED', `This review was ${review.status === 'signed-off' ? 'signed off' : 'cancelled'}; it can no longer change.`);
  }
  if (!isChair(review, actor)) {
    return refuse('NOT_CHAIR', chairOnly(review));
  }
  switch (command.type) {
    case 'submit':
      return submit(review, command.step, command.form, command.intent, now);
    case 'back':
      if (command.step !== review.currentStep) return staleStep();
      return changed(review, { currentStep: previousStep(review, review.currentStep) }, now);
    case 'goto':
      if (!reachable(review).includes(command.step)) {
        return refuse('STEP_NOT_REACHED', 'That step has not been reached yet.');
      }
      return changed(review, { currentStep: command.step }, now);
    case 'sign-off':
      return signOff(review, actor, now);
    case 'cancel':
      return changed(review, { status: 'cancelled', cancelled: { by: actor, at: now } }, now);
    case 'hand-chair':
      return changed(review, { chair: command.to }, now);
    case 'add-attendee': {
      const added = parseNewAttendee(command.form, review, now);
      if (!added.ok) return refuse('INVALID_INPUT', 'Some answers need attention.', added.fieldErrors);
      return changed(review, added.patch, now);
    }
  }
}

function submit(review: Review, step: StepId, form: FormValues, intent: 'continue' | 'save', now: string): Decision {
  if (step !== review.currentStep || step === 'minutes') return staleStep();
  const result = STEP_FORMS[step].parse(form, review, now);
  if (!result.ok) {
    return { ok: false, code: 'INVALID_INPUT', message: 'Some answers need attention.', fieldErrors: result.fieldErrors };
  }
  const updated: Review = { ...review, ...result.patch };
  if (intent === 'save') return changed(review, result.patch, now);
  if (step === 'plan' && (updated.plan?.actions.length ?? 0) === 0) {
    return refuse('INVALID_INPUT', 'Some answers need attention.', {
      'actions.0.what': 'Add at least one action: what, who and by when',
    });
  }
  const completedSteps = review.completedSteps.includes(step) ? review.completedSteps : [...review.completedSteps, step];
  const withStep = { ...updated, completedSteps };
  return changed(review, { ...result.patch, completedSteps, currentStep: stepAfter(withStep, step) }, now);
}

/** After a step: the next step not yet done, so an amendment made from the minutes returns there. */
export function stepAfter(review: Review, step: StepId): StepId {
  const pending = outstandingSteps(review);
  const order = STEP_IDS.indexOf(step);
  const later = pending.find((s) => STEP_IDS.indexOf(s) > order);
  if (later) return later;
  if (pending.length > 0) return pending[0] as StepId;
  return nextStep(review, 'next-meeting');
}

/** Steps the chair may jump to: those done, the one in hand, and the first not yet done (or the minutes). */
export function reachable(review: Review): StepId[] {
  const firstPending = outstandingSteps(review)[0] ?? 'minutes';
  return applicableSteps(review).filter((s) => s === review.currentStep || s === firstPending || review.completedSteps.includes(s));
}

/** Steps still to do before the minutes can be signed off. */
export function outstandingSteps(review: Review): StepId[] {
  return applicableSteps(review).filter((s) => s !== 'minutes' && !stepSatisfied(review, s));
}

function signOff(review: Review, actor: TeamsPerson, now: string): Decision {
  if (review.currentStep !== 'minutes') return staleStep();
  const outstanding = outstandingSteps(review);
  if (outstanding.length > 0) {
    return refuse('NOT_READY_TO_SIGN_OFF', `These steps still need completing: ${outstanding.join(', ')}.`);
  }
  return changed(review, { status: 'signed-off', signOff: { by: actor, at: now } }, now);
}

function changed(review: Review, patch: Partial<Review>, now: string): Decision {
  const next: Review = { ...review, ...patch, version: review.version + 1, updatedAt: now };
  if (!stepApplies(next, next.currentStep)) {
    return { ok: true, review: { ...next, currentStep: stepAfter(next, next.currentStep) } };
  }
  return { ok: true, review: next };
}

function staleStep(): Decision {
  return refuse('STEP_NOT_CURRENT', 'That card is out of date; here is where the review is now.');
}

function refuse(code: RefusalCode, message: string, fieldErrors?: FieldErrors): Decision {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}
