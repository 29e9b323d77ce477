import { StepDefinition, always } from './step-definition';

/** The draft minutes: nothing to fill in, only to amend (from any step) and sign off. */
export const minutesStep = {
  id: 'minutes',
  title: 'Draft minutes',
  applies: always,
  covers: always,
  fields: [],
  form: () => [],
  minutes: () => [],
} satisfies StepDefinition<'minutes'>;
