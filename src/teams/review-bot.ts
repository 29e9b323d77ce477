import { AdaptiveCardInvokeResponse, CardFactory, InvokeResponse, TeamsActivityHandler, TurnContext } from 'botbuilder';
import { TeamsPerson } from '../domain/review/review';
import { chairOnly, isChair } from '../domain/review/review-machine';
import { CinError, ERROR_CATALOGUE, ErrorCode, userMessageFor } from '../errors/error-catalogue';
import { Logger } from '../logging/logger';
import { AdaptiveCardJson } from '../cards/card-templates';
import { ReviewCards } from '../cards/review-cards';
import { CHAT_COMMANDS, parseChatCommand } from '../use-cases/chat-command';
import { Acknowledgement, CaseAlerts } from '../use-cases/case-alerts';
import { CardPress, PressResult, ReviewActions } from '../use-cases/review-actions';
import { AddressBook } from './address-book';
import { CardActionTable, cardAction, cardActionTable } from './card-actions';
import { acknowledgementPayload, bookingPressPayload, problemOf, readCardAction, reviewPressPayload } from './card-press-envelope';
import { BookedMeetings, BookingAnswer, BookingPress } from '../use-cases/booked-meetings';
import { rosterOf } from './conversation-roster';
import { answerToUnofferedInvoke } from './invoke-names';
import { commandTextOf } from './mention-text';
import { dueCardForMessage, dueCardForRefresh, dueShowPayload, keptPrivate } from './private-due';
import { lastMinutesCard } from './private-minutes';
import { londonTimeAndDate } from '../domain/review/london-time';
import { isTenantAllowed } from './tenant-allow-list';
import { DUE_SHOW_VERB } from '../cards/private-due-cards';
import { MINUTES_DELIVERIES_VERB, MINUTES_RESEND_VERB } from '../cards/minutes-report-cards';
import { MinutesDeliveries } from '../use-cases/minutes-deliveries';
import { deliveriesCard, deliveriesPayload, resendPayload } from './minutes-delivery-view';
import { CASE_FILE_RESEND_VERB, CASE_FILES_SHOW_VERB } from '../cards/case-file-cards';
import { CaseFiles } from '../use-cases/case-files';
import { caseFileResendPayload, caseFilesForMessage, caseFilesForRefresh, caseFilesShowPayload, resendCaseFile } from './case-file-list';
import { FILE_CONSENT_INVOKE, answerFileConsent } from './file-consent';
import { activityKeyOf, conversationOf, personOf, tenantOf } from './teams-turn';
import { BookingByCommand } from '../use-cases/booking-by-command';
import { bookingCardActions, bookingCommandAnswer, bookingsCommandAnswer } from './booking-turns';

export { personOf } from './teams-turn';

export interface ReviewBotDependencies {
  readonly actions: ReviewActions;
  readonly alerts: CaseAlerts;
  readonly deliveries: MinutesDeliveries;
  /** The chair's case file after sign-off: `minutes`, its resend button, and Teams' file consent. */
  readonly caseFiles: CaseFiles;
  /** `book review …` and `bookings`. */
  readonly booking: BookingByCommand;
  /** Moving and cancelling the next meeting a review booked (after sign-off). */
  readonly bookedMeetings?: BookedMeetings;
  readonly cards: ReviewCards;
  readonly addresses: AddressBook;
  readonly logger: Logger;
  readonly allowedTenantIds: readonly string[];
  /** The current instant, and today's date in Europe/London. */
  readonly clock: () => { now: string; today: string };
}

const CARD = 'application/vnd.microsoft.card.adaptive';

