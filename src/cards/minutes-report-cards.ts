import { londonTimeAndDate } from '../domain/review/london-time';
import { Review } from '../domain/review/review';
import { FieldErrors, FormValues } from '../domain/review/step-forms';
import { formatCalendarDate } from '../domain/timescales';
import { MinutesDelivery } from '../ports/delivery-store';
import type { AdaptiveCardJson } from './card-templates';
import { CardElement } from './card-inputs';
import { asPlainText } from './plain-text';

export const MINUTES_DELIVERIES_VERB = 'minutes.deliveries';
export const MINUTES_RESEND_VERB = 'delivery.sendAgain';

export const resendEmailInputId = (attendeeKey: string) => `email.${attendeeKey}`;
export const resendTeamsInputId = (attendeeKey: string) => `teams.${attendeeKey}`;

const VERSION_WORDS = { professionals: 'whole record', family: 'family’s copy', child: 'own letter' } as const;

const text = (value: string, extra: Record<string, unknown> = {}): CardElement => ({ type: 'TextBlock', text: asPlainText(value), wrap: true, ...extra });

function card(body: CardElement[], actions: CardElement[], refresh?: CardElement): AdaptiveCardJson {
  return { type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', ...(refresh ? { refresh } : {}), body, actions };
}

/** How many have been sent, in one line: all that the meeting chat is told. */
export function reportLine(deliveries: readonly MinutesDelivery[]): string {
  const sent = deliveries.filter((d) => d.status === 'sent').length;
  const total = deliveries.length;
  if (total === 0) return 'The minutes were signed off; nobody was ticked to receive them.';
  const pending = deliveries.some((d) => d.status === 'queued');
  const noun = total === 1 ? 'attendee' : 'attendees';
  // While they go, the count so far: the message (and the chair's view of it) follows the deliveries;
  // reports queued together are one update, and a line already shown is not sent again.
  return pending ? `Sending the minutes: ${sent} of ${total} ${noun} so far.` : `Minutes sent to ${sent} of ${total} ${noun}.`;
}

const refreshFor = (review: Review): CardElement => ({
  action: { type: 'Action.Execute', verb: MINUTES_DELIVERIES_VERB, title: 'See each delivery', data: { reviewId: review.id } },
  userIds: [review.chair.teamsUserId],
});

/**
 * The meeting chat's one message about the minutes: the count, no content. The chair's client
 * refreshes it into the delivery card (a user-specific view); the button does the same elsewhere.
 */
export function minutesReportCard(review: Review, deliveries: readonly MinutesDelivery[]): AdaptiveCardJson {
  return card(
    [text(reportLine(deliveries), { weight: 'Bolder' }), text(`Only the chair, ${review.chair.name}, can see who was sent what.`, { isSubtle: true, size: 'Small' })],
    [{ type: 'Action.Execute', verb: MINUTES_DELIVERIES_VERB, title: 'See each delivery (chair)', data: { reviewId: review.id } }],
    refreshFor(review),
  );
}

export interface DeliveryCardOptions {
  readonly today: string;
  readonly notice?: string;
  readonly typed?: FormValues;
  readonly errors?: FieldErrors;
  /** People of the chat who can be sent the minutes in Teams instead. */
  readonly teamsChoices?: ReadonlyArray<{ readonly title: string; readonly value: string }>;
}

/**
 * The chair's view of the deliveries: each recipient, their version, how it went; for any not
 * sent, what to do, with an email (or a person in this chat) to send that one again.
 */
export function minutesDeliveryCard(review: Review, deliveries: readonly MinutesDelivery[], options: DeliveryCardOptions): AdaptiveCardJson {
  const due = review.timescales?.minutesDue.date ?? null;
  const unsent = deliveries.filter((d) => d.status !== 'sent');
  const late = due !== null && options.today > due && unsent.length > 0;
  const body: CardElement[] = [
    text('The minutes: who has been sent them', { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text(reportLine(deliveries), { weight: 'Bolder' }),
    ...(due ? [text(late ? `They were due by ${formatCalendarDate(due)}: ${unsent.length} still to reach.` : `Due by ${formatCalendarDate(due)}.`, late ? { color: 'Attention' } : {})] : []),
    ...(options.notice ? [text(options.notice, { color: 'Good' })] : []),
    ...deliveries.flatMap((d) => row(d, options)),
  ];
  return card(body, [{ type: 'Action.Execute', verb: MINUTES_DELIVERIES_VERB, title: 'Refresh', data: { reviewId: review.id } }], refreshFor(review));
}

function row(d: MinutesDelivery, options: DeliveryCardOptions): CardElement[] {
  const head = [text(`${d.name} · ${VERSION_WORDS[d.version]}`, { weight: 'Bolder', separator: true, spacing: 'Medium' }), text(statusWords(d), { spacing: 'None', ...(d.status === 'failed' || d.status === 'needs-chair' ? { color: 'Attention' } : {}) })];
  if (d.status === 'sent' || d.status === 'queued') return head;
  const emailId = resendEmailInputId(d.attendeeKey);
  const teamsId = resendTeamsInputId(d.attendeeKey);
  const errors = options.errors ?? {};
  const typed = options.typed ?? {};
  const problem = (id: string) => (errors[id] ? [text(errors[id], { color: 'Attention', size: 'Small', spacing: 'None' })] : []);
  return [
    ...head,
    { type: 'Input.Text', id: emailId, label: `Email address for ${d.name}`, style: 'Email', maxLength: 254, value: typed[emailId] ?? '' },
    ...problem(emailId),
    ...((options.teamsChoices ?? []).length > 0
      ? [{ type: 'Input.ChoiceSet', id: teamsId, label: 'Or send it in Teams to', style: 'compact', placeholder: 'Choose someone in this chat', choices: options.teamsChoices, value: typed[teamsId] ?? '' }, ...problem(teamsId)]
      : []),
    { type: 'ActionSet', actions: [{ type: 'Action.Execute', verb: MINUTES_RESEND_VERB, title: `Send to ${d.name}`, data: { reviewId: d.reviewId, attendeeKey: d.attendeeKey } }] },
  ];
}

function statusWords(d: MinutesDelivery): string {
  switch (d.status) {
    case 'sent':
      return `Sent ${d.channel === 'teams' ? 'in Teams' : 'by email'}${d.sentAt ? ` at ${londonTimeAndDate(d.sentAt)}` : ''}.`;
    case 'queued':
      return d.attempts === 0 ? `Being sent ${d.channel === 'teams' ? 'in Teams' : 'by email'}.` : `Being sent again${d.lastError ? ` (${plainError(d.lastError)})` : ''}.`;
    case 'needs-chair':
      return d.lastError ?? 'Needs you: add an email address.';
    case 'failed':
      return `Could not be sent (${plainError(d.lastError ?? 'no answer')}). Add an email address, or choose them in Teams, and send it again.`;
  }
}

/** An error as recorded ("CODE: words"): the words, without the code. */
function plainError(error: string): string {
  const words = error.replace(/^[A-Z_]+:\s*/, '');
  return words.length > 160 ? `${words.slice(0, 157)}…` : words;
}

/** Raised to the chair in their 1:1 chat a working day before the deadline: who has not been reached, and why. */
export function minutesDeadlineCard(review: Review, unsent: readonly MinutesDelivery[]): AdaptiveCardJson {
  const due = review.timescales?.minutesDue.date;
  const refs = (review.setUp?.children ?? []).map((c) => c.caseReference).filter((r) => r !== '');
  const meeting = review.setUp ? `the ${formatCalendarDate(review.setUp.meetingDate)} review${refs.length > 0 ? ` (${refs.join(', ')})` : ''}` : 'your review';
  return card(
    [
      text('Minutes not yet delivered to everyone', { size: 'Large', weight: 'Bolder', style: 'heading' }),
      text(`The minutes of ${meeting} are due by ${due ? formatCalendarDate(due) : 'the statutory date'}, and have not reached ${unsent.length} ${unsent.length === 1 ? 'person' : 'people'}:`),
      ...unsent.map((d) => text(`• ${d.name}: ${statusWords(d)}`, { spacing: 'Small' })),
      text('Open the minutes report in the meeting’s chat to add an email or choose them in Teams, and send it again.', { isSubtle: true }),
    ],
    [],
  );
}
