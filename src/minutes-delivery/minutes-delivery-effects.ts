import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ChildLetter, MinutesDocument } from '../documents/minutes-document';
import { childLetterOf, DeliveryChoices, deliveryPlan, minutesDocumentOf, Recipient } from '../domain/minutes-delivery';
import { Review } from '../domain/review/review';
import type { BookedMeeting } from '../domain/minutes-delivery/minutes-document-of';
import { NewDelivery } from '../ports/delivery-store';
import { EffectFailure } from '../ports/effect-failure';
import { NewEffect } from '../ports/outbox';

/** The effects of minutes delivery: plan the recipients of a signed-off review, then one send each. */
export const MINUTES_PLAN = 'minutes.plan';
export const MINUTES_TEAMS = 'minutes.teams';
export const MINUTES_EMAIL = 'minutes.email';
/** The meeting chat's one line on how many have been sent (and, for the chair, each delivery). */
export const MINUTES_REPORT = 'minutes.report';
/** A working day before the minutes are due: any delivery still not made is raised to the chair. */
export const MINUTES_DEADLINE = 'minutes.deadline';

/** What a send effect carries: the recipient as planned (the review itself is read when it is performed). */
export const deliveryPayload = z.object({
  deliveryKey: z.string().min(1),
  attendeeKey: z.string().min(1),
  name: z.string(),
  version: z.enum(['professionals', 'family', 'child']),
  childKey: z.string().optional(),
  email: z.string().optional(),
  teams: z.object({ aadObjectId: z.string().min(1), tenantId: z.string().min(1), teamsUserId: z.string() }).optional(),
  /** The email's idempotency key when it is not the delivery's: a resend to an address the chair gave. */
  emailKey: z.string().min(1).optional(),
});
export type DeliveryPayload = z.infer<typeof deliveryPayload>;

export function payloadOf(effect: { readonly payload: Readonly<Record<string, unknown>> }): DeliveryPayload {
  const parsed = deliveryPayload.safeParse(effect.payload);
  if (!parsed.success) throw new EffectFailure('PAYLOAD_INVALID', 'a minutes delivery effect without its recipient', { retryable: false });
  return parsed.data;
}

/**
 * Brings the meeting chat's report up to date: queued with every change of a delivery, each its
 * own key; the latest does the work of any still waiting (see the handler's `superseded`).
 */
export function reportEffect(reviewId: string, conversationId: string, key: string = randomUUID()): NewEffect {
  return { kind: MINUTES_REPORT, key: `${reviewId}:minutes:report:${key}`, reviewId, conversationId, payload: {} };
}

/** The one effect sign-off queues with the signed-off review: it plans and queues every delivery. */
export function minutesPlanEffect(review: Review): NewEffect {
  return { kind: MINUTES_PLAN, key: `${review.id}:minutes:plan`, reviewId: review.id, conversationId: review.conversationId, payload: {} };
}

function payloadFor(r: Recipient): DeliveryPayload {
  return {
    deliveryKey: r.deliveryKey,
    attendeeKey: r.attendeeKey,
    name: r.name,
    version: r.version,
    ...(r.childKey ? { childKey: r.childKey } : {}),
    ...(r.email ? { email: r.email } : {}),
    ...(r.teams ? { teams: r.teams } : {}),
  };
}

/** A send of one recipient again, after the chair gave an email or a Teams person: its own effect key. */
export function resendEffect(review: Review, r: Recipient): NewEffect {
  const payload = payloadFor(r);
  if (r.channel === 'teams') return { ...teamsEffect(review, payload), key: `${r.deliveryKey}:again:teams:${r.teams!.aadObjectId}` };
  const emailKey = `${r.deliveryKey}:to:${(r.email ?? '').toLowerCase()}`;
  return emailEffect(review.id, review.conversationId, { ...payload, emailKey }, false, emailKey);
}

/** The Teams send of one recipient: paced as a chat of its own (their 1:1 with the bot). */
export function teamsEffect(review: Review, payload: DeliveryPayload): NewEffect {
  return { kind: MINUTES_TEAMS, key: payload.deliveryKey, reviewId: review.id, conversationId: `personal:${payload.teams?.aadObjectId ?? payload.attendeeKey}`, payload };
}

/** The email of one recipient; `fallback` when it replaces a Teams send that could not happen. */
export function emailEffect(reviewId: string, conversationId: string, payload: DeliveryPayload, fallback = false, key?: string): NewEffect {
  return { kind: MINUTES_EMAIL, key: key ?? (fallback ? `${payload.deliveryKey}:email` : payload.deliveryKey), reviewId, conversationId, payload };
}

/** The check before the deadline, in the chair's own chat. */
export function deadlineEffect(review: Review, at: string): NewEffect {
  return { kind: MINUTES_DEADLINE, key: `${review.id}:minutes:deadline`, reviewId: review.id, conversationId: `personal:${review.chair.aadObjectId ?? review.chair.teamsUserId}`, payload: { at }, notBefore: at };
}

/** The delivery records and the effects that send them, for every recipient of a signed-off review. */
export function deliveriesOf(review: Review, choices: DeliveryChoices = {}, deadlineAt?: string): { deliveries: NewDelivery[]; effects: NewEffect[] } {
  const plan = deliveryPlan(review, choices);
  const deliveries = plan.map((r): NewDelivery => ({
    deliveryKey: r.deliveryKey,
    reviewId: review.id,
    attendeeKey: r.attendeeKey,
    name: r.name,
    channel: r.channel,
    version: r.version,
    status: r.channel === 'needs-chair' ? 'needs-chair' : 'queued',
    ...(r.reason ? { reason: r.reason } : {}),
  }));
  const effects = plan.flatMap((r) => {
    if (r.channel === 'teams') return [teamsEffect(review, payloadFor(r))];
    if (r.channel === 'email') return [emailEffect(review.id, review.conversationId, payloadFor(r))];
    return [];
  });
  // The first report, as planned: planning again queues it no more than the sends.
  return {
    deliveries,
    effects: [...effects, reportEffect(review.id, review.conversationId, 'planned'), ...(deadlineAt && plan.length > 0 ? [deadlineEffect(review, deadlineAt)] : [])],
  };
}

export type VersionDocument = { readonly kind: 'minutes'; readonly minutes: MinutesDocument } | { readonly kind: 'child'; readonly letter: ChildLetter };

/** The document a recipient is sent, made from the review as stored. */
export function documentFor(review: Review, payload: DeliveryPayload, booked?: BookedMeeting): VersionDocument {
  if (payload.version !== 'child') return { kind: 'minutes', minutes: minutesDocumentOf(review, payload.version, booked) };
  const child = review.setUp?.children.find((c) => c.key === payload.childKey);
  if (!child) throw new EffectFailure('CHILD_UNKNOWN', 'the child this letter is for is not in the review', { retryable: false });
  return { kind: 'child', letter: childLetterOf(review, child) };
}
