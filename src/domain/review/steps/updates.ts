import { z } from 'zod';
import { AgencyUpdate, Attendee, Review } from '../review';
import { labelOf } from '../review-labels';
import { parseWith, rowsOf, stepResult, tick } from '../step-forms/form-values';
import { longText, tickField } from './fields';
import { professionalsPresent, professionalsWithApologies } from './people';
import { CapturingStep, fact, input, minutesSection, section } from './step-definition';

const fields = {
  update: longText('update', 'Update'),
  notForFamily: tickField('notForFamily', 'Not for the family', { audience: 'chair' }),
};

/** Whose update each row is: those present (each must give one), then those who sent apologies (in writing, if they sent one). */
function contributors(review: Review): Array<{ attendee: Attendee; inWriting: boolean }> {
  return [
    ...professionalsPresent(review).map((attendee) => ({ attendee, inWriting: false })),
    ...professionalsWithApologies(review).map((attendee) => ({ attendee, inWriting: true })),
  ];
}

const agencyOf = (a: Attendee) => a.organisation || labelOf('role', a.role ?? '');
const meta = { id: 'updates', title: 'Updates from everyone' } as const;

/** An update from each professional present, and any written update from those who sent apologies. */
export const updatesStep = {
  ...meta,
  applies: (review) => contributors(review).length > 0,
  covers: (review) => professionalsPresent(review).every((a) => review.updates.some((u) => u.attendeeKey === a.key)),
  fields: Object.values(fields),
  parse(form, review) {
    const rows = rowsOf(form, 'updates');
    const errors: Record<string, string> = {};
    const updates: AgencyUpdate[] = [];
    contributors(review).forEach(({ attendee, inWriting }, i) => {
      const row = z.object({
        update: inWriting ? fields.update.schema : fields.update.schema.pipe(z.string().min(1, `Record ${attendee.name}'s update, or "No update"`)),
        notForFamily: tick,
      });
      const parsed = parseWith(row, rows[i] ?? {}, `updates.${i}.`);
      if (!parsed.ok) Object.assign(errors, parsed.fieldErrors);
      else if (!inWriting || parsed.value.update !== '') updates.push({ attendeeKey: attendee.key, ...parsed.value, inWriting });
    });
    return stepResult(errors, { updates });
  },
  form(review) {
    return contributors(review).map(({ attendee: a, inWriting }, i) => {
      const u = review.updates.find((x) => x.attendeeKey === a.key);
      const row = { list: 'updates', index: i };
      return section(`${a.name}, ${agencyOf(a)}${inWriting ? ' (apologies)' : ''}`, [
        input(fields.update, u?.update, row, inWriting ? { label: 'Written update, if they sent one' } : {}),
        input(fields.notForFamily, u?.notForFamily ?? false, row),
      ]);
    });
  },
  minutes(review) {
    return [
      minutesSection(meta, review, review.updates.map((u) => {
        const who = review.attendees.find((a) => a.key === u.attendeeKey);
        const label = who ? `${who.name} (${agencyOf(who)})${u.inWriting ? ', sent in writing' : ''}` : 'Update';
        return fact(fields.update, label, u.update, u.notForFamily);
      })),
    ];
  },
} satisfies CapturingStep<'updates'>;
