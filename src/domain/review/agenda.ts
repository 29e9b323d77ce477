import { Review, STEP_IDS, StepId } from './review';
import { STEPS } from './steps';

export { explanationsNeeded, parentsAndCarers, professionalsPresent } from './steps/people';

/** The agenda of a CIN review (003 appendix, with the Progress Review items and 001 §4): each step's own title. */
export const STEP_TITLES: Readonly<Record<StepId, string>> = Object.fromEntries(STEP_IDS.map((s) => [s, STEPS[s].title])) as Record<StepId, string>;

/** A step's title for this review: where part of a step does not apply, its title says only what does. */
export function stepTitle(review: Review, step: StepId): string {
  const definition = STEPS[step] as { title: string; titleFor?: (review: Review) => string };
  return definition.titleFor?.(review) ?? definition.title;
}

/** Whether a step applies to this review, given what is known so far (each step says when it does). */
export function stepApplies(review: Review, step: StepId): boolean {
  return STEPS[step].applies(review);
}

/**
 * A step is done when the chair completed it and it still covers everyone it is about: a child,
 * parent or professional added later (say, from the minutes) reopens the step for them.
 */
export function stepSatisfied(review: Review, step: StepId): boolean {
  return review.completedSteps.includes(step) && STEPS[step].covers(review);
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

/**
 * Where the review stands on the agenda. The total is the whole agenda, and each step keeps its
 * number: a step that turns out not to apply is skipped, so adding a parent or deciding to close
 * never makes the count jump ("Step 1 of 11" becoming "Step 2 of 12").
 */
export function progressOf(review: Review): Progress {
  const stepNumber = STEP_IDS.indexOf(review.currentStep) + 1;
  const title = stepTitle(review, review.currentStep);
  return { stepNumber, stepCount: STEP_IDS.length, title, label: `Step ${stepNumber} of ${STEP_IDS.length}: ${title}` };
}
