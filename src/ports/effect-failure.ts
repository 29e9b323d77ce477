/**
 * Why an effect outside the turn (a Teams message, an email, a calendar event) did not happen.
 * Adapters throw it; the outbox dispatcher decides from it whether and when to try again.
 */
export class EffectFailure extends Error {
  constructor(
    /** A short stable code, e.g. 'THROTTLED', 'NOT_INSTALLED', 'NO_ADDRESS', 'TIMEOUT', 'SERVER_ERROR'. */
    readonly code: string,
    message: string,
    readonly options: {
      /** Worth trying again later (429, 412, 5xx, timeouts); false for a refusal that will not change. */
      readonly retryable: boolean;
      /** What the other side asked for (`Retry-After`), in milliseconds. */
      readonly retryAfterMs?: number;
      /** The other side may have acted before failing (e.g. a 5xx after Teams accepted the message). */
      readonly mayHaveHappened?: boolean;
    },
  ) {
    super(message);
    this.name = 'EffectFailure';
  }

  get retryable(): boolean {
    return this.options.retryable;
  }
}
