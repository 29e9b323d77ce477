import { classifyTurnFailure, failureBody } from '../../src/teams/authentication-failure';

const authError = (message: string, statusCode: number) => Object.assign(new Error(message), { statusCode });
const fetchError = (code: string) => Object.assign(new Error(`request to https://login.botframework.com/v1/.well-known/openidconfiguration failed, reason: ${code}`), { name: 'FetchError', type: 'system', code });

describe('classifyTurnFailure', () => {
  it.each([
    ['no token', authError('Unauthorized Access. Request is not authorized', 401), 401, 'UNAUTHENTICATED'],
    ['no auth header', authError("'authHeader' required.", 400), 401, 'UNAUTHENTICATED'],
    ['unknown key', authError('Signing Key could not be retrieved.', 401), 401, 'UNAUTHENTICATED'],
    ['key service answered 502', authError('Failed to load openID config: 502', 500), 503, 'AUTH_UNAVAILABLE'],
    ['keys endpoint answered 500', authError('Failed to load Keys: 500', 500), 503, 'AUTH_UNAVAILABLE'],
    ['DNS failure', fetchError('ENOTFOUND'), 503, 'AUTH_UNAVAILABLE'],
    ['refused connection', fetchError('ECONNREFUSED'), 503, 'AUTH_UNAVAILABLE'],
    ['undici timeout in the cause', Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_CONNECT_TIMEOUT' } }), 503, 'AUTH_UNAVAILABLE'],
    ['bad signature', Object.assign(new Error('invalid signature'), { name: 'JsonWebTokenError' }), 401, 'UNAUTHENTICATED'],
    ['expired', Object.assign(new Error('jwt expired'), { name: 'TokenExpiredError' }), 401, 'UNAUTHENTICATED'],
    ['anything else', new Error('boom'), 500, 'UNEXPECTED'],
    ['not an error', 'a string', 500, 'UNEXPECTED'],
    ['undefined', undefined, 500, 'UNEXPECTED'],
  ])('%s', (_label, error, status, code) => {
    expect(classifyTurnFailure(error)).toMatchObject({ status, code });
  });

  it('keeps the internal reason for the log, and the body carries only the code and plain words', () => {
    const failure = classifyTurnFailure(fetchError('ENOTFOUND'));
    expect(failure.reason).toContain('login.botframework.com');
    const body = JSON.stringify(failureBody(failure.code));
    expect(body).not.toContain('botframework.com');
    expect(body).not.toContain('ENOTFOUND');
  });
});
