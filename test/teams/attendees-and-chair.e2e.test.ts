import { BotUnderTest } from '../support/bot-under-test';
import { actionData, textOf } from '../support/card-reader';
import { WALK, openAsChair } from '../support/review-walk';
import { teamsUser } from '../support/teams-activity';

const chair = teamsUser('Sam', 1);
const mum = teamsUser('Mum', 2);
const teacher = teamsUser('Teacher', 3);

async function reachChildVoice(bot: BotUnderTest) {
  await bot.say(chair, 'start review');
  let reply = await openAsChair(bot, chair);
  for (const { typed, verb } of WALK.slice(0, 5)) reply = await bot.pressOn(chair, reply.card!, verb ?? 'review.continue', typed);
  expect(actionData(reply.card!, 'review.continue').step).toBe('child-voice');
  return reply;
}

describe('attendees join late, and the chair can be handed over', () => {
  let bot: BotUnderTest;
  beforeEach(async () => {
    bot = await new BotUnderTest().start();
    bot.connector.members = [chair, mum, teacher];
  });
  afterEach(() => bot.stop());

  it('adds an attendee from a later step, keeping what was typed there, and asks for their update', async () => {
    const atVoice = await reachChildVoice(bot);
    const typedVoice = { 'voices.0.ownWords': 'M-KEPT-WHILE-ADDING' };
    const refused = await bot.pressOn(chair, atVoice.card!, 'review.addAttendee', { ...typedVoice, 'newAttendee.name': '' });
    expect(textOf(refused.card)).toContain('Enter the name');
    const added = await bot.pressOn(chair, atVoice.card!, 'review.addAttendee', {
      ...typedVoice,
      'newAttendee.name': 'Dr Late Arrival',
      'newAttendee.role': 'health',
      'newAttendee.organisation': 'M-LATE-ORG',
      'newAttendee.attendance': 'present',
    });
    expect(actionData(added.card!, 'review.continue').step).toBe('child-voice');
    expect(textOf(added.card)).toContain('M-KEPT-WHILE-ADDING');
    // The new professional appears on the updates step when the chair gets there.
    let reply = added;
    for (const { typed, verb } of WALK.slice(5, 9)) reply = await bot.pressOn(chair, reply.card!, verb ?? 'review.continue', typed);
    expect(actionData(reply.card!, 'review.continue').step).toBe('updates');
    expect(textOf(reply.card)).toContain('Dr Late Arrival, M-LATE-ORG');
  });

  it('hands the chair to someone in the chat: from then on only they drive', async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    const handOver = opened.card!.actions.find((a: any) => a.title === 'Hand the chair over');
    const mumKey = handOver.card.body[0].choices.find((c: any) => c.title === 'Mum').value;
    // A card cannot name an identity that is not in the review.
    const forged = await bot.pressOn(chair, handOver.card, 'review.handChair', { handTo: 'someone-else' });
    expect(textOf(forged.card)).toContain('Choose someone from this chat');
    const handed = await bot.pressOn(chair, handOver.card, 'review.handChair', { handTo: mumKey });
    expect(textOf(handed.card)).toContain('Only Mum, who is chairing');
    const asMum = await bot.press(mum, 'review.refresh', { reviewId: actionData(opened.card!, 'review.continue').reviewId });
    expect(actionData(asMum.card!, 'review.continue').step).toBe('set-up');
    expect(asMum.card!.refresh.userIds).toEqual([mum.id]);
  });
});
