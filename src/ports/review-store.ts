import { CaseReview, CaseSummary } from '../domain/cases/case-review';
import { Review, TeamsPerson } from '../domain/review/review';
import { NewEffect } from './outbox';

export type { CaseReview, CaseSummary };

export type SaveResult = 'saved' | 'conflict' | 'duplicate';
export type CreateResult = 'created' | 'duplicate' | 'already-open';

/**
 * Where reviews live. Every write is atomic with marking the Teams activity that caused it as
 * applied, so a redelivered activity is applied once; a version check refuses a stale write.
 */
export interface ReviewStore {
  /** The review in progress in this conversation, if any. */
  findOpen(conversationId: string): Promise<Review | undefined>;
  get(reviewId: string): Promise<Review | undefined>;
  /** The review of this conversation that finished (signed off or cancelled) most recently, if any. */
  latestFinished(conversationId: string): Promise<Review | undefined>;
  /** The review an activity already changed or created, if that activity was applied. */
  appliedBy(activityKey: string): Promise<string | undefined>;
  /** 'already-open' when the conversation has a review in progress. The effects are queued in the same transaction. */
  create(review: Review, activityKey: string, effects?: readonly NewEffect[]): Promise<CreateResult>;
  /** Store `review` in place of the version `expectedVersion`, and queue its effects, in one transaction. */
  save(review: Review, expectedVersion: number, activityKey: string | null, effects?: readonly NewEffect[]): Promise<SaveResult>;
  /** Remember the shared progress message posted in the chat. Not a change to the review: no new version. */
  recordSharedCard(reviewId: string, activityId: string): Promise<void>;
  /** The most recently signed-off review that covered this case. */
  lastSignedOffForCase(tenantId: string, caseReference: string): Promise<Review | undefined>;
  /**
   * The signed-off reviews this person chaired, in this tenant (and this chat, when given), the most
   * recently signed off first: what `minutes` lists, so the chair can have a case file again.
   */
  signedOffChairedBy(filter: { tenantId: string; chair: TeamsPerson; conversationId?: string; limit: number }): Promise<Review[]>;
  /** Every review of these cases: the history a review's timescales count from. */
  caseReviews(filter: { tenantId: string; caseReferences: readonly string[] }): Promise<CaseReview[]>;
  /** One summary a case: for `due` (the cases one chair chaired last), set-up's memory of a case, and the daily scan (all). */
  caseSummaries(filter: { tenantId?: string; chairKey?: string; caseReferences?: readonly string[] }): Promise<CaseSummary[]>;
  /** Records that `by` acted on a case's drift alert (idempotent: a second record of the same alert is kept as the first). */
  acknowledgeAlert(tenantId: string, caseReference: string, alert: { id: string; due: string }, by: TeamsPerson, at: string): Promise<void>;
  close(): Promise<void>;
}
