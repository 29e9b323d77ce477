import { parseWith } from '../step-forms/form-values';
import { longText, objectOf, tickField } from './fields';
import { CapturingStep, always, fact, input, minutesSection, section } from './step-definition';

const fields = {
  agenciesAsked: tickField('agenciesAsked', 'I have said so and asked agencies to prepare exit strategies'),
  exitStrategies: longText('exitStrategies', 'Exit strategies and contingencies (e.g. school if the child is not in school)', {
    required: "Record each agency's exit strategy or contingency",
  }),
};
const exitFields = objectOf(fields).extend({
  agenciesAsked: fields.agenciesAsked.schema.refine((v) => v, 'Tick once agencies have been asked to prepare exit strategies'),
});
const meta = { id: 'exit-planning', title: 'Exit planning' } as const;

/** Only when closure is likely next time (and this meeting does not close the plan). */
export const exitPlanningStep = {
  ...meta,
  applies: (review) => review.outcome?.closureLikelyNextTime === true && review.outcome.kind !== 'close',
  covers: always,
  fields: Object.values(fields),
  parse(form) {
    const parsed = parseWith(exitFields, form);
    return parsed.ok ? { ok: true, patch: { exitPlanning: parsed.value } } : parsed;
  },
  form(review) {
    const x = review.exitPlanning;
    return [section('Closure likely next time', [input(fields.agenciesAsked, x?.agenciesAsked ?? false), input(fields.exitStrategies, x?.exitStrategies)])];
  },
  minutes(review) {
    const x = review.exitPlanning;
    return [
      minutesSection(meta, review, x ? [
        fact(fields.agenciesAsked, 'Agencies asked to prepare exit strategies', x.agenciesAsked ? 'Yes' : 'No'),
        fact(fields.exitStrategies, 'Exit strategies', x.exitStrategies),
      ] : []),
    ];
  },
} satisfies CapturingStep<'exit-planning'>;
