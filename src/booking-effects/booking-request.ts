import { BookingPerson, bookNext } from '../domain/booking/booking';
import { audienceOf } from '../domain/booking/invitee-audience';
import { Review } from '../domain/review/review';
import type { EffectHandler } from '../outbox/outbox-dispatcher';
import type { BookingStore } from '../ports/booking-store';
import { EffectFailure } from '../ports/effect-failure';
import type { NewEffect } from '../ports/outbox';
import type { ReviewStore } from '../ports/review-store';

/**
 * 'booking.request': sign-off queues it with the signed-off review (one transaction); performed, it
 * makes the booking the review recorded (nextMeeting.booking) and queues the booking's own effects
 * (the calendar event, the invitations), again in one transaction. Repeating it is harmless: the
 * booking's key is the review's, so a second create finds it there ('exists') and queues nothing.
 */
export const BOOKING_REQUEST = 'booking.request';

export function bookingRequestEffect(review: Review): NewEffect {
  return { kind: BOOKING_REQUEST, key: `${review.id}:booking:request`, reviewId: review.id, conversationId: review.conversationId, payload: {} };
}

/**
 * Who is invited: every attendee with an email address, except anyone whose contact details are not
 * to be shared (an invitation shows every invitee's address to the others): the chair tells them.
 */
export function inviteesOf(review: Review): BookingPerson[] {
  return review.attendees.filter((a) => a.email.trim() !== '').map((a) => ({ name: a.name, email: a.email.trim(), audience: audienceOf(a) }));
}



export interface BookingRequestDependencies {
  readonly reviews: Pick<ReviewStore, 'get'>;
  readonly bookings: Pick<BookingStore, 'get' | 'create'>;
  readonly now: () => string;
  /** Told when the booking's effects were queued, so the dispatcher takes them now. */
  readonly queued?: () => void;
}

export function bookingRequestHandler(deps: BookingRequestDependencies): EffectHandler {
  return {
    pacedPerChat: false,
    async perform(effect) {
      const review = await deps.reviews.get(effect.reviewId);
      if (!review) throw new EffectFailure('REVIEW_UNKNOWN', 'the review this booking is for is not stored', { retryable: false });
      const asked = review.status === 'signed-off' ? review.nextMeeting?.booking : undefined;
      if (!asked) return;
      if (await deps.bookings.get(asked.bookingKey)) return;
      const decision = bookNext({
        tenantId: review.tenantId,
        reviewId: review.id,
        conversationId: review.conversationId,
        caseReferences: (review.setUp?.children ?? []).map((c) => c.caseReference),
        organiser: asked.organiser,
        start: asked.start,
        end: asked.end,
        online: asked.online,
        location: asked.location,
        attendees: inviteesOf(review),
        now: deps.now(),
      });
      if (decision.kind === 'refused') {
        throw new EffectFailure('BOOKING_REFUSED', `The next meeting could not be booked: ${decision.reason}`, { retryable: false });
      }
      if ((await deps.bookings.create(decision.booking, decision.effects)) === 'created') deps.queued?.();
    },
  };
}
