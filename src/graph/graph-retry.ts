import { EffectFailure } from '../ports/effect-failure';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How the adapters try again within one call. The Graph client's own retry handler is switched off on
 * every request (it would resend a POST blindly and sleep up to 180 s inside the call); instead each
 * adapter retries a whole operation that is safe to repeat (a mail send starts again from its look-up),
 * waiting what Graph asked for (`Retry-After`) or a short backoff. A wait longer than `maxWaitMs`
 * is not slept here: the failure goes to the caller (the outbox) with `retryAfterMs`.
 */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number;
  /** Waits, in order, when Graph gave no `Retry-After`; the last repeats. */
  readonly backoffMs: readonly number[];
  readonly maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, backoffMs: [1000, 2000, 4000], maxWaitMs: 30_000 };

export async function withRetries<T>(work: () => Promise<T>, policy: RetryPolicy, sleep: Sleep): Promise<T> {
  let mayHaveHappened = false;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof EffectFailure)) throw error;
      mayHaveHappened ||= error.options.mayHaveHappened === true;
      const wait = error.options.retryAfterMs ?? policy.backoffMs[Math.min(attempt - 1, policy.backoffMs.length - 1)] ?? 0;
      if (!error.retryable || attempt >= policy.attempts || wait > policy.maxWaitMs) {
        // An earlier try may have acted even when the last one was refused outright.
        if (mayHaveHappened === (error.options.mayHaveHappened === true)) throw error;
        throw new EffectFailure(error.code, error.message, { ...error.options, mayHaveHappened });
      }
      await sleep(wait);
    }
  }
}
