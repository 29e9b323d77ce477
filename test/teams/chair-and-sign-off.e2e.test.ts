import { BotUnderTest, InvokeReply } from '../support/bot-under-test';
import { actionData, actionsOf, errorsOf, textOf } from '../support/card-reader';
import { cardOf } from '../support/local-connector';
import { MARKERS, WALK, openAsChair, walkToMinutes } from '../support/review-walk';
import { TENANT, TeamsUser, teamsUser } from '../support/teams-activity';

const chair = teamsUser('Sam', 1);
const mum = teamsUser('Mum', 2);
const teacher = teamsUser('Teacher', 3);
const visitor = teamsUser('Visitor', 4);
const unknownTenant = teamsUser('Unplaced', 5);
const member = (u: TeamsUser, tenantId: string | null = TENANT) => ({ ...u, ...(tenantId !== null ? { tenantId } : {}) });

type Card = Record<string, any>;
const handOverOf = (card: Card) => (card.actions ?? []).find((a: any) => a.title === 'Hand the chair over');
const offeredOn = (card: Card): string[] => (handOverOf(card)?.card.body[0].choices ?? []).map((c: any) => c.title);
const keyOffered = (card: Card, name: string): string => handOverOf(card).card.body[0].choices.find((c: any) => c.title === name).value;
const titles = (card: Card | undefined) => actionsOf(card ?? {}).map((a) => a.title);
const ISO = /\d{4}-\d\d-\d\dT\d\d:/;

/** Presses continue (or the walk's verb) with the walk's answers for each step, as `by`, checking nothing was refused. */
async function walkSteps(bot: BotUnderTest, by: TeamsUser, from: InvokeReply, steps: typeof WALK): Promise<InvokeReply> {
  let reply = from;
  for (const { step, typed, verb } of steps) {
    expect(actionData(reply.card!, 'review.continue').step).toBe(step);
    reply = await bot.pressOn(by, reply.card!, verb ?? 'review.continue', typed);
    expect(errorsOf(reply.card!)).toEqual([]);
  }
  return reply;
}

/** The bot's replies to one typed message: a text, or a card's text. */
async function repliesTo(bot: BotUnderTest, user: TeamsUser, text: string): Promise<Array<{ text: string; card: Card | undefined }>> {
  await bot.effectsSettled();
  const before = bot.connector.sent.length;
  expect(await bot.say(user, text)).toBe(200);
  return bot.connector.sent.slice(before).filter((s) => s.method === 'POST').map((s) => ({ text: s.activity.text ?? textOf(cardOf(s.activity)), card: cardOf(s.activity) }));
}

describe('handing the chair over', () => {
  let bot: BotUnderTest;
  beforeEach(async () => {
    bot = await new BotUnderTest().start();
  });
  afterEach(() => bot.stop());

  it('offers only professionals, asks to confirm, and records each hand-over in the minutes; the chair can be taken back', async () => {
    bot.connector.members = [member(chair), member(mum), member(teacher)];
    await bot.say(chair, 'start review');
    const atExplanations = await walkSteps(bot, chair, await openAsChair(bot, chair), WALK.slice(0, 4));
    // Mum is a parent (and Kofi Dad and Rose Gran are not in the chat): only the teacher is offered.
    expect(offeredOn(atExplanations.card!)).toEqual(['Teacher']);

    // A forged press naming mum (her attendee row; the chair is row 0, then the chat's members) is refused.
    const forged = await bot.pressOn(chair, handOverOf(atExplanations.card!).card, 'review.handChair', { handTo: 'attendee-roster-1' });
    expect(textOf(forged.card)).toContain('Mum cannot take the chair');
    expect(actionData(forged.card!, 'review.continue').step).toBe('explanations');

    // The first press only asks.
    const asked = await bot.pressOn(chair, handOverOf(atExplanations.card!).card, 'review.handChair', { handTo: keyOffered(atExplanations.card!, 'Teacher') });
    expect(textOf(asked.card)).toContain('Hand the chair to Teacher?');
    expect(textOf(asked.card)).toContain('Only Teacher can change the review after this.');
    expect(titles(asked.card)).toEqual(expect.arrayContaining(['Confirm', 'Keep chairing']));
    const teacherBefore = await bot.press(teacher, 'review.refresh', { reviewId: actionData(asked.card!, 'review.keep').reviewId });
    expect(textOf(teacherBefore.card)).toContain('Chair: Sam');

    const kept = await bot.pressOn(chair, asked.card!, 'review.keep');
    expect(actionData(kept.card!, 'review.continue').step).toBe('explanations');

    const handed = await bot.pressOn(chair, asked.card!, 'review.confirmHandChair');
    expect(textOf(handed.card)).toContain('You handed the chair to Teacher');
    expect(textOf(handed.card)).toContain('Only Teacher, who is chairing');
    expect(textOf(handed.card)).not.toMatch(ISO);

    // The teacher now drives, and can hand the chair back to the social worker.
    const asTeacher = await bot.press(teacher, 'review.refresh', { reviewId: actionData(asked.card!, 'review.keep').reviewId });
    expect(asTeacher.card!.refresh.userIds).toEqual([teacher.id]);
    expect(offeredOn(asTeacher.card!)).toEqual(['Sam']);
    const atPlan = await walkSteps(bot, teacher, asTeacher, WALK.slice(4, 7));
    const askBack = await bot.pressOn(teacher, handOverOf(atPlan.card!).card, 'review.handChair', { handTo: keyOffered(atPlan.card!, 'Sam') });
    expect(textOf(askBack.card)).toContain('Hand the chair to Sam?');
    await bot.pressOn(teacher, askBack.card!, 'review.confirmHandChair');

    const asSam = await bot.press(chair, 'review.refresh', { reviewId: actionData(asked.card!, 'review.keep').reviewId });
    expect(actionData(asSam.card!, 'review.continue').step).toBe('plan');
    const minutes = await walkSteps(bot, chair, asSam, WALK.slice(7));
    const text = textOf(minutes.card);
    expect(text).toContain('From Sam to Teacher at 10:00 on Tue 24 Nov 2026');
    expect(text).toContain('From Teacher to Sam at 10:00 on Tue 24 Nov 2026');
  });

  it('never offers, nor accepts, someone of another tenant or one Teams gave no tenant for', async () => {
    bot.connector.members = [member(chair), member(teacher), member(visitor, 'another-tenant-id'), member(unknownTenant, null)];
    await bot.say(chair, 'start review');
    let reply = await walkSteps(bot, chair, await openAsChair(bot, chair), WALK.slice(0, 2));
    expect(actionData(reply.card!, 'review.continue').step).toBe('introductions');
    reply = await bot.pressOn(chair, reply.card!, 'review.continue', {
      'attendees.1.role': 'school-nursery',
      'attendees.2.role': 'health',
      'attendees.3.role': 'gp',
    });
    expect(errorsOf(reply.card!)).toEqual([]);
    expect(offeredOn(reply.card!)).toEqual(['Teacher']);
    for (const row of ['attendee-roster-2', 'attendee-roster-3']) {
      const refused = await bot.press(chair, 'review.confirmHandChair', { ...actionData(handOverOf(reply.card!).card, 'review.handChair'), handTo: row });
      expect(textOf(refused.card)).toContain('cannot take the chair');
    }
    const asVisitor = await bot.press(visitor, 'review.refresh', { reviewId: actionData(reply.card!, 'review.continue').reviewId });
    expect(textOf(asVisitor.card)).toContain('Chair: Sam');
  });
});