/** The Teams edge: reads who and where from the activity, calls the use cases, answers with cards. */
export class ReviewBot extends TeamsActivityHandler {
  /** Every card verb the bot answers: verb → payload schema → handler. */
  private readonly cardActions: CardActionTable = cardActionTable({
    'review.refresh': cardAction(reviewPressPayload('review.refresh'), (c, p) => this.onReviewPress(c, p)),
    'review.continue': cardAction(reviewPressPayload('review.continue'), (c, p) => this.onReviewPress(c, p)),
    'review.save': cardAction(reviewPressPayload('review.save'), (c, p) => this.onReviewPress(c, p)),
    'review.back': cardAction(reviewPressPayload('review.back'), (c, p) => this.onReviewPress(c, p)),
    'review.goto': cardAction(reviewPressPayload('review.goto'), (c, p) => this.onReviewPress(c, p)),
    'review.signOff': cardAction(reviewPressPayload('review.signOff'), (c, p) => this.onReviewPress(c, p)),
    'review.confirmSignOff': cardAction(reviewPressPayload('review.confirmSignOff'), (c, p) => this.onReviewPress(c, p)),
    'review.handChair': cardAction(reviewPressPayload('review.handChair'), (c, p) => this.onReviewPress(c, p)),
    'review.confirmHandChair': cardAction(reviewPressPayload('review.confirmHandChair'), (c, p) => this.onReviewPress(c, p)),
    'review.addAttendee': cardAction(reviewPressPayload('review.addAttendee'), (c, p) => this.onReviewPress(c, p)),
    'review.cancel': cardAction(reviewPressPayload('review.cancel'), (c, p) => this.onReviewPress(c, p)),
    'review.keep': cardAction(reviewPressPayload('review.keep'), (c, p) => this.onReviewPress(c, p)),
    'review.findTimes': cardAction(reviewPressPayload('review.findTimes'), (c, p) => this.onReviewPress(c, p)),
    'nextMeeting.show': cardAction(bookingPressPayload, (c, p) => this.onBookingPress(c, 'show', p)),
    'nextMeeting.move': cardAction(bookingPressPayload, (c, p) => this.onBookingPress(c, 'move', p)),
    'nextMeeting.cancel': cardAction(bookingPressPayload, (c, p) => this.onBookingPress(c, 'cancel', p)),
    'case.acknowledge': cardAction(acknowledgementPayload, (c, a) => this.onAcknowledge(c, a)),
    [MINUTES_DELIVERIES_VERB]: cardAction(deliveriesPayload, async (c, reviewId) =>
      cardResponse(deliveriesCard(await this.deps.deliveries.view(conversationOf(c), personOf(c), reviewId), this.deps.clock().today)),
    ),
    [MINUTES_RESEND_VERB]: cardAction(resendPayload, async (c, resend) => {
      const { now, today } = this.deps.clock();
      return cardResponse(deliveriesCard(await this.deps.deliveries.resend(conversationOf(c), personOf(c), resend, now), today));
    }),
    [DUE_SHOW_VERB]: cardAction(dueShowPayload, async (c, owner) =>
      cardResponse(await dueCardForRefresh(this.deps, conversationOf(c), personOf(c), owner, this.deps.clock().today)),
    ),
    [CASE_FILES_SHOW_VERB]: cardAction(caseFilesShowPayload, async (c, owner) =>
      cardResponse(await caseFilesForRefresh(this.deps.caseFiles, c, conversationOf(c), personOf(c), owner)),
    ),
    [CASE_FILE_RESEND_VERB]: cardAction(caseFileResendPayload, async (c, { reviewId }) => {
      const resent = await resendCaseFile(this.deps.caseFiles, c, conversationOf(c), personOf(c), reviewId, activityKeyOf(c), this.deps.clock().now);
      this.deps.logger.log('info', 'case-file.resend', { reviewId, sent: resent.sent });
      return cardResponse(resent.card);
    }),
  }, bookingCardActions(() => this.deps));

