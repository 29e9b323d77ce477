import { stepApplies } from './agenda';
import { Review, STEP_IDS } from './review';
import { STEPS } from './steps';
import { MinutesAudience, MinutesSection } from './steps/step-definition';

export type { MinutesAudience, MinutesEntry, MinutesSection } from './steps/step-definition';
export { CLOSURE_LABELS } from './steps/outcome';

/**
 * The whole record of the review, section by section, every captured field, as one audience may
 * read it. The family's copy leaves out every professionals-only line and everyone's contact
 * details; the professionals' copy keeps contacts, except those marked "do not share".
 */
export function minutesOf(review: Review, audience: MinutesAudience = 'professionals'): MinutesSection[] {
  return STEP_IDS.filter((step) => stepApplies(review, step)).flatMap((step) =>
    STEPS[step].minutes(review, audience).map((section) => ({
      ...section,
      entries: audience === 'family' ? section.entries.filter((e) => e.audience === 'everyone') : section.entries,
    })),
  );
}
