import { TurnContext } from 'botbuilder';
import { AdaptiveCardJson } from '../cards/card-templates';
import { ReviewCards } from '../cards/review-cards';
import { Review, TeamsPerson } from '../domain/review/review';
import { isChair } from '../domain/review/review-machine';
import { isPersonalChat } from './private-due';

/**
 * `resume` once the last review here is signed off: its minutes reach its chair alone. In a group
 * chat the bot posts one line with a user-specific view that is the minutes for the chair (Teams
 * applies it by itself; elsewhere its button does); the minutes are only ever an invoke answer to the
 * chair. In a personal chat with the chair the minutes are posted directly.
 */
export function lastMinutesCard(cards: ReviewCards, context: TurnContext, review: Review, caller: TeamsPerson, today: string): AdaptiveCardJson {
  if (isPersonalChat(context) && isChair(review, caller)) return cards.forChair(review, { today });
  return cards.lastMinutesForChair(review);
}
