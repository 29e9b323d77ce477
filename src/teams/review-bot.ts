import {
  AdaptiveCardInvokeResponse,
  CardFactory,
  InvokeResponse,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { Review, TeamsPerson } from '../domain/review/review';
import { chairOnly, isChair } from '../domain/review/review-machine';
import { ErrorCode, userMessageFor } from '../errors/error-catalogue';
import { Logger } from '../logging/logger';
import { AdaptiveCardJson } from '../cards/card-templates';
import { ReviewCards } from '../cards/review-cards';
import { CHAT_COMMANDS, parseChatCommand } from '../use-cases/chat-command';
import { CaseAlerts } from '../use-cases/case-alerts';
import { Conversation, Outcome, ReviewActions } from '../use-cases/review-actions';
import { parseCardPress } from './card-press-envelope';
import { rosterOf } from './conversation-roster';
import { answerToUnofferedInvoke } from './invoke-names';
import { commandTextOf } from './mention-text';
import { isTenantAllowed } from './tenant-allow-list';
import { dueCardForMessage, dueCardForRefresh, keptPrivate, parseDueShow } from './private-due';
import { canonicalEntraId } from '../domain/identity/entra-id';

export interface ReviewBotDependencies {
  readonly actions: ReviewActions;
  readonly alerts: CaseAlerts;
  readonly cards: ReviewCards;
  readonly logger: Logger;
  readonly allowedTenantIds: readonly string[];
  /** The current instant, and today's date in Europe/London. */
  readonly clock: () => { now: string; today: string };
}

const CARD = 'application/vnd.microsoft.card.adaptive';

/** The Teams edge: reads who and where from the activity, calls the use cases, answers with cards. */
export class ReviewBot extends TeamsActivityHandler {
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
    await super.run(context);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = commandTextOf(context.activity);
    const conversation = conversationOf(context);
    const actor = personOf(context);
    const { now } = this.deps.clock();
    switch (parseChatCommand(text)) {
      case 'start review': {
        const outcome = await this.deps.actions.start(conversation, actor, activityKeyOf(context) ?? `${conversation.id}|${now}`, () => rosterOf(context, this.deps.logger), now);
        if (outcome.kind === 'already-open') {
          await context.sendActivity(`${userMessageFor('REVIEW_ALREADY_OPEN')} It is chaired by ${outcome.review.chair.name}.`);
          return;
        }
        // A redelivered `start review` posts the card only if the first delivery never got that far.
        if (outcome.review && !outcome.review.sharedCardActivityId) await this.postProgress(context, outcome.review);
        return;
      }
      case 'resume': {
        const review = await this.deps.actions.current(conversation);
        if (!review) return void (await context.sendActivity(userMessageFor('NO_OPEN_REVIEW')));
        await this.postProgress(context, review);
        return;
      }
      case 'status': {
        const review = await this.deps.actions.current(conversation);
        if (!review) return void (await context.sendActivity(userMessageFor('NO_OPEN_REVIEW')));
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(this.deps.cards.progress(review))] });
        return;
      }
      case 'cancel': {
        const review = await this.deps.actions.current(conversation);
        if (!review) return void (await context.sendActivity(userMessageFor('NO_OPEN_REVIEW')));
        if (!isChair(review, actor)) {
          return void (await context.sendActivity(chairOnly(review, 'cancel it')));
        }
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(this.deps.cards.confirmCancel(review))] });
        return;
      }
      case 'due': {
        const { today } = this.deps.clock();
        const card = await dueCardForMessage(this.deps, context, conversation, actor, today);
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
        return;
      }
      case 'help':
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(this.deps.cards.help(CHAT_COMMANDS))] });
        return;
      case 'unknown':
        await context.sendActivity(userMessageFor('UNKNOWN_COMMAND'));
        return;
    }
  }

  /** Card presses are read here, by our own schema, whatever shape the value arrives in. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return answerToUnofferedInvoke(context.activity.name);
    const response = await this.onCardPress(context, context.activity.value);
    return { status: response.statusCode, body: response };
  }

  private async onCardPress(context: TurnContext, value: unknown): Promise<AdaptiveCardInvokeResponse> {
    try {
      const dueOwner = parseDueShow(value);
      if (dueOwner) return cardResponse(await dueCardForRefresh(this.deps, conversationOf(context), personOf(context), dueOwner, this.deps.clock().today));
      const parsed = parseCardPress(value);
      if (!parsed.ok) {
        this.deps.logger.log('info', 'card.rejected', { problem: parsed.problem });
        return errorResponse(parsed.unknownVerb ? 'UNKNOWN_VERB' : 'PAYLOAD_INVALID', 400);
      }
      const actor = personOf(context);
      const { now, today } = this.deps.clock();
      if (parsed.kind === 'acknowledge') {
        const acked = await this.deps.alerts.acknowledge(conversationOf(context), actor, parsed.acknowledgement, now, today);
        this.deps.logger.log('info', 'alert.acknowledged', { ok: acked.ok, alertId: parsed.acknowledgement.alertId });
        const notice = acked.ok ? `Recorded: you acted on ${parsed.acknowledgement.caseReference}'s alert.` : userMessageFor(acked.code);
        return cardResponse(keptPrivate(context, this.deps.cards.due(acked.items, today, notice), actor));
      }
      const outcome = await this.deps.actions.press(conversationOf(context), actor, activityKeyOf(context), parsed.press, now);
      this.deps.logger.log('info', 'card.pressed', { verb: parsed.press.verb, outcome: outcome.kind });
      if (outcome.kind === 'changed') await this.updateProgress(context, outcome.review, outcome.previous);
      return cardResponse(this.cardFor(outcome, actor, today));
    } catch (error) {
      this.deps.logger.log('error', 'card.failed', { code: 'UNEXPECTED', error: (error as Error).stack });
      return errorResponse('UNEXPECTED', 500);
    }
  }

  /** The card this person sees after their press: the chair their step; anyone else the progress. */
  private cardFor(outcome: Outcome, actor: TeamsPerson, today: string): AdaptiveCardJson {
    const cards = this.deps.cards;
    if (outcome.kind === 'no-review') {
      return cards.help(CHAT_COMMANDS);
    }
    const review = outcome.review;
    if (!isChair(review, actor)) {
      const notice = outcome.kind === 'refused' || review.status === 'in-progress' ? chairOnly(review, 'see and change the answers') : '';
      return cards.progress(review, notice);
    }
    switch (outcome.kind) {
      case 'invalid':
        return cards.forChair(review, { today, typed: outcome.typed, errors: outcome.errors, notice: userMessageFor('INVALID_INPUT') });
      case 'conflict':
        return cards.forChair(review, {
          today,
          typed: outcome.typed,
          notice: userMessageFor('VERSION_CONFLICT'),
        });
      case 'refused':
        return cards.forChair(review, { today, notice: outcome.message });
      case 'changed':
        return cards.forChair(review, {
          today,
          ...(outcome.typed ? { typed: outcome.typed } : {}),
          ...(review.status === 'signed-off' ? { notice: 'Minutes signed off.', noticeColor: 'Good' as const } : {}),
        });
      default:
        return cards.forChair(review, { today });
    }
  }

  private async postProgress(context: TurnContext, review: Review): Promise<void> {
    const sent = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(this.deps.cards.progress(review))] });
    if (sent?.id) await this.deps.actions.recordSharedCard(review, sent.id);
  }

  /** Everyone's view of the shared card follows the review; a failure here never loses the change. */
  private async updateProgress(context: TurnContext, review: Review, previous: Review): Promise<void> {
    if (!review.sharedCardActivityId) return;
    if (review.currentStep === previous.currentStep && review.status === previous.status && review.chair.teamsUserId === previous.chair.teamsUserId) return;
    try {
      await context.updateActivity({
        type: 'message',
        id: review.sharedCardActivityId,
        attachments: [CardFactory.adaptiveCard(this.deps.cards.progress(review))],
      });
    } catch (error) {
      this.deps.logger.log('warn', 'progress.update-failed', { reason: (error as Error).message });
    }
  }
}

function cardResponse(card: AdaptiveCardJson): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: CARD, value: card };
}

function errorResponse(code: ErrorCode, statusCode: number): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message: userMessageFor(code) } as never };
}

export function personOf(context: TurnContext): TeamsPerson {
  const from = context.activity.from;
  return { teamsUserId: from.id, name: from.name ?? 'Unknown', ...(from.aadObjectId ? { aadObjectId: canonicalEntraId(from.aadObjectId) } : {}) };
}

function tenantOf(context: TurnContext): string {
  const a = context.activity;
  return canonicalEntraId(a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? '');
}

function conversationOf(context: TurnContext): Conversation {
  return { id: context.activity.conversation.id, tenantId: tenantOf(context) };
}

/** Teams redelivers an activity with the same id; the key makes applying it idempotent. */
function activityKeyOf(context: TurnContext): string | null {
  const id = context.activity.id;
  return id ? `${context.activity.conversation.id}|${id}` : null;
}
