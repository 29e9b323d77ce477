import { z } from 'zod';
import { AdaptiveCardJson } from '../cards/card-templates';
import { minutesDeliveryCard, minutesReportCard } from '../cards/minutes-report-cards';
import { asPlainText } from '../cards/plain-text';
import { DeliveriesView, Resend, teamsChoicesOf } from '../use-cases/minutes-deliveries';

const reviewId = z.string().min(1).max(64);
const attendeeKey = z.string().min(1).max(128);
const typed = z.union([z.string(), z.number(), z.boolean()]).transform(String).pipe(z.string().max(1000));

/** The report message's refresh (or its button): which review; who asks comes from Teams. */
export const deliveriesPayload = z.object({ reviewId }).transform((d) => d.reviewId);

/** "Send to …" on the chair's delivery card: which recipient, and what the chair typed or chose. */
export const resendPayload: z.ZodType<Resend> = z
  .object({ reviewId, attendeeKey })
  .catchall(typed)
  .transform(({ reviewId: id, attendeeKey: key, ...inputs }) => ({
    reviewId: id,
    attendeeKey: key,
    form: Object.fromEntries(Object.entries(inputs).filter(([k, v]) => (k.startsWith('email.') || k.startsWith('teams.')) && typeof v === 'string')) as Record<string, string>,
  }));

/** The chair sees each delivery; anyone else the count the whole chat sees. */
export function deliveriesCard(view: DeliveriesView, today: string): AdaptiveCardJson {
  switch (view.kind) {
    case 'chair':
      return minutesDeliveryCard(view.review, view.deliveries, {
        today,
        teamsChoices: teamsChoicesOf(view.review),
        ...(view.notice ? { notice: view.notice } : {}),
        ...(view.typed ? { typed: view.typed } : {}),
        ...(view.errors ? { errors: view.errors } : {}),
      });
    case 'count':
      return minutesReportCard(view.review, view.deliveries);
    case 'none':
      return {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', wrap: true, text: asPlainText('These minutes are not of a review signed off in this chat.') }],
      };
  }
}
