import { z } from 'zod';
import { Review, SAFETY_PLAN_STATES, Scaling } from '../review';
import { labelOf } from '../review-labels';
import { parseWith, rowsOf, stepResult } from '../step-forms/form-values';
import { choiceField, longText, objectOf, wholeNumberField } from './fields';
import { parentsAndCarers } from './people';
import { CapturingStep, always, fact, input, minutesSection, section } from './step-definition';

const SCALE = { min: 0, max: 10 } as const;
const OUT_OF_RANGE = 'Scaling is a whole number from 0 to 10';
const scale = (id: string, label: string, required?: string) => wholeNumberField(id, label, SCALE, OUT_OF_RANGE, required ? { required } : {});

const fields = {
  workingWell: longText('workingWell', 'What is working well', { required: 'Record what is working well' }),
  worries: longText('worries', 'What are we worried about', { required: 'Record the worries (write "None" if there are none)' }),
  professionalWorries: longText('professionalWorries', 'Worries for professionals only (left out of the family’s copy)', { audience: 'professionals' }),
  complicatingFactors: longText('complicatingFactors', 'Complicating factors'),
  safetyPlan: choiceField('safetyPlan', 'Safety plan since the last meeting', SAFETY_PLAN_STATES, 'safetyPlan', 'Say whether the safety plan was tested or changed'),
  safetyPlanNotes: longText('safetyPlanNotes', 'Safety plan: what was tested or changed'),
  scaleOverall: scale('scaleOverall', 'Overall', 'Give the overall scaling, 0 to 10'),
  scaleParents: scale('scaleParents', 'Parents together (optional)'),
  scaleProfessionals: scale('scaleProfessionals', 'Professionals (optional)'),
};

/** Each child's and each parent's own scaling, on a row of its own: `childScales.0.score`, `parentScales.1.score`. */
const personScale = scale('score', 'Scaling (optional)');
const personRow = z.object({ score: personScale.schema });

const SCALING_PARTIES = [
  ['scaleOverall', 'Overall'],
  ['scaleParents', 'Parents'],
  ['scaleProfessionals', 'Professionals'],
] as const;

const mappingFields = objectOf(fields);
const orNone = (v: string) => (v.trim() === '' ? '(none recorded)' : v);
const meta = { id: 'mapping', title: 'What is working well and the worries' } as const;

/** Who a scaling is, by their name now (a child or parent renamed since keeps their scaling). */
function partyOf(review: Review, s: Scaling): string {
  if (s.childKey) return review.setUp?.children.find((c) => c.key === s.childKey)?.firstName ?? s.party;
  if (s.attendeeKey) return review.attendees.find((a) => a.key === s.attendeeKey)?.name ?? s.party;
  return s.party;
}

export const mappingStep = {
  ...meta,
  applies: always,
  covers: always,
  fields: [...Object.values(fields), personScale],
  parse(form, review) {
    const parsed = parseWith(mappingFields, form);
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.fieldErrors };
    const scaling: Scaling[] = [];
    const people = (list: string, who: ReadonlyArray<{ name: string; key: string; kind: 'childKey' | 'attendeeKey' }>) => {
      const rows = rowsOf(form, list);
      who.forEach((person, i) => {
        const row = parseWith(personRow, rows[i] ?? {}, `${list}.${i}.`);
        if (!row.ok) Object.assign(errors, row.fieldErrors);
        else if (row.value.score !== '') scaling.push({ party: person.name, score: Number(row.value.score), [person.kind]: person.key });
      });
    };
    if (parsed.ok) {
      for (const [id, party] of SCALING_PARTIES) if (parsed.value[id] !== '') scaling.push({ party, score: Number(parsed.value[id]) });
    }
    people('childScales', (review.setUp?.children ?? []).map((c) => ({ name: c.firstName, key: c.key, kind: 'childKey' })));
    people('parentScales', parentsAndCarers(review).map((p) => ({ name: p.name, key: p.key, kind: 'attendeeKey' })));
    if (!parsed.ok) return { ok: false, fieldErrors: errors };
    const { scaleOverall: _o, scaleParents: _p, scaleProfessionals: _q, ...rest } = parsed.value;
    return stepResult(errors, { mapping: { ...rest, scaling } });
  },
  form(review) {
    const m = review.mapping;
    const f = fields;
    const scored = (match: (s: Scaling) => boolean) => m?.scaling.find(match)?.score;
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
        [
          ...SCALING_PARTIES.map(([id, party]) => input(f[id], scored((s) => s.party === party && !s.childKey && !s.attendeeKey))),
          ...(review.setUp?.children ?? []).map((c, i) =>
            input(personScale, scored((s) => s.childKey === c.key), { list: 'childScales', index: i }, { label: `${c.firstName} (optional)` }),
          ),
          ...parentsAndCarers(review).map((p, i) =>
            input(personScale, scored((s) => s.attendeeKey === p.key), { list: 'parentScales', index: i }, { label: `${p.name} (optional)` }),
          ),
        ],
        '0 means the worries are so serious the child must be protected; 10 means everyone is confident the child is safe. Scale each child and each parent on their own where they differ.',
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
        ...m.scaling.map((sc) => fact(f.scaleOverall, `Scaling: ${partyOf(review, sc)}`, `${sc.score} / 10`)),
      ] : []),
    ];
  },
} satisfies CapturingStep<'mapping'>;
