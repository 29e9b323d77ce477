import { Review, StepId } from '../domain/review/review';
import { FieldErrors, FormValues } from '../domain/review/step-forms';
import { FormContext, STEPS } from '../domain/review/steps';
import { CardSection, cardSectionOf } from './card-fields';

export { timescaleNote } from '../domain/review/steps/set-up';

/** What a step card needs beyond the review: today, to pre-fill, and the authorities the bot knows. */
export type SectionContext = Omit<FormContext, 'typed'>;

/** What each agenda step asks, as card sections: one renderer for every step's own form. */
export function sectionsFor(step: StepId, review: Review, typed: FormValues | undefined, errors: FieldErrors, context: SectionContext): CardSection[] {
  return STEPS[step].form(review, { ...context, ...(typed ? { typed } : {}) }).map((s, i) => cardSectionOf(s, typed, errors, i));
}
