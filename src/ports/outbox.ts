/** An effect to perform outside the turn, stored in the same transaction as the change that caused it. */
export interface NewEffect {
  readonly kind: string;
  /** Unique: the same key is the same effect, queued once and performed once. */
  readonly key: string;
  readonly reviewId: string;
  /** The chat it concerns: sends to one chat are paced within Teams' limits. */
  readonly conversationId: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Not to be performed before this instant (a check a day before a deadline); now when absent. */
  readonly notBefore?: string;
}

export type EffectStatus = 'pending' | 'done' | 'failed';

export interface StoredEffect extends NewEffect {
  readonly id: string;
  readonly status: EffectStatus;
  readonly attempts: number;
  readonly createdAt: string;
  /** Its place among the effects queued in the same transaction (which share createdAt). */
  readonly seq: number;
  readonly notBefore: string;
  readonly doneAt: string | null;
  readonly lastError: string | null;
}

/**
 * The stored queue of effects. Taking an effect leases it to one dispatcher until the lease ends, so
 * several bot processes on one database never perform the same effect at once; a lease left by a
 * process that died runs out and the effect is taken again.
 */
export interface Outbox {
  /** Leases up to `limit` pending effects due by `now` that nobody holds. */
  take(owner: string, now: string, leaseUntil: string, limit: number): Promise<StoredEffect[]>;
  /** Done. False when the lease was lost (someone else holds it now). */
  complete(id: string, owner: string, now: string): Promise<boolean>;
  /** Several done, in one write; the ids whose lease was still ours. */
  completeMany(ids: readonly string[], owner: string, now: string): Promise<string[]>;
  /** Not done: try again from `notBefore`; `attempted` counts it as an attempt (a pacing delay does not). */
  retryAt(id: string, owner: string, notBefore: string, attempted: boolean, error: string): Promise<void>;
  /** Given up on: it will not be tried again. */
  fail(id: string, owner: string, now: string, error: string): Promise<void>;
  /** When the earliest pending effect falls due, if any. */
  nextDue(): Promise<string | undefined>;
  /**
   * Whether an effect of the same kind for the same review was queued after this one (and not given
   * up on); `pendingOnly`: and is still to be performed.
   */
  hasLater(effect: StoredEffect, options?: { readonly pendingOnly?: boolean }): Promise<boolean>;
  /** Every effect of a review, oldest first. */
  ofReview(reviewId: string): Promise<StoredEffect[]>;
}

/**
 * Queues effects outside a review's own write: a chair asking for a case file again, Teams handing
 * over an upload, a performed effect that leads to the next. Queueing the same key twice is once.
 */
export interface EffectQueue {
  queue(effects: readonly NewEffect[], now: string): Promise<void>;
}
