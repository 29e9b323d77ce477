import { GraphError } from '@microsoft/microsoft-graph-client';
import { EffectFailure } from '../ports/effect-failure';

/**
 * The one place a Graph (or token) failure becomes an EffectFailure.
 *
 * - 429: THROTTLED, retryable, with `Retry-After` in ms; the request was refused, not acted on.
 * - 412: retryable (a concurrent change; the port treats it as worth another go).
 * - 500, 502, 503, 504: SERVER_ERROR, retryable (with `Retry-After` when given); a request that changes
 *   something may have been carried out before the failure.
 * - timeouts (our own abort) and network failures: retryable, may have happened when mutating.
 * - any other 4xx (and other 5xx): not retryable, `code` is Graph's own error code.
 * - token failures: Entra's refusals (AADSTS… codes: wrong secret, unknown app or tenant) are not
 *   retryable; anything else from the token endpoint is.
 */
export interface FailureContext {
  /** Does the request change something (send, create, cancel)? Then a 5xx or a timeout may have acted. */
  readonly mutating: boolean;
  /** What was being done, for the message: e.g. "send the email". */
  readonly what: string;
  /** Milliseconds since the epoch, for an HTTP-date `Retry-After`. */
  readonly now?: number;
}

const RETRYABLE_SERVER_STATUSES = new Set([500, 502, 503, 504]);

export function graphFailure(error: unknown, context: FailureContext): EffectFailure {
  if (error instanceof EffectFailure) return error;
  if (!(error instanceof GraphError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new EffectFailure('UNEXPECTED', `Could not ${context.what}: ${message}`, { retryable: false });
  }
  const status = error.statusCode;
  const retryAfterMs = retryAfterFrom(error.headers, context.now ?? Date.now());
  const graphCode = error.code ?? undefined;

  if (status === -1 || status === undefined) return transportFailure(error, context);
  if (status === 429) {
    return new EffectFailure('THROTTLED', `Graph throttled the request to ${context.what} (${graphCode ?? '429'})`, {
      retryable: true,
      retryAfterMs,
      mayHaveHappened: false,
    });
  }
  if (status === 412) {
    return new EffectFailure(graphCode ?? 'PRECONDITION_FAILED', `Graph answered 412 to ${context.what}`, {
      retryable: true,
      retryAfterMs,
      mayHaveHappened: false,
    });
  }
  if (RETRYABLE_SERVER_STATUSES.has(status)) {
    return new EffectFailure('SERVER_ERROR', `Graph answered ${status} to ${context.what} (${graphCode ?? 'no code'})`, {
      retryable: true,
      retryAfterMs,
      mayHaveHappened: context.mutating,
    });
  }
  return new EffectFailure(graphCode || `HTTP_${status}`, `Graph refused to ${context.what}: ${status} ${error.message}`, {
    retryable: false,
    mayHaveHappened: false,
  });
}

function transportFailure(error: GraphError, context: FailureContext): EffectFailure {
  // With no response, the client puts the underlying error in `body` (or its name in `code`).
  const cause: unknown = error.body;
  const name = (cause as { name?: unknown } | null)?.name ?? error.code;
  const text = cause instanceof Object && 'message' in cause ? String((cause as { message: unknown }).message) : error.message;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new EffectFailure('TIMEOUT', `No answer from Graph in time to ${context.what}`, {
      retryable: true,
      mayHaveHappened: context.mutating,
    });
  }
  if (name === 'AuthenticationError' || name === 'CredentialUnavailableError' || name === 'AuthenticationRequiredError') {
    const refused = /AADSTS\d+/.test(error.message) || /AADSTS\d+/.test(String(error.body));
    return new EffectFailure('AUTHENTICATION_FAILED', `Could not get a Graph token to ${context.what}: ${error.message}`, {
      retryable: !refused,
      mayHaveHappened: false,
    });
  }
  return new EffectFailure('NETWORK', `Could not reach Graph to ${context.what}: ${text}`, {
    retryable: true,
    mayHaveHappened: context.mutating,
  });
}

/** `Retry-After` as delay-seconds or an HTTP-date, in milliseconds from `now`. */
export function retryAfterFrom(headers: Headers | undefined, now: number): number | undefined {
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
