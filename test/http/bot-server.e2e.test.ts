import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BotUnderTest } from '../support/bot-under-test';

describe('the HTTP server', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await new BotUnderTest().start();
  });
  afterAll(() => bot.stop());

  it('answers GET / with the endpoints it serves, not "/ does not exist"', async () => {
    const response = await fetch(`${bot.bot!.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { name: string; endpoints: Array<{ method: string; path: string }> };
    expect(body.name).toBe('cin-review-bot');
    expect(body.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /api/messages', 'GET /healthz', 'GET /']);
  });

  it('answers GET /healthz', async () => {
    const response = await fetch(`${bot.bot!.url}/healthz`);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe('loading the server', () => {
  it("prints restify's DEP0111 deprecation warning once, not twice, and hides no other warning", () => {
    const root = join(__dirname, '..', '..');
    const run = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-e', "require('./src/http/bot-server'); process.emitWarning('a warning of our own')"],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    );
    expect(run.status).toBe(0);
    expect(run.stderr.match(/\[DEP0111\]/g) ?? []).toHaveLength(1);
    expect(run.stderr).toContain('a warning of our own');
  });
});
