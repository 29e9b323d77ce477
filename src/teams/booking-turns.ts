import { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import {
  BOOKING_VERBS,
  CardOwner,
  bookedCard,
  bookingAnswerCard,
  bookingConfirmationCard,
  bookingSlotsCard,
  bookingsListCard,
  keptForOwner,
  privatePlaceholder,
} from '../cards/booking-cards';
import { AdaptiveCardJson } from '../cards/card-templates';
import { ConfirmationForm } from '../domain/booking/command-booking';
import { samePerson } from '../domain/review/same-person';
import { Logger } from '../logging/logger';
import { BookingByCommand, Caller, Understood } from '../use-cases/booking-by-command';
import { CardActionTable, cardAction } from './card-actions';
import { rosterOf } from './conversation-roster';
import { isPersonalChat } from './private-due';
import { conversationOf, personOf, tenantOf } from './teams-turn';

/**
 * `book review …` and `bookings` at the Teams edge. In a personal chat the answer is posted there.
 * In a group chat nothing about a case is shown to the chat: the bot posts a placeholder naming the
 * caller, and the answer (question, refusal, confirmation card, booked card, list) is only ever the
 * answer to the caller's own refresh of it (`refresh.userIds`), as `due` does. Every press is checked
 * against Teams' identity of the presser, never the card's.
 */
export interface BookingTurnDependencies {
  readonly booking: BookingByCommand;
  readonly logger: Logger;
  readonly clock: () => { now: string };
}

const CARD = 'application/vnd.microsoft.card.adaptive';
const MAX_COMMAND = 2000;
const instant = z.iso.datetime({ offset: true });
const ownerFields = { forUserId: z.string().min(1).max(1024), forName: z.string().max(256) };

const showPayload = z.object({ ...ownerFields, command: z.string().max(MAX_COMMAND), typedAt: instant, done: z.enum(['true']).optional() });
const listPayload = z.object(ownerFields);
const inputText = (max: number) => z.union([z.string(), z.number(), z.boolean()]).transform(String).pipe(z.string().max(max)).default('');
const confirmPayload = z
  .object({
    ...ownerFields,
    command: z.string().max(MAX_COMMAND),
    typedAt: instant,
    caseReference: z.string().regex(/^[A-Za-z0-9/-]{1,30}$/u),
    reviewId: z.string().min(1).max(64),
    start: instant,
    inviteeCount: z.coerce.number().int().min(0).max(200),
    mode: inputText(20),
    venue: inputText(2000),
    reason: inputText(5000),
    addEmails: inputText(5000),
  })
  .catchall(z.unknown());
const discardPayload = z.object({ ...ownerFields, command: z.string().max(MAX_COMMAND), typedAt: instant, caseReference: z.string().max(30) });

type ShowData = z.infer<typeof showPayload>;

/** The verbs of booking by command, for the bot's one card-verb table (its dependencies read when a press comes). */
export function bookingCardActions(deps: () => BookingTurnDependencies): CardActionTable {
  return {
    [BOOKING_VERBS.show]: cardAction(showPayload, (c, p) => onShow(deps(), c, p)),
    [BOOKING_VERBS.confirm]: cardAction(confirmPayload, (c, p) => onConfirm(deps(), c, p)),
    [BOOKING_VERBS.discard]: cardAction(discardPayload, async (c, p) =>
      answered(c, bookingAnswerCard(`Not booked. Type "book review ${p.caseReference}" again when you are ready.`), { ...p, done: 'true' }),
    ),
    [BOOKING_VERBS.list]: cardAction(listPayload, (c, p) => onList(deps(), c, p)),
  };
}

/** What to post when `book review …` is typed. */
export async function bookingCommandAnswer(deps: BookingTurnDependencies, context: TurnContext, text: string): Promise<AdaptiveCardJson> {
  const { now } = deps.clock();
  const person = personOf(context);
  if (!isPersonalChat(context)) return privatePlaceholder(ownerOf(person), 'booking', { command: text.slice(0, MAX_COMMAND), typedAt: now });
  const understood = await deps.booking.understand(await callerOf(deps, context), text, now, now);
  return cardOf(understood, { forUserId: person.teamsUserId, forName: person.name, command: text, typedAt: now });
}

/** What to post when `bookings` is typed. */
export async function bookingsCommandAnswer(deps: BookingTurnDependencies, context: TurnContext): Promise<AdaptiveCardJson> {
  const person = personOf(context);
  if (!isPersonalChat(context)) return privatePlaceholder(ownerOf(person), 'bookings', {});
  return bookingsListCard(await deps.booking.upcoming(await callerOf(deps, context), deps.clock().now));
}

async function onShow(deps: BookingTurnDependencies, context: TurnContext, data: ShowData): Promise<AdaptiveCardInvokeResponse> {
  const person = personOf(context);
  if (person.teamsUserId !== data.forUserId) return reply(privatePlaceholder({ teamsUserId: data.forUserId, name: data.forName }, 'booking', echoOf(data)));
  if (data.done) return answered(context, bookingAnswerCard('Not booked.'), data);
  const understood = await deps.booking.understand(await callerOf(deps, context), data.command, data.typedAt, deps.clock().now);
  return answered(context, cardOf(understood, data), data);
}

async function onConfirm(deps: BookingTurnDependencies, context: TurnContext, data: z.infer<typeof confirmPayload>): Promise<AdaptiveCardInvokeResponse> {
  const person = personOf(context);
  const echo = { forUserId: data.forUserId, forName: data.forName, command: data.command, typedAt: data.typedAt };
  if (person.teamsUserId !== data.forUserId) {
    deps.logger.log('warn', 'booking.refused', { reason: 'not the card’s owner' });
    return answered(context, bookingAnswerCard(`This card is ${data.forName}'s. To book a review yourself, type "book review" and the case reference.`), {
      ...echo,
      forUserId: person.teamsUserId,
      forName: person.name,
    });
  }
  const ticked = Array.from({ length: data.inviteeCount }, (_, i) => String(data[`invite.${i}`]) === 'true');
  const form: ConfirmationForm = { mode: data.mode, venue: data.venue, reason: data.reason, ticked, addEmails: data.addEmails };
  const result = await deps.booking.confirm(await callerOf(deps, context), data, form, conversationOf(context).id, deps.clock().now);
  deps.logger.log('info', 'booking.confirm', { result: result.kind, ...(result.kind === 'booked' ? { created: result.created } : {}) });
  return answered(context, cardOf(result, echo), echo);
}

async function onList(deps: BookingTurnDependencies, context: TurnContext, data: z.infer<typeof listPayload>): Promise<AdaptiveCardInvokeResponse> {
  const person = personOf(context);
  const owner = { teamsUserId: data.forUserId, name: data.forName };
  if (person.teamsUserId !== data.forUserId) return reply(privatePlaceholder(owner, 'bookings', {}));
  const list = bookingsListCard(await deps.booking.upcoming(await callerOf(deps, context), deps.clock().now));
  return reply(isPersonalChat(context) ? list : keptForOwner(list, privatePlaceholder(owner, 'bookings', {})));
}

function cardOf(understood: Understood, echo: { forUserId: string; forName: string; command: string; typedAt: string }): AdaptiveCardJson {
  switch (understood.kind) {
    case 'answer':
      return bookingAnswerCard(understood.text);
    case 'booked':
      return bookedCard(understood.booking, understood.created);
    case 'slots':
      return bookingSlotsCard(understood.choice, { forUserId: echo.forUserId, forName: echo.forName, typedAt: echo.typedAt });
    case 'confirm':
      return bookingConfirmationCard(understood.draft, {
        ...(understood.typed ? { typed: understood.typed } : {}),
        ...(understood.errors ? { errors: understood.errors } : {}),
        echo: { forName: echo.forName, command: echo.command, typedAt: echo.typedAt },
      });
  }
}

/** An answer to a press: in a group chat it stays the presser's own view. */
function answered(context: TurnContext, answer: AdaptiveCardJson, data: { forUserId: string; forName: string; command: string; typedAt: string; done?: 'true' }): AdaptiveCardInvokeResponse {
  if (isPersonalChat(context)) return reply(answer);
  return reply(keptForOwner(answer, privatePlaceholder({ teamsUserId: data.forUserId, name: data.forName }, 'booking', echoOf(data))));
}

function echoOf(data: { command: string; typedAt: string; done?: 'true' }): Record<string, string> {
  return { command: data.command, typedAt: data.typedAt, ...(data.done ? { done: data.done } : {}) };
}

function reply(card: AdaptiveCardJson): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: CARD, value: card };
}

function ownerOf(person: { teamsUserId: string; name: string }): CardOwner {
  return { teamsUserId: person.teamsUserId, name: person.name };
}

/** Who is asking: Teams' identity, the chat's tenant, and their email and home tenant where the roster gives them. */
async function callerOf(deps: BookingTurnDependencies, context: TurnContext): Promise<Caller> {
  const person = personOf(context);
  const member = (await rosterOf(context, deps.logger)).find((m) => samePerson(m, person));
  return {
    person: member?.email ? { ...person, email: member.email } : person,
    tenantId: tenantOf(context),
    ...(member?.tenantId ? { homeTenantId: member.tenantId } : {}),
    ...(member?.email ? { email: member.email } : {}),
  };
}