  constructor(private readonly deps: ReviewBotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    // Added to a chat or meeting: say what the bot does, once.
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) {
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(this.deps.cards.help(CHAT_COMMANDS))] });
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const tenantId = tenantOf(context);
    if (!isTenantAllowed(this.deps.allowedTenantIds, tenantId)) {
      this.deps.logger.log('warn', 'tenant.refused', { tenantId, type: context.activity.type });
      if (context.activity.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 403, body: errorResponse('TENANT_NOT_ALLOWED', 403) } });
      }
      return;
    }
    await this.deps.addresses.remember(context, this.deps.clock().now);
    await super.run(context);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = commandTextOf(context.activity);
    const conversation = conversationOf(context);
    const actor = personOf(context);
    const { now, today } = this.deps.clock();
    const send = (card: AdaptiveCardJson) => context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
    switch (parseChatCommand(text)) {
      case 'start review': {
        const started = await this.deps.actions.start(conversation, actor, activityKeyOf(context) ?? `${conversation.id}|${now}`, () => rosterOf(context, this.deps.logger), now);
        if (started.kind === 'already-open') {
          await context.sendActivity(`${userMessageFor('REVIEW_ALREADY_OPEN')} It is chaired by ${started.review.chair.name}.`);
          return;
        }
        // A redelivered `start review` posts the card only if the first delivery never got that far.
        if (started.review && !started.review.sharedCardActivityId) await this.postProgress(context, started.review);
        return;
      }
      case 'resume': {
        const review = await this.deps.actions.current(conversation);
        if (review) return void (await this.postProgress(context, review));
        const last = await this.deps.actions.lastFinished(conversation);
        if (!last) return void (await context.sendActivity(userMessageFor('NO_OPEN_REVIEW')));
        // The minutes reach their chair alone; a cancelled review has none.
        if (last.status === 'signed-off') return void (await send(lastMinutesCard(this.deps.cards, context, last, actor, today)));
        await context.sendActivity(this.deps.cards.lastReviewStatus(last));
        return;
      }
      case 'status': {
        const review = await this.deps.actions.current(conversation);
        if (review) return void (await send(this.deps.cards.progress(review)));
        const last = await this.deps.actions.lastFinished(conversation);
        await context.sendActivity(last ? this.deps.cards.lastReviewStatus(last) : userMessageFor('NO_OPEN_REVIEW'));
        return;
      }
      case 'cancel': {
        const review = await this.deps.actions.current(conversation);
        if (!review) return void (await context.sendActivity(userMessageFor('NO_OPEN_REVIEW')));
        if (!isChair(review, actor)) return void (await context.sendActivity(chairOnly(review, 'cancel it')));
        await send(this.deps.cards.confirmCancel(review));
        return;
      }
      case 'due':
        // In a group chat only the caller sees their cases: the chat gets a placeholder.
        await send(await dueCardForMessage(this.deps, context, conversation, actor, today));
        return;
      case 'minutes': {
        const answer = await caseFilesForMessage(this.deps.caseFiles, context, conversation, actor);
        await (typeof answer === 'string' ? context.sendActivity(answer) : send(answer));
        return;
      }
      case 'book review':
        await send(await bookingCommandAnswer(this.deps, context, text ?? ''));
        return;
      case 'bookings':
        await send(await bookingsCommandAnswer(this.deps, context));
        return;
      case 'help':
        await send(this.deps.cards.help(CHAT_COMMANDS));
        return;
      case 'unknown':
        await context.sendActivity(userMessageFor('UNKNOWN_COMMAND'));
        return;
    }
  }

  /** Card presses and the case file's consent are read here, by our own schemas, whatever shape the value arrives in. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === FILE_CONSENT_INVOKE) return answerFileConsent(this.deps, context);
    if (context.activity.name !== 'adaptiveCard/action') return answerToUnofferedInvoke(context.activity.name);
    const response = await this.onCardPress(context, context.activity.value);
    return { status: response.statusCode, body: response };
  }

  private async onCardPress(context: TurnContext, value: unknown): Promise<AdaptiveCardInvokeResponse> {
    try {
      const read = readCardAction(value);
      if (!read.ok) return this.rejected(read.problem, 'PAYLOAD_INVALID');
      const action = this.cardActions[read.verb];
      if (!action) return this.rejected(`unknown verb ${read.verb.slice(0, 64)}`, 'UNKNOWN_VERB');
      const payload = action.payload.safeParse(read.data);
      if (!payload.success) return this.rejected(problemOf(payload.error), 'PAYLOAD_INVALID');
      return await action.handle(context, payload.data);
    } catch (error) {
      const code = error instanceof CinError ? error.code : 'UNEXPECTED';
      this.deps.logger.log('error', 'card.failed', { code, error: (error as Error).stack });
      return errorResponse(code, ERROR_CATALOGUE[code].status);
    }
  }

  private rejected(problem: string, code: ErrorCode): AdaptiveCardInvokeResponse {
    this.deps.logger.log('info', 'card.rejected', { code, problem });
    return errorResponse(code, 400);
  }

  /** A review's change is stored, with its effects, before this answers: it never waits on the connector. */
  private async onReviewPress(context: TurnContext, press: CardPress): Promise<AdaptiveCardInvokeResponse> {
    const actor = personOf(context);
    const { now, today } = this.deps.clock();
    const result = await this.deps.actions.press(conversationOf(context), actor, activityKeyOf(context), press, now);
    this.deps.logger.log('info', 'card.pressed', { verb: press.verb, result: result.kind });
    return cardResponse(this.cardFor(result, actor, today));
  }

  /** The next meeting's booking: shown, moved or cancelled by the review's chair alone (checked by the use case). */
  private async onBookingPress(context: TurnContext, what: 'show' | 'move' | 'cancel', press: BookingPress): Promise<AdaptiveCardInvokeResponse> {
    const booked = this.deps.bookedMeetings;
    if (!booked) return errorResponse('UNKNOWN_VERB', 400);
    const actor = personOf(context);
    const conversation = conversationOf(context);
    const { now } = this.deps.clock();
    const answer: BookingAnswer =
      what === 'show' ? await booked.show(conversation, actor, press) : what === 'move' ? await booked.move(conversation, actor, press, now) : await booked.cancel(conversation, actor, press, now);
    this.deps.logger.log('info', 'booking.pressed', { what, result: answer.kind });
    const cards = this.deps.cards;
    switch (answer.kind) {
      case 'refused':
        return cardResponse(cards.help(CHAT_COMMANDS, answer.message));
      case 'invalid':
        return cardResponse(cards.booking(answer.review, answer.booking, { typed: answer.typed, errors: answer.errors, notice: userMessageFor('INVALID_INPUT'), noticeColor: 'Attention' }));
      case 'stale':
        return cardResponse(cards.booking(answer.review, answer.booking, { notice: 'The booking changed since this card was shown: here it is now.', noticeColor: 'Attention' }));
      default:
        return cardResponse(cards.booking(answer.review, answer.booking, answer.notice ? { notice: answer.notice } : {}));
    }
  }

  private async onAcknowledge(context: TurnContext, ack: Acknowledgement): Promise<AdaptiveCardInvokeResponse> {
    const { now, today } = this.deps.clock();
    const acked = await this.deps.alerts.acknowledge(conversationOf(context), personOf(context), ack, now, today);
    this.deps.logger.log('info', 'alert.acknowledged', { ok: acked.ok, alertId: ack.alertId });
    const notice = acked.ok ? `Recorded: you acted on ${ack.caseReference}'s alert.` : userMessageFor(acked.code);
    return cardResponse(keptPrivate(context, this.deps.cards.due(acked.items, today, notice), personOf(context)));
  }

  /** The card this person sees after their press: the chair their step; anyone else the progress. */
  private cardFor(result: PressResult, actor: TeamsPerson, today: string): AdaptiveCardJson {
    const cards = this.deps.cards;
    if (result.kind === 'no-review') return cards.help(CHAT_COMMANDS);
    const review = result.review;
    if (!isChair(review, actor)) {
      const notice = result.kind === 'refused' || review.status === 'in-progress' ? chairOnly(review, 'see and change the answers') : '';
      const handedOver = result.kind === 'changed' && isChair(result.previous, actor) ? review.chairHandOvers.at(-1) : undefined;
      return cards.progress(review, handedOver ? `You handed the chair to ${handedOver.to.name} at ${londonTimeAndDate(handedOver.at)}. ${notice}` : notice);
    }
    switch (result.kind) {
      case 'confirm':
        return result.asks.kind === 'hand-chair' ? cards.confirmHandOver(review, result.asks) : cards.confirmSignOff(review, { ...(result.typed ? { typed: result.typed } : {}), ...(result.errors ? { errors: result.errors } : {}) });
      case 'invalid':
        return cards.forChair(review, { today, typed: result.typed, errors: result.errors, notice: userMessageFor('INVALID_INPUT') });
      case 'conflict':
        return cards.forChair(review, { today, typed: result.typed, notice: userMessageFor('VERSION_CONFLICT') });
      case 'refused':
        return cards.forChair(review, { today, notice: result.message });
      case 'changed':
        // Signed off: the minutes card says who signed off when, and what happens next.
        return cards.forChair(review, { today, ...(result.typed ? { typed: result.typed } : {}) });
      default:
        return cards.forChair(review, { today });
    }
  }

  private async postProgress(context: TurnContext, review: Parameters<ReviewCards['progress']>[0]): Promise<void> {
    const sent = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(this.deps.cards.progress(review))] });
    if (sent?.id) await this.deps.actions.recordSharedCard(review, sent.id);
  }
}

function cardResponse(card: AdaptiveCardJson): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: CARD, value: card };
}

function errorResponse(code: ErrorCode, statusCode: number): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message: userMessageFor(code) } as never };
}
