import { deliveryPlan, Recipient } from '../domain/minutes-delivery';
import { LETTER_PART_LABELS, LETTER_PART_LIMIT, letterAsWritten, letterCandidates, letterInputId, sendInputId } from '../domain/minutes-delivery/sign-off-choices';
import { Attendee, LETTER_PARTS, Review } from '../domain/review/review';
import { FieldErrors, FormValues } from '../domain/review/step-forms';
import { formatCalendarDate } from '../domain/timescales';
import type { AdaptiveCardJson } from './card-templates';
import { CardElement } from './card-inputs';
import { asPlainText } from './plain-text';

const VERSION_WORDS = {
  professionals: 'the whole record',
  family: 'the family’s copy (no contact details, nothing marked for professionals only)',
  child: 'their own letter, in plain words',
} as const;

const text = (value: string, extra: Record<string, unknown> = {}): CardElement => ({ type: 'TextBlock', text: asPlainText(value), wrap: true, ...extra });
const error = (message: string | undefined): CardElement[] =>
  message ? [{ type: 'TextBlock', text: asPlainText(message), color: 'Attention', size: 'Small', wrap: true, spacing: 'None' }] : [];

/**
 * The second press of sign-off: what it means, and who will be sent what, before it is done. Each
 * attendee has a tick (as recorded at the introductions); each child attendee a tick for their own
 * letter, whose words the chair reads here and may change. What was typed comes back with any error.
 */
export function signOffConfirmationCard(review: Review, shown: { typed?: FormValues; errors?: FieldErrors } = {}): AdaptiveCardJson {
  const typed = shown.typed ?? {};
  const errors = shown.errors ?? {};
  const candidates = new Set(letterCandidates(review).map((a) => a.key));
  // How each would be reached, were they ticked (a child: with their letter).
  const everyone: Review = { ...review, attendees: review.attendees.map((a) => ({ ...a, receivesMinutes: true })) };
  const plan = new Map(deliveryPlan(everyone, { childLetters: [...candidates] }).map((r) => [r.attendeeKey, r]));
  const due = review.timescales?.minutesDue.date;
  const body: CardElement[] = [
    text('Sign off the minutes?', { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text('Once signed off, the minutes can no longer be amended. They are then sent at once to everyone ticked below, each in the version they may see; you are told how each delivery goes.'),
    ...(due ? [text(`The minutes are due by ${formatCalendarDate(due)}.`, { weight: 'Bolder' })] : []),
    text('Who is sent the minutes', { size: 'Medium', weight: 'Bolder', separator: true, spacing: 'Medium' }),
    ...review.attendees.filter((a) => a.role !== 'child').flatMap((a) => recipientRow(a, plan.get(a.key), typed, errors)),
  ];
  const children = review.attendees.filter((a) => a.role === 'child');
  if (children.length > 0) {
    body.push(text('Children’s own letters', { size: 'Medium', weight: 'Bolder', separator: true, spacing: 'Medium' }));
    body.push(text('Tick a child only if their age and understanding allow. Read the letter, and change anything before it is sent.', { isSubtle: true }));
    for (const child of children) body.push(...childRows(review, child, plan.get(child.key), candidates.has(child.key), typed, errors));
  }
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    body,
    actions: [
      { type: 'Action.Execute', verb: 'review.confirmSignOff', title: 'Confirm sign-off', style: 'positive', data: { reviewId: review.id, version: review.version, step: 'minutes' } },
      { type: 'Action.Execute', verb: 'review.keep', title: 'Not yet', data: { reviewId: review.id, version: review.version } },
    ],
  };
}

function recipientRow(a: Attendee, recipient: Recipient | undefined, typed: FormValues, errors: FieldErrors): CardElement[] {
  const id = sendInputId(a.key);
  const ticked = (typed[id] ?? String(a.receivesMinutes)) === 'true';
  return [
    {
      type: 'ColumnSet',
      separator: true,
      columns: [
        { type: 'Column', width: 'stretch', items: [text(a.name, { weight: 'Bolder' }), text(howWords(recipient), { isSubtle: true, spacing: 'None' })] },
        { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [toggle(id, 'Send', ticked)] },
      ],
    },
    ...error(errors[id]),
  ];
}

function childRows(review: Review, child: Attendee, recipient: Recipient | undefined, writable: boolean, typed: FormValues, errors: FieldErrors): CardElement[] {
  const id = sendInputId(child.key);
  const ticked = (typed[id] ?? 'false') === 'true';
  const head: CardElement[] = [
    {
      type: 'ColumnSet',
      separator: true,
      columns: [
        { type: 'Column', width: 'stretch', items: [text(child.name, { weight: 'Bolder' }), text(writable ? howWords(recipient) : 'No letter can be written: their first name is not among the children at set-up.', { isSubtle: true, spacing: 'None' })] },
        { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [toggle(id, 'Send a letter', ticked)] },
      ],
    },
    ...error(errors[id]),
  ];
  if (!writable) return head;
  const written = letterAsWritten(review, child);
  const inputs = LETTER_PARTS.flatMap((part) => {
    const inputId = letterInputId(child.key, part);
    return [
      { type: 'Input.Text', id: inputId, label: `${LETTER_PART_LABELS[part]}`, isMultiline: true, maxLength: LETTER_PART_LIMIT, value: typed[inputId] ?? written[part].join('\n') },
      ...error(errors[inputId]),
    ];
  });
  return [...head, { type: 'Container', items: inputs }];
}

function toggle(id: string, title: string, ticked: boolean): CardElement {
  return { type: 'Input.Toggle', id, title, valueOn: 'true', valueOff: 'false', value: ticked ? 'true' : 'false' };
}

function howWords(r: Recipient | undefined): string {
  if (!r) return 'Not sent';
  const what = VERSION_WORDS[r.version];
  if (r.channel === 'teams') return `${capital(what)}, in their chat with the bot in Teams${r.email ? ` (or by email to ${r.email})` : ''}.`;
  if (r.channel === 'email') return `${capital(what)}, by email to ${r.email}, as a PDF.`;
  return `Cannot be sent yet: ${r.reason ?? 'no way to reach them'}.`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
