import { BotUnderTest } from '../support/bot-under-test';
import { BotProcess, freePort } from '../support/bot-process';
import { actionData, inputsOf, textOf } from '../support/card-reader';
import { teamsUser } from '../support/teams-activity';
import { WALK, openAsChair } from '../support/review-walk';

const chair = teamsUser('Sam', 1);

describe('a killed bot loses nothing', () => {
  let harness: BotUnderTest;
  let first: BotProcess;
  let second: BotProcess;

  beforeAll(async () => {
    // The harness here only provides the connector and a temporary directory; the bots are real processes.
    harness = new BotUnderTest();
    await harness.connector.start();
    harness.connector.members = [chair, teamsUser('Mum', 2), teamsUser('Teacher', 3)];
  });
  afterAll(async () => {
    await first?.kill();
    await second?.kill();
    harness.bot = undefined;
    await harness.stop();
  });

  it('resumes in a second process, on the same SQLite file, where the first was killed', async () => {
    const env = { NODE_ENV: 'development', SQLITE_FILE: harness.sqliteFile, LOG_LEVEL: 'error' };
    first = new BotProcess(env);
    const firstUrl = await first.start(await freePort());

    harness.bot = { url: firstUrl } as never;
    await harness.say(chair, 'start review');
    let reply = await openAsChair(harness, chair);
    for (const { typed, verb } of WALK.slice(0, 5)) {
      reply = await harness.pressOn(chair, reply.card!, verb ?? 'review.continue', typed);
    }
    expect(actionData(reply.card!, 'review.continue').step).toBe('child-voice');
    await first.kill();

    second = new BotProcess(env);
    const secondUrl = await second.start(await freePort());
    harness.bot = { url: secondUrl } as never;
    await harness.say(chair, 'resume');
    const resumed = await openAsChair(harness, chair);
    expect(actionData(resumed.card!, 'review.continue').step).toBe('child-voice');
    expect(textOf(resumed.card)).toContain("Amara's voice");
    // Everything captured before the kill is there: go back to introductions and look.
    const back = await harness.pressOn(chair, resumed.card!, 'review.back');
    const intro = await harness.pressOn(chair, back.card!, 'review.back');
    expect(actionData(intro.card!, 'review.continue').step).toBe('introductions');
    const inputs = inputsOf(intro.card!);
    expect(inputs['attendees.3.contact']).toBe('M-DAD-CONTACT');
    expect(inputs['attendees.4.name']).toBe('Rose Gran');
  });
});
