import type { Booking } from '../domain/booking/booking';
import { ConfirmationForm, meetingTimeInWords } from '../domain/booking/command-booking';
import { describeSlot } from '../domain/booking/slot-search';
import type { BookingDraft, SlotChoice } from '../use-cases/booking-by-command';
import type { AdaptiveCardJson } from './card-templates';
import { withTextShownAsTyped } from './plain-text';

/**
 * The cards of booking by command: the confirmation (what was understood, editable where it may
 * change), the booked answer, a plain answer, the caller's bookings, and the placeholder a group chat
 * sees while the caller alone sees the card. Built in code from view models; every text is made plain
 * (shown as typed) in one pass at the end.
 */

export const BOOKING_VERBS = {
  /** The refresh of a group chat's placeholder: the caller's own answer to their command. */
  show: 'booking.show',
  confirm: 'booking.confirm',
  discard: 'booking.discard',
  /** The refresh of a group chat's `bookings` placeholder. */
  list: 'bookings.show',
} as const;

/** Whom a private card is for, as Teams names them (`29:` id, for `refresh.userIds`). */
export interface CardOwner {
  readonly teamsUserId: string;
  readonly name: string;
}

type Element = Record<string, unknown>;

const text = (value: string, extra: Element = {}): Element => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
const error = (message: string | undefined): Element[] => (message ? [text(message, { color: 'Attention', size: 'Small', spacing: 'None' })] : []);

