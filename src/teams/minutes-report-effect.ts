import { minutesReportCard, reportLine } from '../cards/minutes-report-cards';
import { EffectHandler } from '../outbox/outbox-dispatcher';
import { ConversationDirectory } from '../ports/conversation-directory';
import { DeliveryStore } from '../ports/delivery-store';
import { EffectFailure } from '../ports/effect-failure';
import { Outbox } from '../ports/outbox';
import { ReviewStore } from '../ports/review-store';
import { ChatMessages } from './chat-messages';

/** The planned report (queued with the deliveries) is the one that posts the message. */
export const isPlannedReport = (key: string) => key.endsWith(':minutes:report:planned');

/**
 * The meeting chat's one message about the minutes ("Minutes sent to 7 of 8 attendees."): posted
 * by the planned report, then updated by the report each change of a delivery queues, to the
 * deliveries as stored now; an unchanged line is not sent again. Two reports read at different
 * moments may write in the other order: each reads the deliveries again after writing, and tries
 * again while what it wrote is not what they say. A process that dies between posting and
 * recording the message posts it again.
 */
export function minutesReportEffect(
  reviews: Pick<ReviewStore, 'get'>,
  deliveries: DeliveryStore,
  outbox: Pick<Outbox, 'hasLater'>,
  directory: ConversationDirectory,
  messages: ChatMessages,
  now: () => string,
): EffectHandler {
  return {
    pacedPerChat: true,
    // A later report still to be performed reads the deliveries after this one would: it does the work.
    superseded: (effect) => outbox.hasLater(effect, { pendingOnly: true }),
    async perform(effect) {
      const review = await reviews.get(effect.reviewId);
      if (!review) throw new EffectFailure('REVIEW_UNKNOWN', 'the review of these minutes is not stored', { retryable: false });
      const address = await directory.chat(review.conversationId);
      if (!address) throw new EffectFailure('NO_ADDRESS', 'the chat of this review is not known', { retryable: false });
      const list = await deliveries.ofReview(review.id);
      const line = reportLine(list);
      const posted = await deliveries.reportMessage(review.id);
      if (!posted) {
        // Only the planned report posts; it reads the deliveries when it does, and checks again after.
        if (!isPlannedReport(effect.key)) return;
        const activityId = await messages.postCard(address, minutesReportCard(review, list), line);
        await deliveries.recordReportMessage(review.id, { activityId, line }, now());
      } else if (posted.line !== line) {
        await messages.updateCard(address, posted.activityId, minutesReportCard(review, list));
        await deliveries.recordReportMessage(review.id, { activityId: posted.activityId, line }, now());
      }
      if (reportLine(await deliveries.ofReview(review.id)) !== line) {
        throw new EffectFailure('REPORT_OUT_OF_DATE', 'the deliveries changed while reporting', { retryable: true, mayHaveHappened: true, retryAfterMs: 200 });
      }
    },
  };
}
