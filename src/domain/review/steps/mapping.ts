import { z } from 'zod';
import { SAFETY_PLAN_STATES, Scaling } from '../review';
import { labelOf } from '../review-labels';
import { parseWith } from '../step-forms/form-values';
import { choiceField, customField, longText, objectOf } from './fields';
import { CapturingStep, always, fact, input, minutesSection, section } from './step-definition';

const score = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || (/^\d{1,2}$/.test(v) && Number(v) <= 10), 'Scaling is a whole number from 0 to 10');

const fields = {
  workingWell: longText('workingWell', 'What is working well', { required: 'Record what is working well' }),
  worries: longText('worries', 'What are we worried about', { required: 'Record the worries (write "None" if there are none)' }),
  professionalWorries: longText('professionalWorries', 'Worries for professionals only (left out of the family’s copy)', { audience: 'professionals' }),
  complicatingFactors: longText('complicatingFactors', 'Complicating factors'),
  safetyPlan: choiceField('safetyPlan', 'Safety plan since the last meeting', SAFETY_PLAN_STATES, 'safetyPlan', 'Say whether the safety plan was tested or changed'),
  safetyPlanNotes: longText('safetyPlanNotes', 'Safety plan: what was tested or changed'),
  scaleOverall: customField('scaleOverall', 'Overall (0-10)', 'text', score.refine((v) => v !== '', 'Give the overall scaling, 0 to 10'), 2),
  scaleParents: customField('scaleParents', 'Parents (0-10, optional)', 'text', score, 2),
  scaleProfessionals: customField('scaleProfessionals', 'Professionals (0-10, optional)', 'text', score, 2),
  scaleChild: customField('scaleChild', 'Child (0-10, optional)', 'text', score, 2),
};

const SCALING_PARTIES = [
  ['scaleOverall', 'Overall'],
  ['scaleParents', 'Parents'],
  ['scaleProfessionals', 'Professionals'],
  ['scaleChild', 'Child'],
] as const;

const mappingFields = objectOf(fields);
const orNone = (v: string) => (v.trim() === '' ? '(none recorded)' : v);
const meta = { id: 'mapping', title: 'What is working well and the worries' } as const;

export const mappingStep = {
  ...meta,
  applies: always,
  covers: always,
  fields: Object.values(fields),
  parse(form) {
    const parsed = parseWith(mappingFields, form);
    if (!parsed.ok) return parsed;
    const { scaleOverall: _o, scaleParents: _p, scaleProfessionals: _q, scaleChild: _c, ...rest } = parsed.value;
    const scaling: Scaling[] = SCALING_PARTIES.filter(([id]) => parsed.value[id] !== '').map(([id, party]) => ({
      party,
      score: Number(parsed.value[id]),
    }));
    return { ok: true, patch: { mapping: { ...rest, scaling } } };
  },
  form(review) {
    const m = review.mapping;
    const score = (party: string) => m?.scaling.find((s) => s.party === party)?.score;
    const f = fields;
    return [
      section('Mapping', [
        input(f.workingWell, m?.workingWell),
        input(f.worries, m?.worries),
        input(f.professionalWorries, m?.professionalWorries),
        input(f.complicatingFactors, m?.complicatingFactors),
        input(f.safetyPlan, m?.safetyPlan),
        input(f.safetyPlanNotes, m?.safetyPlanNotes),
      ]),
      section(
        'Scaling, 0 to 10',
        SCALING_PARTIES.map(([id, party]) => input(f[id], score(party))),
        '0 means the worries are so serious the child must be protected; 10 means everyone is confident the child is safe.',
      ),
    ];
  },
  minutes(review) {
    const m = review.mapping;
    const f = fields;
    return [
      minutesSection(meta, review, m ? [
        fact(f.workingWell, 'Working well', m.workingWell),
        fact(f.worries, 'Worries', m.worries),
        m.professionalWorries !== '' && fact(f.professionalWorries, 'Worries (professionals only)', m.professionalWorries),
        fact(f.complicatingFactors, 'Complicating factors', orNone(m.complicatingFactors)),
        fact(f.safetyPlan, 'Safety plan', labelOf('safetyPlan', m.safetyPlan) + (m.safetyPlanNotes ? `: ${m.safetyPlanNotes}` : '')),
        ...m.scaling.map((sc) => fact(f.scaleOverall, `Scaling: ${sc.party}`, `${sc.score} / 10`)),
      ] : []),
    ];
  },
} satisfies CapturingStep<'mapping'>;
