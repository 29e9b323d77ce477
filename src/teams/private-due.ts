import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { DueListOwner, dueListForOwner, dueListPlaceholder } from '../cards/private-due-cards';
import { AdaptiveCardJson } from '../cards/card-templates';
import { ReviewCards } from '../cards/review-cards';
import { TeamsPerson } from '../domain/review/review';
import { CaseAlerts } from '../use-cases/case-alerts';
import { Conversation } from '../use-cases/review-actions';

/**
 * `due` lists the caller's cases, their references and alerts: in a group chat that list must reach
 * the caller alone. There the bot posts a placeholder (the caller's name, no case) with a
 * user-specific view for the caller; the list itself is only ever an invoke answer to the caller.
 * In a personal chat (the caller and the bot) the list is posted directly.
 */
export interface PrivateDueDependencies {
  readonly alerts: CaseAlerts;
  readonly cards: ReviewCards;
}

/** The refresh (or button) of a due placeholder (verb DUE_SHOW_VERB): whose list it is, as the card says; who asks comes from Teams. */
export const dueShowPayload: z.ZodType<DueListOwner> = z
  .object({ forUserId: z.string().min(1).max(1024), forName: z.string().max(256) })
  .transform((d) => ({ teamsUserId: d.forUserId, name: d.forName }));

/** Only the caller and the bot are in a personal chat. */
export function isPersonalChat(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}

/** What to post when `due` is typed. */
export async function dueCardForMessage(deps: PrivateDueDependencies, context: TurnContext, conversation: Conversation, caller: TeamsPerson, today: string): Promise<AdaptiveCardJson> {
  if (!isPersonalChat(context)) return dueListPlaceholder(caller);
  return deps.cards.due(await deps.alerts.due(conversation, caller, today), today);
}

/** The answer to a placeholder's refresh: the list to its owner (checked against Teams' identity), the placeholder to anyone else. */
export async function dueCardForRefresh(deps: PrivateDueDependencies, conversation: Conversation, invoker: TeamsPerson, owner: DueListOwner, today: string): Promise<AdaptiveCardJson> {
  if (invoker.teamsUserId !== owner.teamsUserId) return dueListPlaceholder(owner);
  return dueListForOwner(deps.cards.due(await deps.alerts.due(conversation, invoker, today), today), invoker);
}

/** A due list answered to a press on it (acknowledging an alert) stays the presser's own view in a group chat. */
export function keptPrivate(context: TurnContext, dueList: AdaptiveCardJson, presser: TeamsPerson): AdaptiveCardJson {
  return isPersonalChat(context) ? dueList : dueListForOwner(dueList, presser);
}
