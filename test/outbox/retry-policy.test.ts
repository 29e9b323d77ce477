import fc from 'fast-check';
import { DEFAULT_RETRY_POLICY, RetryPolicy, givesUp, retryDelayMs } from '../../src/outbox/retry-policy';

const policy: RetryPolicy = { baseMs: 1000, capMs: 60_000, maxAttempts: 5 };

describe('retryDelayMs', () => {
  it.each([
    // attempt, random, Retry-After, delay
    [1, 0, undefined, 0],
    [1, 0.5, undefined, 500],
    [1, 0.9999, undefined, 999],
    [2, 0.5, undefined, 1000],
    [3, 0.5, undefined, 2000],
    [4, 0.25, undefined, 2000],
    [6, 0.5, undefined, 16_000],
    [7, 0.999, undefined, 59_940], // 64 s is over the 60 s cap
    [50, 0.5, undefined, 30_000],
    [5000, 0.5, undefined, 30_000], // 2^4999 is Infinity: still the cap
    [1, 0.5, 30_000, 30_000], // Retry-After longer than the backoff wins
    [6, 0.9, 2000, 28_800], // a short Retry-After does not shorten the backoff
    [1, 0, 0, 0],
    [3, 0.5, 120_000, 120_000], // Retry-After beyond the cap is still honoured
  ] as const)('attempt %i, random %d, Retry-After %s → %i ms', (attempt, random, retryAfter, expected) => {
    expect(retryDelayMs(policy, attempt, random, retryAfter)).toBe(expected);
  });

  const policies = fc
    .record({ baseMs: fc.integer({ min: 1, max: 10_000 }), capMs: fc.integer({ min: 1, max: 3_600_000 }), maxAttempts: fc.integer({ min: 1, max: 30 }) });
  const random = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
  const attempt = fc.integer({ min: 1, max: 200 });
  const retryAfter = fc.option(fc.integer({ min: 0, max: 24 * 3_600_000 }), { nil: undefined });

  it('waits a whole number of ms within [0, min(cap, base·2^(n-1))] unless Retry-After is longer, and never less than Retry-After', () => {
    fc.assert(
      fc.property(policies, attempt, random, retryAfter, (p, n, r, after) => {
        const delay = retryDelayMs(p, n, r, after);
        const ceiling = Math.min(p.capMs, p.baseMs * 2 ** (n - 1));
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(after ?? 0);
        expect(delay).toBeLessThanOrEqual(Math.max(ceiling, after ?? 0));
        if (after === undefined || after <= ceiling) expect(delay).toBeLessThanOrEqual(ceiling);
        if (after !== undefined && after > ceiling) expect(delay).toBe(after);
      }),
    );
  });

  it('spreads the wait with the random number, never shrinking as it grows', () => {
    fc.assert(
      fc.property(policies, attempt, random, random, (p, n, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(retryDelayMs(p, n, low)).toBeLessThanOrEqual(retryDelayMs(p, n, high));
      }),
    );
  });

  it('never lowers the ceiling from one attempt to the next', () => {
    fc.assert(
      fc.property(policies, attempt, (p, n) => {
        // random just under 1 reaches the ceiling (less under a whole ms)
        expect(retryDelayMs(p, n, 0.999999)).toBeLessThanOrEqual(retryDelayMs(p, n + 1, 0.999999));
      }),
    );
  });
});

describe('givesUp', () => {
  it.each([
    [0, false],
    [1, false],
    [4, false],
    [5, true],
    [6, true],
  ])('after %i attempts of 5: %s', (attempts, expected) => {
    expect(givesUp(policy, attempts)).toBe(expected);
  });

  it('gives up exactly from maxAttempts on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 200 }), (max, attempts) => {
        expect(givesUp({ ...policy, maxAttempts: max }, attempts)).toBe(attempts >= max);
      }),
    );
  });

  it('by default tries ten times, from a second up to five minutes apart', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ baseMs: 1000, capMs: 300_000, maxAttempts: 10 });
    expect(givesUp(DEFAULT_RETRY_POLICY, 9)).toBe(false);
    expect(givesUp(DEFAULT_RETRY_POLICY, 10)).toBe(true);
  });
});
