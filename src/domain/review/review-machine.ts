import { readSignOffChoices } from '../minutes-delivery/sign-off-choices';
import { mayTakeChair } from './chair-hand-over';
import { applicableSteps, nextStep, previousStep, stepApplies, stepSatisfied } from './agenda';
import { DecisionContext, caseHistoryFor, isKnownCase } from './case-knowledge';
import { caseReferences, carryForwardActions } from './new-review';
import { BookingRules, nextBookingOf, withSlotOffer } from './next-booking';
import { Review, STEP_IDS, SlotOffer, StepId, TeamsPerson } from './review';
import { ReviewEvent } from './review-events';
import { samePerson } from './same-person';
import { assessTimescales, judgeProposedDate, missingReasons } from './review-timescales';
import { FieldErrors, FormValues, STEP_FORMS, parseNewAttendee } from './step-forms';

/** What the chair (or someone claiming to be) asks of a review. */
export type ReviewCommand =
  | { readonly type: 'submit'; readonly step: StepId; readonly form: FormValues; readonly intent: 'continue' | 'save' }
  | { readonly type: 'back'; readonly step: StepId }
  | { readonly type: 'goto'; readonly step: StepId }
  /**
   * `choices`: the confirmation card's ticks and letters (absent: everyone as recorded, no child letter);
   * with the service's booking rules, sign-off records the booking of the next meeting it asks for.
   */
  | { readonly type: 'sign-off'; readonly choices?: FormValues; readonly booking?: BookingRules }
  /** The free times found for the next meeting (by the use case, from the calendars), offered on its step. */
  | { readonly type: 'offer-times'; readonly offer: SlotOffer }
  | { readonly type: 'cancel' }
  | { readonly type: 'hand-chair'; readonly to: TeamsPerson }
  | { readonly type: 'add-attendee'; readonly form: FormValues };

export type RefusalCode =
  | 'NOT_CHAIR'
  | 'REVIEW_CLOSED'
  | 'STEP_NOT_CURRENT'
  | 'STEP_NOT_REACHED'
  | 'INVALID_INPUT'
  | 'NOT_READY_TO_SIGN_OFF'
  | 'CHAIR_NOT_ELIGIBLE';

export type Decision =
  | { readonly ok: true; readonly review: Review; readonly events: readonly ReviewEvent[] }
  | {
      readonly ok: false;
      readonly code: RefusalCode;
      readonly message: string;
      readonly fieldErrors?: FieldErrors;
      /** What to show with the refusal when it differs from the stored review (the timescales that need a reason). */
      readonly shown?: Review;
    };

export const ESCALATION_INSTRUCTIONS =
  'Escalation must not wait for the minutes. Now: tell your team manager, and ask the MASH / duty manager ' +
  'to convene a strategy discussion today (s47). Record the discussion and its decision on the case file.';

/** The plain answer to anyone but the chair: who is chairing, and that only they can. */
export function chairOnly(review: Review, what = 'change it'): string {
  return `Only ${review.chair.name}, who is chairing this review, can ${what}.`;
}

export function isChair(review: Review, person: TeamsPerson): boolean {
  return samePerson(review.chair, person);
}

/**
 * Which cases a command needs to know about before it can be decided: set-up (case memory, the
 * timescales, carried-forward actions) and the next meeting (its window). Empty: decide needs nothing loaded.
 */
export function casesNeededFor(review: Review, command: ReviewCommand): string[] {
  if (command.type !== 'submit' || (command.step !== 'set-up' && command.step !== 'next-meeting')) return [];
  return [...new Set([...typedCaseReferences(command.form), ...caseReferences(review)])];
}

/** The case references typed on a set-up card (children.N.caseReference), trimmed, blanks left out. */
function typedCaseReferences(form: FormValues): string[] {
  return Object.entries(form)
    .filter(([id, value]) => /^children\.\d+\.caseReference$/.test(id) && value.trim() !== '')
    .map(([, value]) => value.trim());
}

/**
 * The pure decision, whole: given a review, what is known of its cases, who asked and what, the
 * review after it and the events it caused (or why not). Without a context the timescales are not judged.
 */
