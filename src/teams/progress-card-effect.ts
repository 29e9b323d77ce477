import { ReviewCards } from '../cards/review-cards';
import { Review } from '../domain/review/review';
import { EffectHandler } from '../outbox/outbox-dispatcher';
import { ConversationDirectory } from '../ports/conversation-directory';
import { EffectFailure } from '../ports/effect-failure';
import { ReviewStore } from '../ports/review-store';
import { ChatMessages } from './chat-messages';

/**
 * Brings the shared progress card in the chat up to date with the review as it is stored now (so an
 * older effect performed late never shows an older state). Updating a message is idempotent.
 */
export function progressCardEffect(store: ReviewStore, directory: ConversationDirectory, cards: ReviewCards, messages: ChatMessages): EffectHandler {
  return {
    pacedPerChat: true,
    async perform(effect) {
      let review = await store.get(effect.reviewId);
      if (!review?.sharedCardActivityId) return;
      const address = await directory.chat(review.conversationId);
      if (!address) throw new EffectFailure('NO_ADDRESS', 'the chat of this review is not known', { retryable: false });
      // Shown again while the review moved on during the update, so the last card shown is never an older state.
      for (let shown = 0; review?.sharedCardActivityId && shown < 3; shown++) {
        await messages.updateCard(address, review.sharedCardActivityId, cards.progress(review));
        const now: Review | undefined = await store.get(effect.reviewId);
        if (!now || now.version === review.version) return;
        review = now;
      }
    },
  };
}
