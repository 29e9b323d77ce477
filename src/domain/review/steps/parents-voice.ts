import { ParentVoice } from '../review';
import { labelOf } from '../review-labels';
import { parseWith, rowsOf, stepResult } from '../step-forms/form-values';
import { longText, objectOf } from './fields';
import { parentsAndCarers } from './people';
import { CapturingStep, fact, input, minutesSection, section } from './step-definition';

const fields = {
  wantsFromToday: longText('wantsFromToday', 'What they want from today'),
  raises: longText('raises', 'Anything they raise'),
  viewsOnPlan: longText('viewsOnPlan', 'Their views on the plan'),
};
const parentRow = objectOf(fields);

const orNone = (v: string) => (v.trim() === '' ? '(none recorded)' : v);
const meta = { id: 'parents-voice', title: "The parents' voice" } as const;

/** Each parent or carer separately; one present must say what they want or think of the plan. */
export const parentsVoiceStep = {
  ...meta,
  applies: (review) => parentsAndCarers(review).length > 0,
  covers: (review) =>
    parentsAndCarers(review)
      .filter((p) => p.attendance === 'present')
      .every((p) => review.parentVoices.some((v) => v.attendeeKey === p.key)),
  fields: Object.values(fields),
  parse(form, review) {
    const rows = rowsOf(form, 'parents');
    const errors: Record<string, string> = {};
    const voices: ParentVoice[] = [];
    parentsAndCarers(review).forEach((parent, i) => {
      const parsed = parseWith(parentRow, rows[i] ?? {}, `parents.${i}.`);
      if (!parsed.ok) return Object.assign(errors, parsed.fieldErrors);
      const said = parsed.value;
      if (parent.attendance === 'present' && said.wantsFromToday === '' && said.viewsOnPlan === '') {
        errors[`parents.${i}.wantsFromToday`] = `Record what ${parent.name} wants from today, or their views on the plan`;
        return;
      }
      voices.push({ attendeeKey: parent.key, ...said });
    });
    return stepResult(errors, { parentVoices: voices });
  },
  form(review) {
    return parentsAndCarers(review).map((parent, i) => {
      const v = review.parentVoices.find((x) => x.attendeeKey === parent.key);
      const row = { list: 'parents', index: i };
      return section(`${parent.name} (${labelOf('attendance', parent.attendance)})`, [
        input(fields.wantsFromToday, v?.wantsFromToday, row),
        input(fields.raises, v?.raises, row),
        input(fields.viewsOnPlan, v?.viewsOnPlan, row),
      ]);
    });
  },
  minutes(review) {
    return [
      minutesSection(meta, review, review.parentVoices.flatMap((v) => {
        const who = parentsAndCarers(review).find((p) => p.key === v.attendeeKey)?.name ?? 'Parent';
        return [
          fact(fields.wantsFromToday, `${who}: wants from today`, orNone(v.wantsFromToday)),
          fact(fields.raises, `${who}: raises`, orNone(v.raises)),
          fact(fields.viewsOnPlan, `${who}: views on the plan`, orNone(v.viewsOnPlan)),
        ];
      })),
    ];
  },
} satisfies CapturingStep<'parents-voice'>;
