import { BotUnderTest } from '../support/bot-under-test';
import { textOf } from '../support/card-reader';
import { cardActionActivity, teamsUser } from '../support/teams-activity';

const sam = teamsUser('Sam', 1);

/** An invoke as Teams sends it for a feature this bot does not offer (a dialog, search, a tab, settings). */
function invoke(bot: BotUnderTest, name: string | undefined, value: unknown = {}) {
  const { name: _press, ...activity } = cardActionActivity(bot.where(), sam, 'unused', {});
  return bot.post({ ...activity, ...(name === undefined ? {} : { name }), value });
}

describe('invokes for features the bot does not offer are answered in the shape Teams expects, never with a 5xx', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await new BotUnderTest().start();
  });
  afterAll(() => bot.stop());

  it('task/fetch: a dialog that shows a plain message', async () => {
    const reply = await invoke(bot, 'task/fetch', { data: { msteams: { type: 'task/fetch' } } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ task: { type: 'message', value: expect.stringContaining('Type "help"') } });
  });

  it('task/submit: the same plain message', async () => {
    const reply = await invoke(bot, 'task/submit', { data: {} });
    expect(reply.status).toBe(200);
    expect(reply.body.task.type).toBe('message');
  });

  it('composeExtension/query: an empty list of results', async () => {
    const reply = await invoke(bot, 'composeExtension/query', { commandId: 'search', parameters: [{ name: 'q', value: 'CIN-1' }] });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } });
  });

  it('config/fetch: a configuration answer that is a plain message', async () => {
    const reply = await invoke(bot, 'config/fetch');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ responseType: 'config', config: { type: 'message', value: expect.stringContaining('nothing to set up') } });
  });

  it('tab/fetch: a tab holding one card that says what to do instead', async () => {
    const reply = await invoke(bot, 'tab/fetch', { tabContext: { tabEntityId: 'x' } });
    expect(reply.status).toBe(200);
    expect(reply.body.tab.type).toBe('continue');
    const cards = reply.body.tab.value.cards;
    expect(cards).toHaveLength(1);
    expect(cards[0].card.type).toBe('AdaptiveCard');
    expect(textOf(cards[0].card)).toContain('Type "help"');
  });

  it('application/search (a typeahead): no results', async () => {
    const reply = await invoke(bot, 'application/search', { kind: 'search', queryText: 'x', dataset: 'y' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } });
  });

  it.each([['no name', undefined], ['an unknown name', 'something/new']])('%s: 200 with nothing to show', async (_label, name) => {
    const reply = await invoke(bot, name);
    expect(reply.status).toBe(200);
    expect(reply.body).toBeUndefined();
    expect(bot.connector.sent).toHaveLength(0);
  });
});
