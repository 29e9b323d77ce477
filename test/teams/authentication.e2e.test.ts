import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BotUnderTest } from '../support/bot-under-test';
import { messageActivity, teamsUser } from '../support/teams-activity';

const APP_ID = '00000000-0000-4000-8000-00000000b07';
const OPENID = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const KEYS = 'https://login.botframework.com/v1/.well-known/keys';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token shaped like Teams' (RS256, a key id, Bot Framework's issuer) that nobody signed. */
const forgedToken = [
  base64url({ alg: 'RS256', typ: 'JWT', kid: 'forged-key-id' }),
  base64url({ iss: 'https://api.botframework.com', aud: APP_ID, exp: Math.floor(Date.now() / 1000) + 3600, nbf: Math.floor(Date.now() / 1000) - 60 }),
  Buffer.from('not a signature').toString('base64url'),
].join('.');

/**
 * The key service is faked in-process: nothing here reaches the internet. By default it is
 * unreachable (a network error, as on a machine with no route out); a test can make it answer.
 */
const keyService = setupServer(http.all('https://login.botframework.com/*', () => HttpResponse.error()));

describe('with bot credentials, only Teams may talk to the bot', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    keyService.listen({
      onUnhandledRequest: (request, print) => {
        if (new URL(request.url).hostname !== '127.0.0.1') print.error();
      },
    });
    bot = await new BotUnderTest().start({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', BIND_HOST: '127.0.0.1' });
  });
  afterEach(() => keyService.resetHandlers());
  afterAll(async () => {
    await bot.stop();
    keyService.close();
  });

  const postWith = (authorization?: string) =>
    fetch(`${bot.bot!.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(messageActivity(bot.where(), teamsUser('Sam', 1), 'start review')),
    });

  it('refuses an activity without a Bot Framework token, and sends nothing', async () => {
    const response = await postWith();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'UNAUTHENTICATED', message: expect.any(String) });
    expect(bot.connector.sent).toHaveLength(0);
  });

  it('refuses an unsigned token', async () => {
    const response = await postWith('Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.');
    expect(response.status).toBe(401);
    expect(bot.connector.sent).toHaveLength(0);
  });

  it('answers 503, with no internal detail, when the signing keys cannot be fetched', async () => {
    const response = await postWith(`Bearer ${forgedToken}`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'AUTH_UNAVAILABLE', message: expect.any(String) });
    for (const internal of ['login.botframework.com', 'request to', 'failed', 'Error', 'at ']) expect(text).not.toContain(internal);
    expect(bot.connector.sent).toHaveLength(0);
  });

  // Before the next test: once the SDK holds a set of keys it does not fetch them again for an hour.
  it('answers 503 when the key service itself answers with an error', async () => {
    keyService.use(http.get(OPENID, () => new HttpResponse('down for maintenance', { status: 502 })));
    const response = await postWith(`Bearer ${forgedToken}`);
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain('502');
  });

  it('answers 401, with no internal detail, when the key service answers but has no such key', async () => {
    keyService.use(
      http.get(OPENID, () => HttpResponse.json({ issuer: 'https://api.botframework.com', jwks_uri: KEYS })),
      http.get(KEYS, () => HttpResponse.json({ keys: [{ kty: 'RSA', kid: 'some-other-key', n: 'AQAB', e: 'AQAB', endorsements: ['msteams'] }] })),
    );
    const response = await postWith(`Bearer ${forgedToken}`);
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'UNAUTHENTICATED', message: expect.any(String) });
    expect(text).not.toContain('Signing Key');
    expect(bot.connector.sent).toHaveLength(0);
  });
});
