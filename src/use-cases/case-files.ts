import { createHash, randomUUID } from 'node:crypto';
import { Review, TeamsPerson } from '../domain/review/review';
import { isChair } from '../domain/review/review-machine';
import { CaseFileContext, UploadInfo, caseFileOfferEffect, caseFileUploadEffect } from '../minutes-delivery/case-file-effects';
import { EffectQueue } from '../ports/outbox';
import { ReviewStore } from '../ports/review-store';
import { Conversation } from './review-actions';

/** How many signed-off reviews `minutes` lists: the recent ones a chair would want again. */
export const RECENT_CASE_FILES = 10;

export type CaseFileRefusal = 'CASE_FILE_NOT_FOUND' | 'NOT_CASE_FILE_CHAIR';
export type CaseFileCheck = { readonly ok: true; readonly review: Review } | { readonly ok: false; readonly code: CaseFileRefusal };

/**
 * The chair's case file (the professionals' minutes as a PDF) after sign-off: listed by `minutes`,
 * offered again on request, uploaded once the chair accepts. Only the review's chair, in its tenant,
 * may have it: who asks always comes from Teams, never from the card.
 */
export class CaseFiles {
  constructor(
    private readonly store: Pick<ReviewStore, 'get' | 'signedOffChairedBy'>,
    private readonly effects: EffectQueue,
    /** Told when effects were queued, so the dispatcher need not wait for its next poll. */
    private readonly effectsQueued: () => void = () => undefined,
  ) {}

  /** The caller's signed-off reviews, newest first: those of this chat, or all of theirs (from their 1:1 chat). */
  recent(conversation: Conversation, caller: TeamsPerson, where: 'this-chat' | 'everywhere'): Promise<Review[]> {
    return this.store.signedOffChairedBy({
      tenantId: conversation.tenantId,
      chair: caller,
      limit: RECENT_CASE_FILES,
      ...(where === 'this-chat' ? { conversationId: conversation.id } : {}),
    });
  }

  /** Whether the caller may have this review's case file: signed off, in their tenant, and they chaired it. */
  async check(conversation: Conversation, caller: TeamsPerson, reviewId: string): Promise<CaseFileCheck> {
    const review = await this.store.get(reviewId);
    if (!review || review.tenantId !== conversation.tenantId || review.status !== 'signed-off') return { ok: false, code: 'CASE_FILE_NOT_FOUND' };
    if (!isChair(review, caller)) return { ok: false, code: 'NOT_CASE_FILE_CHAIR' };
    return { ok: true, review };
  }

  /** "Send the case file again": a new file consent card in the chair's 1:1 chat; one per press, however often Teams delivers it. */
  async offerAgain(conversation: Conversation, caller: TeamsPerson, reviewId: string, activityKey: string | null, now: string): Promise<CaseFileCheck> {
    const checked = await this.check(conversation, caller, reviewId);
    if (!checked.ok) return checked;
    const offerId = activityKey === null ? randomUUID() : createHash('sha256').update(activityKey).digest('hex').slice(0, 32);
    await this.effects.queue([caseFileOfferEffect(checked.review, offerId)], now);
    this.effectsQueued();
    return checked;
  }

  /** The chair accepted an offer: its one upload is queued (a redelivered accept queues nothing more). */
  async accept(conversation: Conversation, caller: TeamsPerson, offer: CaseFileContext, upload: UploadInfo, now: string): Promise<CaseFileCheck> {
    const checked = await this.check(conversation, caller, offer.reviewId);
    if (!checked.ok) return checked;
    await this.effects.queue([caseFileUploadEffect(checked.review, offer.offerId, upload)], now);
    this.effectsQueued();
    return checked;
  }
}
