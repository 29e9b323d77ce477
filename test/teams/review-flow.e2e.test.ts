import { userMessageFor } from '../../src/errors/error-catalogue';
import { BotUnderTest } from '../support/bot-under-test';
import { actionData, textOf } from '../support/card-reader';
import { cardOf } from '../support/local-connector';
import { BOT, membersAddedActivity, teamsUser } from '../support/teams-activity';
import { MARKERS, openAsChair, signOff, walkToMinutes } from '../support/review-walk';

const chair = teamsUser('Sam', 1);
const mum = teamsUser('Mum', 2);
const teacher = teamsUser('Teacher', 3);

describe('a chair runs a whole CIN review through the HTTP endpoint', () => {
  let bot: BotUnderTest;

  beforeEach(async () => {
    bot = await new BotUnderTest().start();
    bot.connector.members = [chair, mum, teacher];
  });
  afterEach(() => bot.stop());

  it('walks from `start review` to signed-off minutes that hold every field entered', async () => {
    expect(await bot.say(chair, 'start review')).toBe(200);
    const shared = bot.connector.posted();
    expect(shared).toHaveLength(1);
    expect(textOf(cardOf(shared[0]!.activity))).toContain('Step 1 of');

    const opened = await openAsChair(bot, chair);
    expect(opened.status).toBe(200);
    expect(textOf(opened.card)).toContain('Set-up');
    // The chat's members are offered as attendees once set-up is done.
    const minutes = await walkToMinutes(bot, chair, opened);

    const text = textOf(minutes);
    for (const marker of MARKERS) expect(text).toContain(marker);
    // The child's own words stay apart from another person's account of them.
    expect(text).toContain('“M-AMARA-OWN-WORDS”');
    expect(text).toMatch(/Shared by M-BO-ACCOUNT-BY\s+M-BO-ACCOUNT/);

    const signed = await signOff(bot, chair, minutes);
    expect(textOf(signed.card)).toContain('Signed off by Sam at 10:00 on Tue 24 Nov 2026.');
    expect(JSON.stringify(signed.card)).not.toContain('review.signOff');

    // Everyone else's view followed the review (through the outbox, after each answer), and never showed what was written.
    await bot.effectsSettled();
    const updates = bot.connector.updates();
    expect(updates.length).toBeGreaterThan(5);
    expect(textOf(bot.connector.currentCard(bot.conversationId))).toContain('Signed off by Sam at 10:00 on Tue 24 Nov 2026.');
    // The minutes themselves go to each recipient's own chat (see test/minutes-delivery): the meeting chat shows none of it.
    for (const sent of bot.connector.sent.filter((s) => s.conversationId === bot.conversationId)) {
      const everyone = JSON.stringify(sent.activity);
      for (const marker of MARKERS.filter((m) => m.startsWith('M-'))) expect(everyone).not.toContain(marker);
    }
  });

  it('shows progress only, with who chairs, to anyone else who opens the card', async () => {
    await bot.say(chair, 'start review');
    const shared = bot.connector.lastCard()!;
    const asMum = await bot.press(mum, 'review.refresh', actionData(shared, 'review.refresh'));
    expect(asMum.status).toBe(200);
    expect(textOf(asMum.card)).toContain('Chair: Sam');
    expect(JSON.stringify(asMum.card)).not.toContain('Input.');
    expect(asMum.card!.refresh.userIds).toEqual([chair.id]);
  });

  it('re-shows a step with the message by the field and everything typed kept', async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    const typed = { meetingType: 'initial', chairRole: 'SW', mode: 'online', 'children.0.firstName': '${secret} {{x}}', 'children.0.caseReference': 'not a ref!' };
    const reply = await bot.pressOn(chair, opened.card!, 'review.continue', typed);
    expect(reply.status).toBe(200);
    const text = textOf(reply.card);
    expect(text).toContain('Some answers need attention.');
    expect(text).toContain('Use letters, digits, "-" or "/" only');
    expect(text).toContain('${secret} {{x}}');
    expect(text).toContain('not a ref!');
    expect(actionData(reply.card!, 'review.continue').step).toBe('set-up');
  });

  /** What the bot sent in answer to one message: each reply's plain text, or its card's text. */
  async function repliesTo(user: typeof chair, text: string): Promise<string[]> {
    const before = bot.connector.sent.length;
    expect(await bot.say(user, text)).toBe(200);
    return bot.connector.sent.slice(before).map((s) => s.activity.text ?? textOf(cardOf(s.activity)));
  }

  it('answers help, status and unknown text, and says when there is nothing to resume', async () => {
    expect(await repliesTo(chair, 'resume')).toEqual([expect.stringContaining('There is no review in progress')]);
    expect(await repliesTo(chair, 'help')).toEqual([expect.stringMatching(/start review[\s\S]*resume[\s\S]*status[\s\S]*due[\s\S]*cancel/)]);
    expect(await repliesTo(chair, 'what is this')).toEqual([userMessageFor('UNKNOWN_COMMAND')]);
    expect(await repliesTo(chair, 'start review')).toEqual([expect.stringContaining('Step 1 of')]);
    const status = await repliesTo(chair, 'status');
    expect(status).toEqual([expect.stringContaining('Step 1 of')]);
    expect(status[0]).toContain('Chair: Sam');
    expect(await repliesTo(mum, 'start review')).toEqual([
      'A review is already in progress in this chat. Type "resume" to continue it. It is chaired by Sam.',
    ]);
  });

  it('says what it does when it is added to a chat, and nothing when someone else joins', async () => {
    expect((await bot.post(membersAddedActivity(bot.where(), chair, [{ id: teacher.id, name: 'Teacher' }]))).status).toBe(200);
    expect(bot.connector.sent).toHaveLength(0);
    await bot.post(membersAddedActivity(bot.where(), chair, [BOT]));
    expect(bot.connector.sent.map((s) => textOf(cardOf(s.activity)))).toEqual([expect.stringContaining('start review')]);
  });

  it('starts with the chair alone when Teams will not give the roster', async () => {
    bot.connector.rosterFails = true;
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    const intro = await bot.pressOn(chair, opened.card!, 'review.continue', {
      meetingType: 'progress', meetingDate: '2026-11-24', mode: 'online', chairRole: 'SW', planStartDate: '2026-10-01', leadWorker: 'SW',
      timescaleReason: 'r', 'children.0.firstName': 'A', 'children.0.caseReference': 'CIN-5',
    });
    expect(actionData(intro.card!, 'review.continue').step).toBe('introductions');
    expect(textOf(intro.card)).toContain('Sam');
    expect(textOf(intro.card)).not.toContain('Teacher');
  });

  it('cancels only when the chair confirms', async () => {
    await bot.say(chair, 'start review');
    await bot.say(mum, 'cancel');
    expect(bot.connector.sent.at(-1)!.activity.text).toContain('Only Sam');
    await bot.say(chair, 'cancel');
    const confirm = bot.connector.lastCard()!;
    expect(textOf(confirm)).toContain('Cancel this review?');
    const byMum = await bot.pressOn(mum, confirm, 'review.cancel');
    expect(textOf(byMum.card)).toContain('Only Sam');
    const kept = await bot.pressOn(chair, confirm, 'review.keep');
    expect(textOf(kept.card)).toContain('Set-up');
    const cancelled = await bot.pressOn(chair, confirm, 'review.cancel');
    expect(textOf(cancelled.card)).toContain('Cancelled by Sam');
    await bot.say(chair, 'resume');
    expect(bot.connector.sent.at(-1)!.activity.text).toContain('The last review here was cancelled by Sam');
  });
});
