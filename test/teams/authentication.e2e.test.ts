import { BotUnderTest } from '../support/bot-under-test';
import { messageActivity, teamsUser } from '../support/teams-activity';

describe('with bot credentials, only Teams may talk to the bot', () => {
  let bot: BotUnderTest;
  // The SDK reports each refused request on the console; the test checks it did, quietly.
  const sdkErrors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  afterAll(() => sdkErrors.mockRestore());
  beforeAll(async () => {
    bot = await new BotUnderTest().start({ MicrosoftAppId: '00000000-0000-4000-8000-00000000b07', MicrosoftAppPassword: 'not-a-real-secret', BIND_HOST: '127.0.0.1' });
  });
  afterAll(() => bot.stop());

  it('refuses an activity without a Bot Framework token, and sends nothing', async () => {
    const reply = await bot.post(messageActivity(bot.where(), teamsUser('Sam', 1), 'start review'));
    expect(reply.status).toBe(401);
    expect(bot.connector.sent).toHaveLength(0);
    expect(String(sdkErrors.mock.calls.at(-1)?.[0])).toContain('Unauthorized');
  });

  it('refuses a forged token', async () => {
    const response = await fetch(`${bot.bot!.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.' },
      body: JSON.stringify(messageActivity(bot.where(), teamsUser('Sam', 1), 'start review')),
    });
    expect(response.status).toBe(401);
    expect(bot.connector.sent).toHaveLength(0);
  });
});
