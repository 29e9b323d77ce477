import { BotUnderTest } from './bot-under-test';
import { teamsUser } from './teams-activity';

/** The people of the usual meeting chat: Sam chairs; Mum and the teacher are in the chat too. */
export const chair = teamsUser('Sam', 1);
export const mum = teamsUser('Mum', 2);
export const teacher = teamsUser('Teacher', 3);

/** The real bot with the three of them in a meeting chat, and a review the chair started there. */
export async function meetingWithReview(bot = new BotUnderTest()): Promise<BotUnderTest> {
  await bot.start();
  bot.connector.members = [chair, mum, teacher];
  await bot.say(chair, 'start review');
  return bot;
}
