import { BotUnderTest } from '../support/bot-under-test';
import { inputsOf } from '../support/card-reader';
import { WALK, openAsChair } from '../support/review-walk';
import { teamsUser } from '../support/teams-activity';

const chair = teamsUser('Sam', 1);

/** An attendee offered from the roster comes with the email (or UPN) Teams gives: contacts as data. */
describe('the roster’s contact details', () => {
  let bot: BotUnderTest;
  beforeEach(async () => {
    bot = await new BotUnderTest().start();
  });
  afterEach(() => bot.stop());

  it('pre-fills each member’s email from Teams: the email, else a UPN that is an address, else nothing', async () => {
    bot.connector.members = [
      chair,
      { ...teamsUser('Mum', 2), email: 'mum@example.org' },
      { ...teamsUser('Teacher', 3), userPrincipalName: 'teacher@school.example.org' },
      { ...teamsUser('Guest', 4), userPrincipalName: 'guest_outlook.com#EXT#' },
    ];
    await bot.say(chair, 'start review');
    let reply = await openAsChair(bot, chair);
    reply = await bot.pressOn(chair, reply.card!, WALK[0]!.verb ?? 'review.continue', WALK[0]!.typed);
    reply = await bot.pressOn(chair, reply.card!, 'review.continue', WALK[1]!.typed);
    const inputs = inputsOf(reply.card!);
    const emailOf = (name: string) => {
      const row = Object.entries(inputs).find(([id, value]) => /^attendees\.\d+\.name$/.test(id) && value === name)![0].split('.')[1];
      return inputs[`attendees.${row}.email`];
    };
    expect([emailOf('Mum'), emailOf('Teacher'), emailOf('Guest')]).toEqual(['mum@example.org', 'teacher@school.example.org', '']);
  });
});
