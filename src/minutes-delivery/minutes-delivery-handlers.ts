import { renderChildLetterPdf, renderMinutesPdf } from '../documents/minutes-pdf';
import { DeliveryChoices } from '../domain/minutes-delivery';
import { Review } from '../domain/review/review';
import { EffectHandler } from '../outbox/outbox-dispatcher';
import { DEFAULT_RETRY_POLICY, RetryPolicy, givesUp } from '../outbox/retry-policy';
import { bookedMeetingOf } from '../booking-effects/booked-meeting';
import { BookingStore } from '../ports/booking-store';
import { ConversationDirectory } from '../ports/conversation-directory';
import { DeliveryStore } from '../ports/delivery-store';
import { EffectFailure } from '../ports/effect-failure';
import { MailSender } from '../ports/mail-sender';
import { StoredEffect } from '../ports/outbox';
import { ReviewStore } from '../ports/review-store';
import { TeamsAppInstaller } from '../ports/teams-app-installer';
import type { PersonalChats } from '../teams/personal-chat';
import { minutesDeadlineCard } from '../cards/minutes-report-cards';
import { childLetterCard, minutesCard } from './minutes-card';
import { DeliveryPayload, VersionDocument, deliveriesOf, documentFor, emailEffect, payloadOf, reportEffect } from './minutes-delivery-effects';
import { minutesEmail } from './minutes-email';

export interface MinutesDeliveryDependencies {
  readonly reviews: Pick<ReviewStore, 'get'>;
  readonly deliveries: DeliveryStore;
  readonly now: () => string;
  /** The dispatcher's policy: the attempt it gives up after is recorded as failed. */
  readonly retry?: RetryPolicy;
  /** The next meeting's bookings: the minutes carry its Teams link. */
  readonly bookings?: Pick<BookingStore, 'get'>;
}

/** 'minutes.plan': plans the recipients of a signed-off review and queues each delivery (idempotent). */
export function minutesPlanHandler(
  deps: MinutesDeliveryDependencies & { readonly choicesOf?: (review: Review) => DeliveryChoices; readonly deadlineCheckAt?: (review: Review) => string | undefined },
): EffectHandler {
  return {
    pacedPerChat: false,
    async perform(effect) {
      const review = await signedOff(deps, effect);
      const { deliveries, effects } = deliveriesOf(review, deps.choicesOf?.(review) ?? {}, deps.deadlineCheckAt?.(review));
      await deps.deliveries.queue(deliveries, effects, deps.now());
    },
  };
}

/** 'minutes.teams': the recipient's version as a card in their 1:1 chat; email (or the chair) when Teams cannot. */
export function minutesTeamsHandler(
  deps: MinutesDeliveryDependencies & { readonly chats: PersonalChats; readonly directory: ConversationDirectory; readonly installer?: TeamsAppInstaller },
): EffectHandler {
  return {
    pacedPerChat: true,
    async perform(effect) {
      const payload = payloadOf(effect);
      if (await alreadySent(deps, payload)) return;
      const review = await signedOff(deps, effect);
      if (!payload.teams) throw new EffectFailure('PAYLOAD_INVALID', 'a Teams delivery without a Teams identity', { retryable: false });
      const chat = await deps.directory.chat(review.conversationId);
      const user = { ...payload.teams, name: payload.name, serviceUrl: chat?.serviceUrl ?? '' };
      const document = documentFor(review, payload, await bookedMeetingOf(deps.bookings, review, effect.attempts));
      const card = document.kind === 'minutes' ? minutesCard(document.minutes) : childLetterCard(document.letter);
      const summary = document.kind === 'minutes' ? document.minutes.title : `A letter for ${document.letter.firstName}`;
      const send = () => deps.chats.sendCard(user, card, summary);
      try {
        try {
          await send();
        } catch (error) {
          if (!(error instanceof EffectFailure) || error.code !== 'NOT_INSTALLED' || !deps.installer) throw error;
          // Install the app for them (Graph), then try once more.
          await installOrNotInstalled(deps.installer, payload.teams.aadObjectId);
          await send();
        }
      } catch (error) {
        if (error instanceof EffectFailure && error.code === 'NOT_INSTALLED') return fallBack(deps, review, payload);
        throw await recordFailure(deps, review, effect, payload, 'teams', error);
      }
      await deps.deliveries.record(payload.deliveryKey, { status: 'sent', channel: 'teams' }, deps.now(), reported(review));
    },
  };
}

/** 'minutes.email': the version as a PDF attachment, with the delivery key as the email's idempotency key. */
export function minutesEmailHandler(deps: MinutesDeliveryDependencies & { readonly mail: MailSender }): EffectHandler {
  return {
    pacedPerChat: false,
    async perform(effect) {
      const payload = payloadOf(effect);
      if (await alreadySent(deps, payload)) return;
      const review = await signedOff(deps, effect);
      if (!payload.email) {
        await deps.deliveries.record(payload.deliveryKey, { status: 'needs-chair', error: `No email address for ${payload.name}: add one` }, deps.now(), reported(review));
        return;
      }
      const booked = await bookedMeetingOf(deps.bookings, review, effect.attempts);
      try {
        const document = documentFor(review, payload, booked);
        const pdf = await pdfOf(document);
        await deps.mail.send(minutesEmail({ deliveryKey: payload.emailKey ?? payload.deliveryKey, to: { name: payload.name, address: payload.email }, pdf, document }));
      } catch (error) {
        throw await recordFailure(deps, review, effect, payload, 'email', error);
      }
      await deps.deliveries.record(payload.deliveryKey, { status: 'sent', channel: 'email' }, deps.now(), reported(review));
    },
  };
}

