import { z } from 'zod';
import { AgencyUpdate } from '../review';
import { labelOf } from '../review-labels';
import { parseWith, rowsOf, stepResult, tick } from '../step-forms/form-values';
import { longText, tickField } from './fields';
import { professionalsPresent } from './people';
import { CapturingStep, fact, input, minutesSection, section } from './step-definition';

const fields = {
  update: longText('update', 'Update'),
  notForFamily: tickField('notForFamily', 'Not for the family (left out of their copy)', { audience: 'chair' }),
};

const meta = { id: 'updates', title: 'Updates from everyone' } as const;

/** An update from each professional present. */
export const updatesStep = {
  ...meta,
  applies: (review) => professionalsPresent(review).length > 0,
  covers: (review) => professionalsPresent(review).every((a) => review.updates.some((u) => u.attendeeKey === a.key)),
  fields: Object.values(fields),
  parse(form, review) {
    const rows = rowsOf(form, 'updates');
    const errors: Record<string, string> = {};
    const updates: AgencyUpdate[] = [];
    professionalsPresent(review).forEach((attendee, i) => {
      const row = z.object({
        update: fields.update.schema.pipe(z.string().min(1, `Record ${attendee.name}'s update, or "No update"`)),
        notForFamily: tick,
      });
      const parsed = parseWith(row, rows[i] ?? {}, `updates.${i}.`);
      if (!parsed.ok) Object.assign(errors, parsed.fieldErrors);
      else updates.push({ attendeeKey: attendee.key, ...parsed.value });
    });
    return stepResult(errors, { updates });
  },
  form(review) {
    return professionalsPresent(review).map((a, i) => {
      const u = review.updates.find((x) => x.attendeeKey === a.key);
      const row = { list: 'updates', index: i };
      return section(`${a.name}, ${a.organisation || labelOf('role', a.role ?? '')}`, [
        input(fields.update, u?.update, row),
        input(fields.notForFamily, u?.notForFamily ?? false, row),
      ]);
    });
  },
  minutes(review) {
    return [
      minutesSection(meta, review, review.updates.map((u) => {
        const who = professionalsPresent(review).find((a) => a.key === u.attendeeKey);
        return fact(fields.update, who ? `${who.name} (${who.organisation || labelOf('role', who.role ?? '')})` : 'Update', u.update, u.notForFamily);
      })),
    ];
  },
} satisfies CapturingStep<'updates'>;
