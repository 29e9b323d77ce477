import { ReviewCards } from '../cards/review-cards';
import { EffectHandler } from '../outbox/outbox-dispatcher';
import { ConversationDirectory } from '../ports/conversation-directory';
import { EffectFailure } from '../ports/effect-failure';
import { Outbox } from '../ports/outbox';
import { ReviewStore } from '../ports/review-store';
import { ChatMessages } from './chat-messages';

/**
 * Brings the shared progress card in the chat up to date with the review as it is stored now (so an
 * effect performed late never shows an older state). Updating a message is idempotent. When a later
 * update of the same card is already queued, this one leaves the work to it: one update, not two.
 */
export function progressCardEffect(store: ReviewStore, outbox: Outbox, directory: ConversationDirectory, cards: ReviewCards, messages: ChatMessages): EffectHandler {
  return {
    pacedPerChat: true,
    repeatable: true,
    superseded: (effect) => outbox.hasLater(effect),
    async perform(effect) {
      const review = await store.get(effect.reviewId);
      if (!review?.sharedCardActivityId) return;
      const address = await directory.chat(review.conversationId);
      if (!address) throw new EffectFailure('NO_ADDRESS', 'the chat of this review is not known', { retryable: false });
      await messages.updateCard(address, review.sharedCardActivityId, cards.progress(review));
    },
  };
}