export function decide(review: Review, command: ReviewCommand, actor: TeamsPerson, now: string, context?: DecisionContext): Decision {
  if (review.status !== 'in-progress') {
    return refuse('REVIEW_CLOSED', `This review was ${review.status === 'signed-off' ? 'signed off' : 'cancelled'}; it can no longer change.`);
  }
  if (!isChair(review, actor)) {
    return refuse('NOT_CHAIR', chairOnly(review));
  }
  switch (command.type) {
    case 'submit':
      return submit(review, command.step, command.form, command.intent, now, context);
    case 'back':
      if (command.step !== review.currentStep) return staleStep();
      return changed(review, { currentStep: previousStep(review, review.currentStep) }, now);
    case 'goto':
      if (!reachable(review).includes(command.step)) {
        return refuse('STEP_NOT_REACHED', 'That step has not been reached yet.');
      }
      return changed(review, { currentStep: command.step }, now);
    case 'sign-off':
      return signOff(review, actor, now, command.choices ?? {}, command.booking);
    case 'offer-times':
      if (review.currentStep !== 'next-meeting') return staleStep();
      return changed(withSlotOffer(review, command.offer), {}, now);
    case 'cancel':
      return changed(review, { status: 'cancelled', cancelled: { by: actor, at: now } }, now, [{ type: 'cancelled', by: actor, at: now }]);
    case 'hand-chair':
      return handChair(review, command.to, now);
    case 'add-attendee': {
      const added = parseNewAttendee(command.form, review, now);
      if (!added.ok) return refuse('INVALID_INPUT', 'Some answers need attention.', added.fieldErrors);
      const before = new Set(review.attendees.map((a) => a.key));
      const events = (added.patch.attendees ?? []).filter((a) => !before.has(a.key)).map((a): ReviewEvent => ({ type: 'attendee-added', attendeeKey: a.key }));
      return changed(review, added.patch, now, events);
    }
  }
}

function submit(review: Review, step: StepId, typed: FormValues, intent: 'continue' | 'save', now: string, context: DecisionContext | undefined): Decision {
  if (step !== review.currentStep || step === 'minutes') return staleStep();
  const form = step === 'set-up' && context ? withCaseMemory(typed, review, context) : typed;
  const result = STEP_FORMS[step].parse(form, review, now);
  if (!result.ok) {
    return { ok: false, code: 'INVALID_INPUT', message: 'Some answers need attention.', fieldErrors: result.fieldErrors };
  }
  const updated: Review = { ...review, ...result.patch };
  const leaving = intent === 'continue';
  if (leaving && step === 'plan' && (updated.plan?.actions.length ?? 0) === 0) {
    return refuse('INVALID_INPUT', 'Some answers need attention.', {
      'actions.0.what': 'Add at least one action: what, who and by when',
    });
  }
  let patch: Partial<Review> = result.patch;
  if (leaving) {
    const completedSteps = review.completedSteps.includes(step) ? review.completedSteps : [...review.completedSteps, step];
    patch = { ...patch, completedSteps, currentStep: stepAfter({ ...updated, completedSteps }, step) };
  }
  if (step === 'set-up' && context?.lastSignedOff) {
    patch = { ...patch, ...planOf(carryForwardActions({ ...review, ...patch }, context.lastSignedOff)) };
  }
  if (context && (step === 'set-up' || step === 'next-meeting')) {
    const judged = withTimescales({ ...review, ...patch }, step, leaving, context);
    if (!judged.ok) return { ok: false, code: 'INVALID_INPUT', message: 'Some answers need attention.', fieldErrors: judged.errors, shown: { ...review, ...judged.shown } };
    patch = { ...patch, ...judged.patch };
  }
  const events: ReviewEvent[] = [{ type: 'step-saved', step, completed: leaving }];
  if (updated.outcome?.kind === 'escalate' && review.outcome?.kind !== 'escalate') {
    events.push({ type: 'escalation-raised', at: updated.outcome.escalationInstructedAt ?? now });
  }
  return changed(review, patch, now, events);
}

function planOf(review: Review): Partial<Review> {
  return review.plan ? { plan: review.plan } : {};
}

/**
 * The case remembers its plan start, its pack and who leads it: at set-up, what the chair leaves
 * blank is filled from the case's last review, so a later review only needs the case reference.
 * Once the bot holds the case, set-up no longer asks when it opened: the date recorded stays.
 */
function withCaseMemory(form: FormValues, review: Review, context: DecisionContext): FormValues {
  const refs = new Set(typedCaseReferences(form));
  let filled = form;
  const missing = (['planStartDate', 'policyPackId', 'leadWorker'] as const).filter((id) => !form[id]?.trim());
  const remembered = context.remembered.filter((c) => refs.has(c.caseReference)).sort((a, b) => b.previousReviews - a.previousReviews)[0];
  if (missing.length > 0 && remembered) {
    const from = { planStartDate: remembered.planStart, policyPackId: remembered.packId, leadWorker: remembered.leadWorker };
    filled = { ...filled, ...Object.fromEntries(missing.map((id) => [id, from[id]])) };
  }
  if (!form.caseOpenedDate?.trim() && isKnownCase(context.pastReviews, [...refs], review.id)) {
    const opened = review.setUp?.caseOpenedDate || context.lastSignedOff?.setUp?.caseOpenedDate;
    if (opened) filled = { ...filled, caseOpenedDate: opened };
  }
  return filled;
}

