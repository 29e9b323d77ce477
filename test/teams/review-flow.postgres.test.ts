import { BotUnderTest } from '../support/bot-under-test';
import { textOf } from '../support/card-reader';
import { teamsUser } from '../support/teams-activity';
import { MARKERS, signOff, walkToMinutes } from '../support/review-walk';

const SERVER = process.env.CIN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const chair = teamsUser('Sam', 1);

describe('the whole review on PostgreSQL', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await new BotUnderTest().start({ DATABASE_URL: SERVER });
    bot.connector.members = [chair, teamsUser('Mum', 2), teamsUser('Teacher', 3)];
  });
  afterAll(() => bot.stop());

  it('walks from start review to signed-off minutes', async () => {
    await bot.say(chair, 'start review');
    const minutes = await walkToMinutes(bot, chair);
    for (const marker of MARKERS) expect(textOf(minutes)).toContain(marker);
    const signed = await signOff(bot, chair, minutes);
    expect(textOf(signed.card)).toContain('Signed off by Sam');
  });
});
