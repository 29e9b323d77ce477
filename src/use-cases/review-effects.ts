import { bookingRequestEffect } from '../booking-effects/booking-request';
import { Review } from '../domain/review/review';
import { ReviewEvent } from '../domain/review/review-events';
import { caseFileOfferEffect } from '../minutes-delivery/case-file-effects';
import { minutesPlanEffect } from '../minutes-delivery/minutes-delivery-effects';
import { NewEffect } from '../ports/outbox';

/** The shared progress card in the chat follows the review: its step, its chair, whether it is finished. */
export const PROGRESS_CARD_UPDATE = 'progress-card.update';

const SHOWN_ON_PROGRESS: ReadonlySet<ReviewEvent['type']> = new Set(['moved', 'chair-handed-over', 'signed-off', 'cancelled']);

/** What must happen outside the turn because of these events: queued with the review, in one transaction. */
export function effectsOf(review: Review, events: readonly ReviewEvent[]): NewEffect[] {
  const effects: NewEffect[] = [];
  if (events.some((e) => SHOWN_ON_PROGRESS.has(e.type))) {
    effects.push({
      kind: PROGRESS_CARD_UPDATE,
      key: `${review.id}:progress:${review.version}`,
      reviewId: review.id,
      conversationId: review.conversationId,
      payload: { version: review.version },
    });
  }
  // Signed off: the minutes go to their recipients (planned, then one send each, by the outbox).
  if (events.some((e) => e.type === 'signed-off')) {
    effects.push(minutesPlanEffect(review));
    // The chair's case file (the professionals' PDF), offered in their 1:1 chat: Teams starts one only with an Entra id.
    if (review.chair.aadObjectId) effects.push(caseFileOfferEffect(review, 'sign-off'));
  }
  // Signed off with a next meeting to book: the booking is made from the signed-off record.
  if (events.some((e) => e.type === 'signed-off') && review.nextMeeting?.booking) effects.push(bookingRequestEffect(review));
  return effects;
}