/**
 * The case's timescales, judged afresh whenever set-up or the next meeting changes. Leaving the
 * step with a rule unmet needs the reason: it is asked for here and recorded with the decision.
 */
function withTimescales(
  review: Review,
  step: 'set-up' | 'next-meeting',
  leaving: boolean,
  context: DecisionContext,
): { ok: true; patch: Partial<Review> } | { ok: false; errors: FieldErrors; shown: Pick<Review, 'timescales'> } {
  const setUp = review.setUp;
  if (!setUp) return { ok: true, patch: {} };
  const pack = context.packs.get(setUp.policyPackId);
  if (!pack) return { ok: false, errors: { policyPackId: 'Choose one of the authorities listed' }, shown: {} };
  // The bot's own record of the case wins; for a case it has never seen, what the chair recorded.
  const history = caseHistoryFor(context.pastReviews, caseReferences(review), review.id, setUp);
  const kept = step === 'set-up' && history.source === 'bot' && setUp.lastReviewDate !== '' ? { ...setUp, lastReviewDate: '' } : setUp;
  const timescales = assessTimescales(kept, pack, context.calendar, history);
  const nextMeeting = review.nextMeeting && { ...review.nextMeeting, dateVerdict: judgeProposedDate(timescales, review.nextMeeting.proposedDate) };
  const patch: Partial<Review> = { timescales, ...(nextMeeting ? { nextMeeting } : {}), ...(kept !== setUp ? { setUp: kept } : {}) };
  const missing = missingReasons({ ...review, ...patch });
  const field = step === 'set-up' ? 'timescaleReason' : 'dateReason';
  if (leaving && missing[field]) return { ok: false, errors: { [field]: missing[field] }, shown: { timescales } };
  return { ok: true, patch };
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

/** Only to a professional of this chat in the review's tenant (chairCandidates); each hand-over is recorded for the minutes. */
function handChair(review: Review, to: TeamsPerson, now: string): Decision {
  if (!mayTakeChair(review, to)) {
    return refuse('CHAIR_NOT_ELIGIBLE', `${to.name} cannot take the chair: it can be handed only to a professional in this chat from your organisation.`);
  }
  const chairHandOvers = [...review.chairHandOvers, { from: review.chair, to, at: now }];
  return changed(review, { chair: to, chairHandOvers }, now, [{ type: 'chair-handed-over', from: review.chair, to }]);
}

/** Signed off with who receives the minutes (each attendee's tick, the children sent their own letter) and the next meeting's booking. */
function signOff(review: Review, actor: TeamsPerson, now: string, form: FormValues, rules: BookingRules | undefined): Decision {
  if (review.currentStep !== 'minutes') return staleStep();
  const outstanding = outstandingSteps(review);
  if (outstanding.length > 0) {
    return refuse('NOT_READY_TO_SIGN_OFF', `These steps still need completing: ${outstanding.join(', ')}.`);
  }
  const read = readSignOffChoices(review, form);
  if (!read.ok) return refuse('INVALID_INPUT', 'Some answers need attention.', read.fieldErrors);
  // The next meeting is booked from the signed-off record: what the calendar is asked to hold is kept with it.
  const plan = rules && review.nextMeeting ? nextBookingOf(review, rules) : undefined;
  const nextMeeting = plan?.kind === 'book' && review.nextMeeting ? { nextMeeting: { ...review.nextMeeting, booking: plan.booking } } : {};
  return changed(review, { status: 'signed-off', signOff: { by: actor, at: now }, attendees: read.attendees, minutesChoices: read.choices, ...nextMeeting }, now, [
    { type: 'signed-off', by: actor, at: now },
  ]);
}

function changed(review: Review, patch: Partial<Review>, now: string, events: readonly ReviewEvent[] = []): Decision {
  let next: Review = { ...review, ...patch, version: review.version + 1, updatedAt: now };
  if (!stepApplies(next, next.currentStep)) next = { ...next, currentStep: stepAfter(next, next.currentStep) };
  const moved: ReviewEvent[] = next.currentStep !== review.currentStep ? [{ type: 'moved', from: review.currentStep, to: next.currentStep }] : [];
  return { ok: true, review: next, events: [...events, ...moved] };
}

function staleStep(): Decision {
  return refuse('STEP_NOT_CURRENT', 'That card is out of date; here is where the review is now.');
}

function refuse(code: RefusalCode, message: string, fieldErrors?: FieldErrors): Decision {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}
