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

describe('attendees join late, and the chair is not handed over to just anyone', () => {
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

  it('offers no hand-over before anyone’s role is known, and refuses one pressed anyway', async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    // At set-up the chat's members are offered as attendees, their roles not yet chosen: none is known to be a professional.
    expect(opened.card!.actions.find((a: any) => a.title === 'Hand the chair over')).toBeUndefined();
    const data = actionData(opened.card!, 'review.continue');
    const forged = await bot.press(chair, 'review.handChair', { ...data, handTo: 'someone-else' });
    expect(textOf(forged.card)).toContain('Choose someone from this chat');
    // Mum's row (the chair is row 0, then the chat's members): in the review, but not someone who may chair.
    const mumRow = await bot.press(chair, 'review.confirmHandChair', { ...data, handTo: 'attendee-roster-1' });
    expect(textOf(mumRow.card)).toContain('Mum cannot take the chair');
    const asMum = await bot.press(mum, 'review.refresh', { reviewId: data.reviewId });
    expect(textOf(asMum.card)).toContain('Chair: Sam');
    expect(asMum.card!.refresh.userIds).toEqual([chair.id]);
  });
});
