import { Review, STEP_IDS, StepId } from './review';

/** The agenda of a CIN review (003 appendix, with the Progress Review items and 001 §4). */
export const STEP_TITLES: Readonly<Record<StepId, string>> = {
  'set-up': 'Set-up',
  introductions: 'Introductions and apologies',
  explanations: 'Role, Family Help model and cameras',
  'child-voice': "The child's voice",
  'parents-voice': "The parents' voice",
  plan: 'The plan',
  updates: 'Updates from everyone',
  mapping: 'What is working well and the worries',
  equality: 'Equality and diversity',
  outcome: 'Outcome',
  'exit-planning': 'Exit planning',
  'next-meeting': 'Next meeting',
  minutes: 'Draft minutes',
};

/**
 * Whether a step applies to this review, given what is known so far.
 * Skip rules: the role/model explanation is for initial meetings and the cameras reminder for
 * online ones (the step is skipped when neither applies); parents' voice needs a parent or carer
 * among the attendees; updates need a professional; exit planning applies only when closure is
 * likely next time; there is no next meeting to plan after a closure.
 */
export function stepApplies(review: Review, step: StepId): boolean {
  switch (step) {
    case 'explanations':
      return review.setUp === undefined || explanationsNeeded(review).length > 0;
    case 'parents-voice':
      return parentsAndCarers(review).length > 0;
    case 'updates':
      return professionalsPresent(review).length > 0;
    case 'exit-planning':
      return review.outcome?.closureLikelyNextTime === true && review.outcome.kind !== 'close';
    case 'next-meeting':
      return review.outcome?.kind !== 'close';
    default:
      return true;
  }
}

export function explanationsNeeded(review: Review): Array<'role-and-model' | 'cameras'> {
  const needed: Array<'role-and-model' | 'cameras'> = [];
  if (review.setUp?.meetingType === 'initial') needed.push('role-and-model');
  if (review.setUp?.mode === 'online') needed.push('cameras');
  return needed;
}

export function parentsAndCarers(review: Review) {
  return review.attendees.filter((a) => a.role === 'parent-carer');
}

const FAMILY_ROLES = new Set(['child', 'parent-carer', 'family-network']);

export function professionalsPresent(review: Review) {
  return review.attendees.filter((a) => !FAMILY_ROLES.has(a.role) && a.attendance === 'present');
}

/**
 * A step is done when the chair completed it and it still covers everyone it is about: a child,
 * parent or professional added later (say, from the minutes) reopens the step for them.
 */
export function stepSatisfied(review: Review, step: StepId): boolean {
  if (!review.completedSteps.includes(step)) return false;
  switch (step) {
    case 'child-voice':
      return (review.setUp?.children ?? []).every((c) => review.childVoices.some((v) => v.childKey === c.key));
    case 'parents-voice':
      return parentsAndCarers(review)
        .filter((p) => p.attendance === 'present')
        .every((p) => review.parentVoices.some((v) => v.attendeeKey === p.key));
    case 'updates':
      return professionalsPresent(review).every((a) => review.updates.some((u) => u.attendeeKey === a.key));
    default:
      return true;
  }
}

export function applicableSteps(review: Review): StepId[] {
  return STEP_IDS.filter((s) => stepApplies(review, s));
}

export function nextStep(review: Review, from: StepId): StepId {
  const order = STEP_IDS.indexOf(from);
  return STEP_IDS.slice(order + 1).find((s) => stepApplies(review, s)) ?? 'minutes';
}

export function previousStep(review: Review, from: StepId): StepId {
  const order = STEP_IDS.indexOf(from);
  const earlier = STEP_IDS.slice(0, order).filter((s) => stepApplies(review, s));
  return earlier[earlier.length - 1] ?? 'set-up';
}

export interface Progress {
  readonly stepNumber: number;
  readonly stepCount: number;
  readonly title: string;
  readonly label: string;
}

export function progressOf(review: Review): Progress {
  const steps = applicableSteps(review);
  const stepNumber = steps.indexOf(review.currentStep) + 1;
  const title = STEP_TITLES[review.currentStep];
  return { stepNumber, stepCount: steps.length, title, label: `Step ${stepNumber} of ${steps.length}: ${title}` };
}
