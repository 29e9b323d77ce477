import { Review } from '../review';
import { objectOf, tickField } from './fields';
import { explanationsNeeded } from './people';
import { CapturingStep, always, fact, input, minutesSection, section } from './step-definition';
import { stepResult } from '../step-forms/form-values';

const fields = {
  roleAndModelExplained: tickField('roleAndModelExplained', 'I have explained my role and the Family Help model'),
  camerasOnAsked: tickField('camerasOnAsked', 'I have asked professionals to have cameras on'),
};
const explanationFields = objectOf(fields);

const TITLES = { both: 'Role, Family Help model and cameras', 'role-and-model': 'Role and Family Help model', cameras: 'Cameras on' } as const;

const meta = {
  id: 'explanations',
  title: TITLES.both,
  /** Only what applies: the explanation at an initial meeting, the cameras at an online one. */
  titleFor(review: Review): string {
    const needed = explanationsNeeded(review);
    return needed.length === 1 ? TITLES[needed[0]!] : TITLES.both;
  },
} as const;

/** The role/model explanation is for initial meetings, the cameras reminder for online ones. */
export const explanationsStep = {
  ...meta,
  applies: (review) => review.setUp === undefined || explanationsNeeded(review).length > 0,
  covers: always,
  fields: Object.values(fields),
  parse(form, review) {
    const parsed = explanationFields.parse(form);
    const needed = explanationsNeeded(review);
    const errors: Record<string, string> = {};
    if (needed.includes('role-and-model') && !parsed.roleAndModelExplained) {
      errors.roleAndModelExplained = 'Tick once you have explained your role and the Family Help model';
    }
    if (needed.includes('cameras') && !parsed.camerasOnAsked) {
      errors.camerasOnAsked = 'Tick once you have asked professionals to have cameras on';
    }
    return stepResult(errors, { explanations: parsed });
  },
  form(review) {
    const needed = explanationsNeeded(review);
    const e = review.explanations;
    return [
      section('Before you start', [
        ...(needed.includes('role-and-model') ? [input(fields.roleAndModelExplained, e?.roleAndModelExplained ?? false)] : []),
        ...(needed.includes('cameras') ? [input(fields.camerasOnAsked, e?.camerasOnAsked ?? false)] : []),
      ]),
    ];
  },
  minutes(review) {
    const e = review.explanations;
    const needed = explanationsNeeded(review);
    const yesNo = (v: boolean) => (v ? 'Yes' : 'No');
    return [
      minutesSection(meta, review, e ? [
        needed.includes('role-and-model') && fact(fields.roleAndModelExplained, 'Role and Family Help model explained', yesNo(e.roleAndModelExplained)),
        needed.includes('cameras') && fact(fields.camerasOnAsked, 'Professionals asked to have cameras on', yesNo(e.camerasOnAsked)),
      ] : []),
    ];
  },
} satisfies CapturingStep<'explanations'>;