function pdfOf(document: VersionDocument): Promise<Buffer> {
  return document.kind === 'minutes' ? renderMinutesPdf(document.minutes) : renderChildLetterPdf(document.letter);
}

async function installOrNotInstalled(installer: TeamsAppInstaller, aadObjectId: string): Promise<void> {
  try {
    await installer.installForUser(aadObjectId);
  } catch (error) {
    // A refusal that will not change (no permission, app not in the catalog): as good as not installed.
    if (error instanceof EffectFailure && !error.retryable) {
      throw new EffectFailure('NOT_INSTALLED', `The app could not be installed for this person (${error.code})`, { retryable: false });
    }
    throw error;
  }
}

/** Teams cannot reach them: their email instead, or the chair when they have none. */
async function fallBack(deps: MinutesDeliveryDependencies, review: Review, payload: DeliveryPayload): Promise<void> {
  const now = deps.now();
  if (payload.email) {
    // The email is queued with the record of the move to it, in one transaction.
    await deps.deliveries.record(
      payload.deliveryKey,
      { status: 'queued', channel: 'email', error: 'Not reachable in Teams (the app is not installed for them): sending by email' },
      now,
      [emailEffect(review.id, review.conversationId, payload, true), ...reported(review)],
    );
    return;
  }
  await deps.deliveries.record(
    payload.deliveryKey,
    { status: 'needs-chair', error: `${payload.name} cannot be reached in Teams (the app is not installed for them) and has no email address: add one` },
    now,
    reported(review),
  );
}

async function recordFailure(deps: MinutesDeliveryDependencies, review: Review, effect: StoredEffect, payload: DeliveryPayload, channel: 'teams' | 'email', error: unknown): Promise<unknown> {
  const failure = error instanceof EffectFailure ? error : undefined;
  const detail = failure ? `${failure.code}: ${failure.message}` : `UNEXPECTED: ${(error as Error)?.message ?? String(error)}`;
  const final = (failure && !failure.retryable) || givesUp(deps.retry ?? DEFAULT_RETRY_POLICY, effect.attempts + 1);
  await deps.deliveries.record(payload.deliveryKey, final ? { status: 'failed', error: detail } : { status: 'queued', channel, error: detail }, deps.now(), final ? reported(review) : []);
  return error;
}

/** The meeting chat's report follows every change of a delivery (queued with the record, in one transaction). */
function reported(review: Review) {
  return [reportEffect(review.id, review.conversationId)];
}

/** Sent, or waiting for the chair (who sends it again with a new effect): a redelivered effect does nothing. */
async function alreadySent(deps: MinutesDeliveryDependencies, payload: DeliveryPayload): Promise<boolean> {
  const status = (await deps.deliveries.get(payload.deliveryKey))?.status;
  return status === 'sent' || status === 'needs-chair';
}

async function signedOff(deps: MinutesDeliveryDependencies, effect: StoredEffect): Promise<Review> {
  const review = await deps.reviews.get(effect.reviewId);
  if (!review) throw new EffectFailure('REVIEW_UNKNOWN', 'the review of these minutes is not stored', { retryable: false });
  if (review.status !== 'signed-off') throw new EffectFailure('NOT_SIGNED_OFF', 'minutes are sent only once signed off', { retryable: false });
  return review;
}

/**
 * 'minutes.deadline': a working day before the minutes are due, any delivery still not made is
 * raised to the chair in their 1:1 chat, with what to do. Nothing when all were sent. The bot's own
 * clock decides it is time (the outbox only holds it back until then).
 */
export function minutesDeadlineHandler(
  deps: MinutesDeliveryDependencies & { readonly chats: PersonalChats; readonly directory: ConversationDirectory },
): EffectHandler {
  return {
    pacedPerChat: true,
    async perform(effect) {
      const review = await signedOff(deps, effect);
      const at = typeof effect.payload.at === 'string' ? effect.payload.at : undefined;
      const now = deps.now();
      if (at && now < at) {
        throw new EffectFailure('NOT_YET', 'the check before the deadline is not due yet', { retryable: true, mayHaveHappened: false, retryAfterMs: Date.parse(at) - Date.parse(now) });
      }
      const unsent = (await deps.deliveries.ofReview(review.id)).filter((d) => d.status !== 'sent');
      // Raised: those that failed, wait for the chair, or are being tried again; those not yet tried are given time.
      const stuck = unsent.filter((d) => d.status !== 'queued' || d.attempts > 0);
      if (stuck.length === 0 && unsent.length > 0) {
        throw new EffectFailure('NOT_YET', 'deliveries not yet tried', { retryable: true, mayHaveHappened: false, retryAfterMs: 10 * 60_000 });
      }
      if (stuck.length === 0) return;
      const chair = review.chair;
      if (!chair.aadObjectId) throw new EffectFailure('CHAIR_UNREACHABLE', 'the chair has no Entra id to be written to', { retryable: false });
      const chat = await deps.directory.chat(review.conversationId);
      const user = { tenantId: review.tenantId, aadObjectId: chair.aadObjectId.toLowerCase(), teamsUserId: chair.teamsUserId, name: chair.name, serviceUrl: chat?.serviceUrl ?? '' };
      await deps.chats.sendCard(user, minutesDeadlineCard(review, stuck), 'Minutes not yet delivered to everyone');
    },
  };
}
