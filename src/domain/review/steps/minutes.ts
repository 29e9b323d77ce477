import { londonTimeAndDate } from '../london-time';
import { StepDefinition, always, minutesSection } from './step-definition';

/**
 * The draft minutes: nothing to fill in, only to amend (from any step) and sign off. Its own part of
 * the record is who chaired: each hand-over of the chair, when there was one.
 */
export const minutesStep = {
  id: 'minutes',
  title: 'Draft minutes',
  applies: always,
  covers: always,
  fields: [],
  form: () => [],
  minutes: (review) =>
    review.chairHandOvers.length === 0
      ? []
      : [
          minutesSection({ id: 'minutes', title: 'Chairing' }, review, review.chairHandOvers.map((h) => ({
            label: 'Chair handed over',
            value: `From ${h.from.name} to ${h.to.name} at ${londonTimeAndDate(h.at)}`,
            audience: 'everyone' as const,
          }))),
        ],
} satisfies StepDefinition<'minutes'>;
