import { z } from 'zod';
import { deliveryPlan } from '../domain/minutes-delivery';
import { Attendee, Review, TeamsPerson } from '../domain/review/review';
import { isChair } from '../domain/review/review-machine';
import { FieldErrors, FormValues } from '../domain/review/step-forms';
import { reportEffect, resendEffect } from '../minutes-delivery/minutes-delivery-effects';
import { DeliveryStore, MinutesDelivery } from '../ports/delivery-store';
import { ReviewStore } from '../ports/review-store';
import { Conversation } from './review-actions';

/** The chair's resend of one recipient: an email address, or someone of the chat to reach in Teams. */
export interface Resend {
  readonly reviewId: string;
  readonly attendeeKey: string;
  readonly form: FormValues;
}

export type DeliveriesView =
  | { readonly kind: 'chair'; readonly review: Review; readonly deliveries: MinutesDelivery[]; readonly notice?: string; readonly typed?: FormValues; readonly errors?: FieldErrors }
  /** Anyone but the chair: the count only. */
  | { readonly kind: 'count'; readonly review: Review; readonly deliveries: MinutesDelivery[] }
  | { readonly kind: 'none' };

const email = z.email('Enter an email address, like name@example.org').max(254);

/**
 * The chair's view of how the minutes' deliveries go, and sending one again: load, check it is the
 * chair of this chat's review, decide the new send, record it with its effect; the outbox sends.
 */
export class MinutesDeliveries {
  constructor(
    private readonly reviews: ReviewStore,
    private readonly deliveries: DeliveryStore,
    private readonly effectsQueued: () => void = () => undefined,
  ) {}

  async view(conversation: Conversation, actor: TeamsPerson, reviewId: string): Promise<DeliveriesView> {
    const review = await this.signedOffHere(conversation, reviewId);
    if (!review) return { kind: 'none' };
    const deliveries = await this.deliveries.ofReview(review.id);
    return isChair(review, actor) ? { kind: 'chair', review, deliveries } : { kind: 'count', review, deliveries };
  }

  async resend(conversation: Conversation, actor: TeamsPerson, resend: Resend, now: string): Promise<DeliveriesView> {
    const review = await this.signedOffHere(conversation, resend.reviewId);
    if (!review) return { kind: 'none' };
    const current = await this.deliveries.ofReview(review.id);
    if (!isChair(review, actor)) return { kind: 'count', review, deliveries: current };
    const shown = (extra: { notice?: string; typed?: FormValues; errors?: FieldErrors }): DeliveriesView => ({ kind: 'chair', review, deliveries: current, ...extra });
    const delivery = current.find((d) => d.attendeeKey === resend.attendeeKey);
    const attendee = review.attendees.find((a) => a.key === resend.attendeeKey);
    if (!delivery || !attendee) return shown({ notice: 'That person is not among the recipients of these minutes.' });
    if (delivery.status === 'sent' || delivery.status === 'queued') return shown({ notice: `The minutes for ${delivery.name} are already ${delivery.status === 'sent' ? 'sent' : 'on their way'}.` });

    const reached = this.reachedBy(review, attendee, resend);
    if ('errors' in reached) return shown({ typed: resend.form, errors: reached.errors });
    const [recipient] = deliveryPlan({ ...review, attendees: [reached.attendee] }, { childLetters: delivery.version === 'child' ? [attendee.key] : [] });
    if (!recipient || recipient.channel === 'needs-chair') return shown({ typed: resend.form, errors: { [`email.${attendee.key}`]: recipient?.reason ?? 'They cannot be reached this way' } });
    const how = recipient.channel === 'teams' ? 'in Teams' : `by email to ${recipient.email}`;
    await this.deliveries.record(
      delivery.deliveryKey,
      { status: 'queued', channel: recipient.channel, error: `Sending again ${how}, as the chair asked` },
      now,
      [resendEffect(review, recipient), reportEffect(review.id, review.conversationId)],
    );
    this.effectsQueued();
    return { kind: 'chair', review, deliveries: await this.deliveries.ofReview(review.id), notice: `Sending the minutes to ${delivery.name} ${how}.` };
  }

  /** The attendee as the chair would now reach them: a new email, or a person of this chat in Teams. */
  private reachedBy(review: Review, attendee: Attendee, resend: Resend): { attendee: Attendee } | { errors: FieldErrors } {
    const typedEmail = (resend.form[`email.${attendee.key}`] ?? '').trim();
    const typedTeams = (resend.form[`teams.${attendee.key}`] ?? '').trim();
    if (typedEmail !== '') {
      const parsed = email.safeParse(typedEmail);
      if (!parsed.success) return { errors: { [`email.${attendee.key}`]: parsed.error.issues[0]!.message } };
      const { teams: _teams, ...rest } = attendee;
      return { attendee: { ...rest, email: parsed.data, receivesMinutes: true } };
    }
    if (typedTeams !== '') {
      // Looked up in the stored review: a card cannot name an arbitrary identity.
      const person = review.rosterOffered.find((p) => p.teamsUserId === typedTeams && p.aadObjectId);
      if (!person) return { errors: { [`teams.${attendee.key}`]: 'Choose someone from this chat' } };
      return { attendee: { ...attendee, teams: person, receivesMinutes: true } };
    }
    return { errors: { [`email.${attendee.key}`]: `Enter an email address for ${attendee.name}, or choose them in Teams` } };
  }

  /** A signed-off review of this chat. */
  private async signedOffHere(conversation: Conversation, reviewId: string): Promise<Review | undefined> {
    const review = await this.reviews.get(reviewId);
    return review && review.status === 'signed-off' && review.conversationId === conversation.id ? review : undefined;
  }
}

/** People of the chat who can be reached in Teams, for the chair to choose from. */
export function teamsChoicesOf(review: Review): Array<{ title: string; value: string }> {
  return review.rosterOffered.filter((p) => p.aadObjectId).map((p) => ({ title: p.name, value: p.teamsUserId }));
}
