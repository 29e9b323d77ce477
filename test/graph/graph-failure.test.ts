import { GraphError } from '@microsoft/microsoft-graph-client';
import { graphFailure, retryAfterFrom } from '../../src/graph/graph-failure';
import { EffectFailure } from '../../src/ports/effect-failure';

function graphError(status: number, code: string | null, headers: Record<string, string> = {}, body: unknown = null): GraphError {
  const error = new GraphError(status, `status ${status}`);
  error.code = code;
  error.headers = new Headers(headers);
  error.body = body;
  return error;
}

const NOW = Date.parse('2027-01-11T09:00:00Z');

describe('graphFailure', () => {
  it.each([
    { status: 429, code: 'ApplicationThrottled', headers: { 'Retry-After': '3' }, mutating: true, out: { code: 'THROTTLED', retryable: true, retryAfterMs: 3000, mayHaveHappened: false } },
    { status: 429, code: 'TooManyRequests', headers: {}, mutating: false, out: { code: 'THROTTLED', retryable: true, retryAfterMs: undefined, mayHaveHappened: false } },
    { status: 503, code: 'ServiceUnavailable', headers: { 'Retry-After': '2' }, mutating: true, out: { code: 'SERVER_ERROR', retryable: true, retryAfterMs: 2000, mayHaveHappened: true } },
    { status: 504, code: 'GatewayTimeout', headers: {}, mutating: false, out: { code: 'SERVER_ERROR', retryable: true, retryAfterMs: undefined, mayHaveHappened: false } },
    { status: 502, code: null, headers: {}, mutating: true, out: { code: 'SERVER_ERROR', retryable: true, retryAfterMs: undefined, mayHaveHappened: true } },
    { status: 500, code: 'InternalServerError', headers: {}, mutating: true, out: { code: 'SERVER_ERROR', retryable: true, retryAfterMs: undefined, mayHaveHappened: true } },
    { status: 412, code: 'PreconditionFailed', headers: {}, mutating: true, out: { code: 'PreconditionFailed', retryable: true, retryAfterMs: undefined, mayHaveHappened: false } },
    { status: 400, code: 'ErrorDuplicateTransactionId', headers: {}, mutating: true, out: { code: 'ErrorDuplicateTransactionId', retryable: false, retryAfterMs: undefined, mayHaveHappened: false } },
    { status: 404, code: 'ErrorItemNotFound', headers: {}, mutating: true, out: { code: 'ErrorItemNotFound', retryable: false, retryAfterMs: undefined, mayHaveHappened: false } },
    { status: 403, code: 'ErrorAccessDenied', headers: {}, mutating: false, out: { code: 'ErrorAccessDenied', retryable: false, retryAfterMs: undefined, mayHaveHappened: false } },
    { status: 413, code: null, headers: {}, mutating: true, out: { code: 'HTTP_413', retryable: false, retryAfterMs: undefined, mayHaveHappened: false } },
    { status: 501, code: 'NotImplemented', headers: {}, mutating: true, out: { code: 'NotImplemented', retryable: false, retryAfterMs: undefined, mayHaveHappened: false } },
  ])('$status $code (mutating: $mutating) → $out.code', ({ status, code, headers, mutating, out }) => {
    const failure = graphFailure(graphError(status, code, headers as Record<string, string>), { mutating, what: 'test', now: NOW });
    expect(failure).toBeInstanceOf(EffectFailure);
    expect({ code: failure.code, ...failure.options }).toEqual(
      Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)),
    );
  });

  it.each([
    { cause: new DOMException('The operation was aborted due to timeout', 'TimeoutError'), mutating: true, code: 'TIMEOUT', mayHaveHappened: true },
    { cause: new DOMException('This operation was aborted', 'AbortError'), mutating: false, code: 'TIMEOUT', mayHaveHappened: false },
    { cause: new TypeError('fetch failed'), mutating: true, code: 'NETWORK', mayHaveHappened: true },
  ])('no answer ($cause.name, mutating: $mutating) → retryable $code', ({ cause, mutating, code, mayHaveHappened }) => {
    const failure = graphFailure(graphError(-1, null, {}, cause), { mutating, what: 'test' });
    expect({ code: failure.code, retryable: failure.retryable, mayHaveHappened: failure.options.mayHaveHappened }).toEqual({ code, retryable: true, mayHaveHappened });
  });

  it('a token refused by Entra (AADSTS code) is not retryable; any other token failure is', () => {
    const refused = graphError(-1, 'AuthenticationError');
    refused.message = 'ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.';
    const outage = graphError(-1, 'AuthenticationError');
    outage.message = 'ClientSecretCredential authentication failed: 503 Service Unavailable';
    expect(graphFailure(refused, { mutating: false, what: 'test' }).options).toMatchObject({ retryable: false });
    expect(graphFailure(outage, { mutating: false, what: 'test' }).options).toMatchObject({ retryable: true });
    expect(graphFailure(outage, { mutating: false, what: 'test' }).code).toBe('AUTHENTICATION_FAILED');
  });

  it('anything else is UNEXPECTED and not retried; an EffectFailure passes through', () => {
    expect(graphFailure(new Error('bug'), { mutating: true, what: 'test' })).toMatchObject({ code: 'UNEXPECTED', options: { retryable: false } });
    const own = new EffectFailure('NO_ADDRESS', 'x', { retryable: false });
    expect(graphFailure(own, { mutating: true, what: 'test' })).toBe(own);
  });
});

describe('retryAfterFrom', () => {
  it.each([
    { value: '1', ms: 1000 },
    { value: ' 120 ', ms: 120_000 },
    { value: 'Mon, 11 Jan 2027 09:00:30 GMT', ms: 30_000 },
    { value: 'Mon, 11 Jan 2027 08:59:00 GMT', ms: 0 },
    { value: 'soon', ms: undefined },
  ])('$value → $ms', ({ value, ms }) => {
    expect(retryAfterFrom(new Headers({ 'Retry-After': value }), NOW)).toBe(ms);
  });

  it('no header, no wait given', () => {
    expect(retryAfterFrom(new Headers(), NOW)).toBeUndefined();
    expect(retryAfterFrom(undefined, NOW)).toBeUndefined();
  });
});
