import { ErrorCode, userMessageFor } from '../errors/error-catalogue';

/** What an HTTP caller is told when a turn could not be authenticated or run: a code, never a stack. */
export interface TurnFailure {
  readonly status: 401 | 500 | 503;
  readonly code: ErrorCode;
  /** The internal reason, for the log only. */
  readonly reason: string;
}

/** node-fetch's and Node's names for "the other side could not be reached". */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
/** jsonwebtoken's errors for a token that does not verify. */
const BAD_TOKEN = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * Sorts what the Bot Framework SDK throws while authenticating a request:
 * - its AuthenticationError with a 4xx status (no token, wrong issuer, unknown key): 401;
 * - its AuthenticationError with a 5xx status ("Failed to load openID config / Keys": the key
 *   service answered with an error), or a network failure fetching the keys: 503;
 * - a token that fails verification in jsonwebtoken (the SDK lets these through as they are): 401;
 * - anything else: 500. The body never carries the internal message (it names hosts and URLs).
 */
export function classifyTurnFailure(error: unknown): TurnFailure {
  const e = (error ?? {}) as { name?: unknown; message?: unknown; statusCode?: unknown; code?: unknown; type?: unknown; cause?: { code?: unknown } };
  const reason = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.statusCode === 'number') {
    return e.statusCode >= 500 ? { status: 503, code: 'AUTH_UNAVAILABLE', reason } : { status: 401, code: 'UNAUTHENTICATED', reason };
  }
  if (typeof e.name === 'string' && BAD_TOKEN.has(e.name)) return { status: 401, code: 'UNAUTHENTICATED', reason };
  const code = typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : '';
  if (e.name === 'FetchError' || UNREACHABLE.has(code)) return { status: 503, code: 'AUTH_UNAVAILABLE', reason };
  return { status: 500, code: 'UNEXPECTED', reason };
}

export function failureBody(code: ErrorCode): { error: ErrorCode; message: string } {
  return { error: code, message: userMessageFor(code) };
}
