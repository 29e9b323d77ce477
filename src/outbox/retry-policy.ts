/** How long to wait before trying an effect again, and when to give up. Pure: `random` is passed in. */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly capMs: number;
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 1000, capMs: 5 * 60_000, maxAttempts: 10 };

/**
 * Exponential backoff with full jitter (a random wait up to base·2^attempt, capped), never sooner
 * than the other side asked (`Retry-After`). `attempt` counts from 1 for the first failure.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: number, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(random * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}

export function givesUp(policy: RetryPolicy, attemptsSoFar: number): boolean {
  return attemptsSoFar >= policy.maxAttempts;
}
