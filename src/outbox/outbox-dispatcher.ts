import { randomUUID } from 'node:crypto';
import { Logger } from '../logging/logger';
import { EffectFailure } from '../ports/effect-failure';
import { Outbox, StoredEffect } from '../ports/outbox';
import { ChatSendPace } from './chat-send-pace';
import { DEFAULT_RETRY_POLICY, RetryPolicy, givesUp, retryDelayMs } from './retry-policy';

/** Performs one kind of effect. Throws EffectFailure (or anything: treated as retryable) when it did not happen. */
export interface EffectHandler {
  perform(effect: StoredEffect): Promise<void>;
  /** Sends into a Teams chat: paced per chat within Teams' limits. */
  readonly pacedPerChat: boolean;
  /**
   * Performing it again does no harm (updating a card to the stored state): its completion is then
   * recorded with the rest of its batch, in one write. Anything else is recorded the moment it is done.
   */
  readonly repeatable?: boolean;
  /** A later effect will do this one's work (a newer update of the same card): it is then done without a send, and without using the chat's pace. */
  superseded?(effect: StoredEffect): Promise<boolean>;
}

export interface DispatcherOptions {
  readonly outbox: Outbox;
  /** Who performs which effect: one registration per kind. */
  readonly handlers: Readonly<Record<string, EffectHandler>>;
  readonly logger: Logger;
  /** How long a taken effect stays ours; it must outlast one call's time limit. */
  readonly leaseMs?: number;
  /** Time limit of one call to the other side. */
  readonly callTimeoutMs?: number;
  /** How often to look for effects that fell due, when nothing wakes the dispatcher sooner. */
  readonly pollMs?: number;
  /** Effects performed at once. */
  readonly concurrency?: number;
  readonly retry?: RetryPolicy;
  /**
   * A send a chat's pace holds back by at most this long waits in the process, still leased, rather
   * than being given back to the outbox (a write, an fsync on SQLite) and taken again. 0: always given back.
   */
  readonly maxPacedWaitMs?: number;
  readonly clock?: () => number;
  readonly random?: () => number;
}

/**
 * Takes effects from the outbox and performs them, outside any turn: each under a lease, with a
 * time limit, paced per chat, retried with backoff and jitter (honouring Retry-After), given up
 * after the policy's attempts. Safe beside other dispatchers on the same database.
 */
export class OutboxDispatcher {
  readonly owner = `dispatcher-${randomUUID()}`;
  private readonly pace = new ChatSendPace();
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private readonly o: Required<Omit<DispatcherOptions, 'outbox' | 'handlers' | 'logger'>>;