describe('signing off, and the review after it', () => {
  let bot: BotUnderTest;
  beforeEach(async () => {
    bot = await new BotUnderTest().start();
    bot.connector.members = [member(chair), member(mum), member(teacher)];
  });
  afterEach(() => bot.stop());

  it('asks to confirm, then says what happened and what happens next, with the time in words', async () => {
    await bot.say(chair, 'start review');
    const minutes = await walkToMinutes(bot, chair);
    expect(textOf(minutes)).not.toMatch(ISO);

    const asked = await bot.pressOn(chair, minutes, 'review.signOff');
    expect(textOf(asked.card)).toContain('Sign off the minutes?');
    expect(titles(asked.card)).toEqual(expect.arrayContaining(['Confirm sign-off', 'Not yet']));
    const notYet = await bot.pressOn(chair, asked.card!, 'review.keep');
    expect(titles(notYet.card)).toContain('Sign off the minutes');
    await bot.effectsSettled();
    expect(textOf(bot.connector.currentCard(bot.conversationId))).not.toMatch(/signed off/i);

    const signed = await bot.pressOn(chair, asked.card!, 'review.confirmSignOff');
    const text = textOf(signed.card);
    expect(text).toContain('Signed off by Sam at 10:00 on Tue 24 Nov 2026.');
    expect(text).toContain('The minutes are being sent to everyone you ticked');
    expect(text).not.toMatch(ISO);
    expect(JSON.stringify(signed.card)).not.toContain('review.signOff');

    // The chat's card says what happened, and no longer promises the minutes will be sent.
    await bot.effectsSettled();
    const shared = textOf(bot.connector.currentCard(bot.conversationId));
    expect(shared).toContain('Signed off by Sam at 10:00 on Tue 24 Nov 2026');
    expect(shared).not.toContain('until the minutes are sent');
  });

  it('status and resume then tell of the last review; resume shows its minutes to the chair alone', async () => {
    await bot.say(chair, 'start review');
    const minutes = await walkToMinutes(bot, chair);
    const asked = await bot.pressOn(chair, minutes, 'review.signOff');
    await bot.pressOn(chair, asked.card!, 'review.confirmSignOff');

    for (const who of [chair, mum]) {
      expect((await repliesTo(bot, who, 'status')).map((r) => r.text)).toEqual([
        'The last review here was signed off by Sam on Tue 24 Nov 2026. Type resume to see its minutes (chair only).',
      ]);
    }
    const [resumed] = await repliesTo(bot, mum, 'resume');
    // The chat sees a line; the card turns into the minutes for the chair alone.
    expect(resumed!.card!.refresh.userIds).toEqual([chair.id]);
    expect(resumed!.text).toContain('only Sam can see them');
    for (const marker of MARKERS.filter((m) => m.startsWith('M-'))) expect(JSON.stringify(resumed!.card)).not.toContain(marker);

    const refresh = actionData(resumed!.card!, 'review.refresh');
    const forChair = await bot.press(chair, 'review.refresh', refresh);
    expect(textOf(forChair.card)).toContain('M-DECISION-REASON');
    expect(textOf(forChair.card)).toContain('Signed off by Sam at 10:00 on Tue 24 Nov 2026');
    expect(forChair.card!.refresh.userIds).toEqual([chair.id]);
    const forMum = await bot.press(mum, 'review.refresh', refresh);
    for (const marker of MARKERS.filter((m) => m.startsWith('M-'))) expect(JSON.stringify(forMum.card)).not.toContain(marker);
  });

  it('a cancelled last review is said to be cancelled', async () => {
    await bot.say(chair, 'start review');
    await bot.say(chair, 'cancel');
    await bot.pressOn(chair, bot.connector.lastCard()!, 'review.cancel');
    for (const command of ['status', 'resume']) {
      const replies = await repliesTo(bot, chair, command);
      expect(replies.map((r) => r.text)).toEqual([expect.stringContaining('The last review here was cancelled by Sam on Tue 24 Nov 2026')]);
    }
  });
});
