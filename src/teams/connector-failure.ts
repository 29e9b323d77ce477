import { EffectFailure } from '../ports/effect-failure';

const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);

/**
 * A failure from the Bot Framework connector, as the outbox understands it. Teams asks to retry 412,
 * 429, 502 and 504 (with backoff); a 5xx after Teams accepted a message may still have delivered it.
 */
export function connectorFailure(error: unknown): EffectFailure {
  const e = error as { statusCode?: number; code?: string; message?: string; response?: { headers?: { get?(name: string): string | undefined } } };
  const status = e.statusCode;
  const message = `${status ?? 'no status'} ${e.code ?? ''} ${(e.message ?? '').slice(0, 200)}`.trim();
  if (status === undefined) return new EffectFailure('CONNECTOR_UNREACHABLE', message, { retryable: true, mayHaveHappened: false });
  const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
  return new EffectFailure(status === 429 ? 'THROTTLED' : `CONNECTOR_${status}`, message, {
    retryable: RETRYABLE.has(status),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    mayHaveHappened: status >= 500,
  });
}