  constructor(private readonly options: DispatcherOptions) {
    this.o = {
      leaseMs: options.leaseMs ?? 60_000,
      callTimeoutMs: options.callTimeoutMs ?? 10_000,
      pollMs: options.pollMs ?? 1000,
      concurrency: options.concurrency ?? 8,
      retry: options.retry ?? DEFAULT_RETRY_POLICY,
      maxPacedWaitMs: Math.min(options.maxPacedWaitMs ?? 0, Math.floor((options.leaseMs ?? 60_000) / 4)),
      clock: options.clock ?? Date.now,
      random: options.random ?? Math.random,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops taking effects and waits for those in hand. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** Something was queued: look now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Takes what is due and performs it; how many were taken. */
  async runOnce(): Promise<number> {
    const now = this.o.clock();
    const taken = await this.options.outbox.take(this.owner, iso(now), iso(now + this.o.leaseMs), this.o.concurrency);
    // One chat's effects in the order they were queued; different chats at once.
    const byChat = new Map<string, StoredEffect[]>();
    for (const effect of taken) byChat.set(effect.conversationId, [...(byChat.get(effect.conversationId) ?? []), effect]);
    const repeatableDone: Array<{ effect: StoredEffect; ms: number }> = [];
    await Promise.all([...byChat.values()].map(async (effects) => {
      for (const effect of effects) await this.perform(effect, repeatableDone);
    }));
    if (repeatableDone.length > 0) {
      const kept = new Set(await this.options.outbox.completeMany(repeatableDone.map((d) => d.effect.id), this.owner, iso(this.o.clock())));
      for (const { effect, ms } of repeatableDone) this.logDone(effect, kept.has(effect.id), ms);
    }
    return taken.length;
  }

  private logDone(effect: StoredEffect, kept: boolean, ms: number): void {
    const ids = { effectId: effect.id, kind: effect.kind, reviewId: effect.reviewId };
    this.options.logger.log(kept ? 'info' : 'warn', kept ? 'effect.done' : 'effect.lease-lost', { ...ids, attempts: effect.attempts + 1, ms });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let taken = 0;
      try {
        this.woken = false;
        taken = await this.runOnce();
      } catch (error) {
        this.options.logger.log('error', 'outbox.failed', { code: 'UNEXPECTED', error: (error as Error).message });
      }
      if (taken === 0 && !this.woken && this.running) await this.sleep(await this.untilNextDue());
      // Turns waiting on the network (a chair's press) go first: effects happen outside the turn.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private async untilNextDue(): Promise<number> {
    try {
      const due = await this.options.outbox.nextDue();
      if (due === undefined) return this.o.pollMs;
      return Math.min(this.o.pollMs, Math.max(1, Date.parse(due) - this.o.clock()));
    } catch {
      return this.o.pollMs;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      // A wake that came while the delay was being worked out is not lost.
      if (this.woken || !this.running) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    }).then(() => {
      this.wakeUp = undefined;
    });
  }

  private async perform(effect: StoredEffect, repeatableDone: Array<{ effect: StoredEffect; ms: number }>): Promise<void> {
    const { outbox, logger } = this.options;
    const handler = this.options.handlers[effect.kind];
    const ids = { effectId: effect.id, kind: effect.kind, reviewId: effect.reviewId };
    if (!handler) {
      await outbox.fail(effect.id, this.owner, iso(this.o.clock()), 'UNKNOWN_EFFECT');
      logger.log('error', 'effect.failed', { ...ids, code: 'UNKNOWN_EFFECT' });
      return;
    }
    if (handler.superseded && (await handler.superseded(effect))) {
      if (handler.repeatable) return void repeatableDone.push({ effect, ms: 0 });
      return this.logDone(effect, await outbox.complete(effect.id, this.owner, iso(this.o.clock())), 0);
    }
    if (handler.pacedPerChat) {
      let wait = this.pace.reserve(effect.conversationId, this.o.clock());
      if (wait > 0 && wait <= this.o.maxPacedWaitMs) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        wait = this.pace.reserve(effect.conversationId, this.o.clock());
      }
      if (wait > 0) {
        await outbox.retryAt(effect.id, this.owner, iso(this.o.clock() + wait), false, 'PACED');
        return;
      }
    }
    const started = this.o.clock();
    try {
      await withTimeLimit(handler.perform(effect), this.o.callTimeoutMs);
      if (handler.repeatable) return void repeatableDone.push({ effect, ms: this.o.clock() - started });
      this.logDone(effect, await outbox.complete(effect.id, this.owner, iso(this.o.clock())), this.o.clock() - started);
    } catch (error) {
      const failure = asFailure(error);
      const attempts = effect.attempts + 1;
      const detail = `${failure.code}: ${failure.message}`.slice(0, 500);
      if (!failure.retryable || givesUp(this.o.retry, attempts)) {
        await outbox.fail(effect.id, this.owner, iso(this.o.clock()), detail);
        logger.log('warn', 'effect.failed', { ...ids, code: failure.code, attempts });
        return;
      }
      // A call that ran out of time may still land (the limit only stopped the waiting): no one, here
      // or in another process, tries it again before the lease it was taken under has run out.
      const leaseLeft = error instanceof TimeLimitReached ? started + this.o.leaseMs - this.o.clock() : 0;
      const delay = Math.max(retryDelayMs(this.o.retry, attempts, this.o.random(), failure.options.retryAfterMs), leaseLeft);
      await outbox.retryAt(effect.id, this.owner, iso(this.o.clock() + delay), true, detail);
      logger.log('info', 'effect.retry', { ...ids, code: failure.code, attempts, delayMs: delay });
    }
  }
}

function asFailure(error: unknown): EffectFailure {
  if (error instanceof EffectFailure) return error;
  return new EffectFailure('UNEXPECTED', (error as Error)?.message ?? String(error), { retryable: true, mayHaveHappened: true });
}

class TimeLimitReached extends EffectFailure {
  constructor(ms: number) {
    super('TIMEOUT', `no answer within ${ms} ms`, { retryable: true, mayHaveHappened: true });
  }
}

async function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimitReached(ms)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