function card(body: readonly Element[], actions: readonly Element[] = []): AdaptiveCardJson {
  const json: AdaptiveCardJson = { type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', body: [...body] };
  if (actions.length > 0) json.actions = [...actions];
  return withTextShownAsTyped(json);
}

const MODE_CHOICES = [
  { title: 'Online (Teams)', value: 'online' },
  { title: 'In person', value: 'in-person' },
];

/** What was understood, with Confirm and Cancel; `typed` and `errors` when the form is shown again. */
export function bookingConfirmationCard(
  draft: BookingDraft,
  options: { typed?: ConfirmationForm; errors?: Record<string, string>; echo?: Record<string, string> } = {},
): AdaptiveCardJson {
  const typed = options.typed;
  const errors = options.errors ?? {};
  const outside = draft.verdict !== null && !draft.verdict.ok;
  const facts = [
    { title: 'Case', value: draft.caseReference },
    { title: 'When', value: `${draft.when} (UK time)` },
    { title: 'Organiser', value: `${draft.organiser.name} (${draft.organiser.email})` },
    { title: 'Review window', value: draft.verdict === null ? 'The last review set no window for the next one.' : draft.verdict.ok ? `Inside. ${draft.verdict.message}` : `Outside. ${draft.verdict.message}` },
  ];
  const invitees = draft.invitees.flatMap((invitee, i) => [
    {
      type: 'Input.Toggle',
      id: `invite.${i}`,
      title: `${invitee.name} (${invitee.email})`,
      value: typed ? String(typed.ticked[i] === true) : String(invitee.invited),
      valueOn: 'true',
      valueOff: 'false',
    },
    ...(invitee.note ? [text(invitee.note, { isSubtle: true, size: 'Small', spacing: 'None' })] : []),
  ]);
  const body: Element[] = [
    text(`Book the next review of ${draft.caseReference}?`, { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text('This is what I understood. Nothing is booked until you confirm.', { isSubtle: true, spacing: 'None' }),
    ...(Object.keys(errors).length > 0 ? [text('Please check the answers marked below.', { color: 'Attention', weight: 'Bolder' })] : []),
    { type: 'FactSet', facts },
    { type: 'Input.ChoiceSet', id: 'mode', label: 'How it is held', style: 'expanded', isRequired: true, errorMessage: 'Choose online (Teams) or in person.', choices: MODE_CHOICES, value: typed?.mode ?? draft.mode ?? '' },
    ...error(errors.mode),
    { type: 'Input.Text', id: 'venue', label: 'Venue (when in person)', maxLength: 200, value: typed?.venue ?? '' },
    ...error(errors.venue),
    ...(outside
      ? [{ type: 'Input.Text', id: 'reason', label: 'Why it is outside the window (required)', isMultiline: true, maxLength: 1000, isRequired: true, errorMessage: 'Record the reason.', value: typed?.reason ?? '' }, ...error(errors.reason)]
      : []),
    text('Who will be invited', { weight: 'Bolder', separator: true }),
    ...(invitees.length > 0 ? invitees : [text('Nobody at the last review has an email address: add them below.', { isSubtle: true })]),
    ...(draft.withoutEmail.length > 0
      ? [text(`No email address, so not invited by the calendar: ${draft.withoutEmail.join(', ')}. Tell them yourself, or add an address below.`, { isSubtle: true, size: 'Small' })]
      : []),
    { type: 'Input.Text', id: 'addEmails', label: 'Add email addresses (separated by commas)', maxLength: 2000, value: typed?.addEmails ?? '' },
    ...error(errors.addEmails),
  ];
  // What the card was made from travels with its buttons; the server checks all of it again.
  const echo = options.echo ?? {};
  const data = { ...echo, caseReference: draft.caseReference, reviewId: draft.reviewId, start: draft.start, forUserId: draft.forUserId, inviteeCount: draft.invitees.length };
  return card(body, [
    { type: 'Action.Execute', verb: BOOKING_VERBS.confirm, title: 'Confirm and book', style: 'positive', data },
    { type: 'Action.Execute', verb: BOOKING_VERBS.discard, title: 'Cancel', data: { ...echo, caseReference: draft.caseReference, forUserId: draft.forUserId } },
  ]);
}

/**
 * Free times to pick from. Each button asks for the confirmation card of that time, as if the worker
 * had typed it (`command`), so a picked time is read and checked exactly as a typed one.
 */
export function bookingSlotsCard(choice: SlotChoice, echo: { forUserId: string; forName: string; typedAt: string }): AdaptiveCardJson {
  const how = choice.mode === 'online' ? ' on Teams' : choice.mode === 'in-person' ? ' in person' : '';
  const commandFor = (slot: SlotChoice['slots'][number]) => {
    const [y, m, d] = slot.date.split('-');
    return `book review ${choice.caseReference} on ${d}/${m}/${y} at ${slot.time}${how}`;
  };
  return card([
    text(`Free times for the next review of ${choice.caseReference}`, { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text(choice.window, { isSubtle: true, spacing: 'None' }),
    ...(choice.unreadable.length > 0
      ? [text(`I could not read the calendars of ${choice.unreadable.join(', ')}: a time may clash for them.`, { color: 'Warning' })]
      : []),
    text('Pick one to see what will be booked (nothing is booked yet), or type another date and time.', { spacing: 'Medium' }),
    {
      type: 'ActionSet',
      actions: choice.slots.map((slot) => ({
        type: 'Action.Execute',
        verb: BOOKING_VERBS.show,
        title: describeSlot(slot),
        data: { ...echo, command: commandFor(slot) },
      })),
    },
  ]);
}

/** The booking as made (or as it already was). */
export function bookedCard(booking: Booking, created: boolean): AdaptiveCardJson {
  const where = booking.online ? 'Online (Teams)' : `In person: ${booking.location}`;
  const state = booking.status === 'booked' ? 'In the calendar' : 'Being added to the calendar; the invitations follow';
  return card([
    text(created ? `Booked: the next review of ${booking.caseReferences.join(', ')}` : `Already booked: the next review of ${booking.caseReferences.join(', ')}`, {
      size: 'Large',
      weight: 'Bolder',
      style: 'heading',
    }),
    {
      type: 'FactSet',
      facts: [
        { title: 'When', value: `${meetingTimeInWords(booking.start, booking.end)} (UK time)` },
        { title: 'How', value: where },
        { title: 'Organiser', value: booking.organiser.name },
        { title: 'Invited', value: booking.attendees.length === 0 ? 'Nobody' : booking.attendees.map((a) => a.name).join(', ') },
        { title: 'Calendar', value: state },
        ...(booking.outsideWindowReason ? [{ title: 'Outside the window because', value: booking.outsideWindowReason }] : []),
      ],
    },
  ]);
}

/** A plain answer (a question back, a refusal), as a card so a group chat's private view can carry it. */
export function bookingAnswerCard(answer: string): AdaptiveCardJson {
  return card([text(answer)]);
}

/** The caller's upcoming reviews, soonest first. */
export function bookingsListCard(bookings: readonly Booking[]): AdaptiveCardJson {
  if (bookings.length === 0) return card([text('Your bookings', { size: 'Large', weight: 'Bolder' }), text('No upcoming reviews are booked on your cases.')]);
  return card([
    text('Your bookings', { size: 'Large', weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: bookings.map((b) => ({
        title: b.caseReferences.join(', '),
        value: `${meetingTimeInWords(b.start, b.end)}, ${b.online ? 'online (Teams)' : `in person at ${b.location}`}`,
      })),
    },
  ]);
}

/** What a group chat sees: the owner's name and that only they can see it, never a case; it refreshes for the owner alone. */
export function privatePlaceholder(owner: CardOwner, what: 'booking' | 'bookings', refreshData: Record<string, string>): AdaptiveCardJson {
  const verb = what === 'booking' ? BOOKING_VERBS.show : BOOKING_VERBS.list;
  const title = what === 'booking' ? 'Show my booking' : 'Show my bookings';
  const data = { forUserId: owner.teamsUserId, forName: owner.name, ...refreshData };
  const json = card(
    [
      text(`${owner.name}'s ${what === 'booking' ? 'booking' : 'bookings'}: only they can see it`, { weight: 'Bolder' }),
      text(`Type "${what === 'booking' ? 'book review' : 'bookings'}" to the bot for your own.`, { isSubtle: true, size: 'Small' }),
    ],
    [{ type: 'Action.Execute', verb, title: `${title} (${owner.name} only)`, data }],
  );
  return { ...json, refresh: { action: { type: 'Action.Execute', verb, title, data }, userIds: [owner.teamsUserId] } };
}

/** A private answer stays the owner's own view in a group chat: it refreshes again for them alone. */
export function keptForOwner(answer: AdaptiveCardJson, placeholder: AdaptiveCardJson): AdaptiveCardJson {
  return { ...answer, refresh: placeholder.refresh };
}
