import { loadConfig } from '../../src/config/load-config';
import { announceStart, startLine } from '../../src/http/start-line';

describe('the line `npm start` prints for a person', () => {
  it('in local mode: where it listens, that requests are not authenticated, what to try', () => {
    const line = startLine(loadConfig({}), 'http://127.0.0.1:3978');
    expect(line).toContain('http://127.0.0.1:3978/api/messages');
    expect(line).toContain('local mode');
    expect(line).toContain('not authenticated');
    expect(line).toContain('SQLite ./data/cin-reviews.sqlite');
    expect(line).toContain('Try it: npm run dev');
    expect(line).not.toContain('\n');
  });

  it('with credentials: that tokens are required, and no secret', () => {
    const config = loadConfig({ MicrosoftAppId: 'app-id-1', MicrosoftAppPassword: 'the-secret', DATABASE_URL: 'postgres://u:pw@db/x' });
    const line = startLine(config, 'http://0.0.0.0:3978');
    expect(line).toContain('Bot Framework tokens required (app app-id-1)');
    expect(line).toContain('PostgreSQL');
    expect(line).not.toContain('local mode');
    for (const secret of ['the-secret', 'pw@db']) expect(line).not.toContain(secret);
  });

  it.each([
    [true, 1],
    [false, 0],
    [undefined, 0],
  ])('is written only to a terminal (isTTY %s)', (isTTY, writes) => {
    const written: string[] = [];
    announceStart({ ...(isTTY === undefined ? {} : { isTTY }), write: (t: string) => written.push(t) }, loadConfig({}), 'http://127.0.0.1:3978');
    expect(written).toHaveLength(writes);
    if (writes) expect(written[0]).toMatch(/^CIN Review bot: .*Try it: npm run dev\n$/);
  });
});
