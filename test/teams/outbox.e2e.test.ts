import { BotUnderTest } from '../support/bot-under-test';
import { BotProcess, freePort } from '../support/bot-process';
import { actionData, textOf } from '../support/card-reader';
import { cardOf } from '../support/local-connector';
import { WALK, openAsChair } from '../support/review-walk';
import { teamsUser } from '../support/teams-activity';

const chair = teamsUser('Sam', 1);

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function lastProgressText(bot: BotUnderTest): string {
  return textOf(bot.connector.currentCard(bot.conversationId));
}

describe('the shared progress card is updated through the outbox, outside the turn', () => {
  let bot: BotUnderTest;
  beforeEach(async () => {
    bot = await new BotUnderTest().start({ OUTBOX_LEASE_SECONDS: '3', OUTBOX_CALL_TIMEOUT_SECONDS: '1' });
    bot.connector.members = [chair, teamsUser('Mum', 2), teamsUser('Teacher', 3)];
  });
  afterEach(() => bot.stop());

  it('a connector that stalls never delays a press: the answer comes while its update is still waiting', async () => {
    await bot.say(chair, 'start review');
    let reply = await openAsChair(bot, chair);
    bot.connector.holdUpdates();
    reply = await bot.pressOn(chair, reply.card!, WALK[0]!.verb ?? 'review.continue', WALK[0]!.typed);
    reply = await bot.pressOn(chair, reply.card!, 'review.continue', WALK[1]!.typed);
    await until('the update to reach the stalled connector', () => bot.connector.heldUpdates > 0);
    // The next press is answered although the connector has not answered the update.
    const next = await bot.pressOn(chair, reply.card!, 'review.save', WALK[2]!.typed);
    expect(next.status).toBe(200);
    expect(actionData(next.card!, 'review.continue').step).toBe('introductions');
    expect(bot.connector.heldUpdates).toBeGreaterThan(0);
    bot.connector.release();
    await bot.effectsSettled();
    expect(lastProgressText(bot)).toContain('Introductions and apologies');
    expect(lastProgressText(bot)).toMatch(/Step 2 of/);
  });

  it('each change is recorded in the outbox with the review, and done once the card is updated', async () => {
    await bot.say(chair, 'start review');
    let reply = await openAsChair(bot, chair);
    reply = await bot.pressOn(chair, reply.card!, 'review.save', WALK[0]!.typed);
    reply = await bot.pressOn(chair, reply.card!, 'review.continue', WALK[1]!.typed);
    await bot.effectsSettled();
    const reviewId = actionData(reply.card!, 'review.continue').reviewId as string;
    const effects = await bot.bot!.storage.outbox.ofReview(reviewId);
    // A save that stays on the step changes nothing the progress card shows; moving on does.
    expect(effects.map((e) => [e.kind, e.status])).toEqual([['progress-card.update', 'done']]);
  });

  it('an update Teams refuses with 412 (which botbuilder does not retry) is tried again by the outbox, and done once accepted', async () => {
    await bot.say(chair, 'start review');
    let reply = await openAsChair(bot, chair);
    bot.connector.failUpdates(412, 1);
    reply = await bot.pressOn(chair, reply.card!, 'review.save', WALK[0]!.typed);
    reply = await bot.pressOn(chair, reply.card!, 'review.continue', WALK[1]!.typed);
    const reviewId = actionData(reply.card!, 'review.continue').reviewId as string;
    await until('the refused update to be retried', async () => (await bot.bot!.storage.outbox.ofReview(reviewId)).every((e) => e.status === 'done'));
    const [effect] = await bot.bot!.storage.outbox.ofReview(reviewId);
    expect(effect!.attempts).toBeGreaterThanOrEqual(1);
    expect(lastProgressText(bot)).toContain('Introductions and apologies');
  });

  it('the chat and the person are remembered from the turn, for sending later', async () => {
    await bot.say(chair, 'help');
    const chat = await bot.bot!.storage.directory.chat(bot.conversationId);
    expect(chat).toMatchObject({ conversationId: bot.conversationId, serviceUrl: bot.connector.url });
    const known = await bot.bot!.storage.directory.user(chat!.tenantId, chair.aadObjectId!.toUpperCase());
    expect(known).toMatchObject({ teamsUserId: chair.id, name: 'Sam', serviceUrl: bot.connector.url });
  });

  it('an update the connector never answers is given up on after the time limit and tried again', async () => {
    await bot.say(chair, 'start review');
    let reply = await openAsChair(bot, chair);
    bot.connector.holdUpdates();
    reply = await bot.pressOn(chair, reply.card!, 'review.save', WALK[0]!.typed);
    reply = await bot.pressOn(chair, reply.card!, 'review.continue', WALK[1]!.typed);
    const reviewId = actionData(reply.card!, 'review.continue').reviewId as string;
    await until('a retry after the time limit', async () => (await bot.bot!.storage.outbox.ofReview(reviewId)).some((e) => e.attempts >= 1));
    const [effect] = await bot.bot!.storage.outbox.ofReview(reviewId);
    expect(effect!.lastError).toMatch(/TIMEOUT/);
    bot.connector.release();
    await bot.effectsSettled();
    expect((await bot.bot!.storage.outbox.ofReview(reviewId)).map((e) => e.status)).toEqual(['done']);
  });
});

describe('an effect pending when the bot is killed is done after the restart', () => {
  let harness: BotUnderTest;
  let first: BotProcess | undefined;
  let second: BotProcess | undefined;
  beforeAll(async () => {
    harness = new BotUnderTest();
    await harness.connector.start();
    harness.connector.members = [chair, teamsUser('Mum', 2)];
  });
  afterAll(async () => {
    await first?.kill();
    await second?.kill();
    harness.bot = undefined;
    await harness.stop();
  });

  it('kill while the update is in flight: the second process updates the card to the stored state', async () => {
    const env = { NODE_ENV: 'development', SQLITE_FILE: harness.sqliteFile, LOG_LEVEL: 'error', OUTBOX_LEASE_SECONDS: '2', OUTBOX_CALL_TIMEOUT_SECONDS: '1' };
    first = new BotProcess(env);
    harness.bot = { url: await first.start(await freePort()) } as never;
    await harness.say(chair, 'start review');
    let reply = await openAsChair(harness, chair);
    harness.connector.holdUpdates();
    reply = await harness.pressOn(chair, reply.card!, 'review.save', WALK[0]!.typed);
    reply = await harness.pressOn(chair, reply.card!, 'review.continue', WALK[1]!.typed);
    await until('the update to reach the connector', () => harness.connector.heldUpdates > 0);
    await first.kill();
    harness.connector.release();
    const before = harness.connector.updates().length;

    second = new BotProcess(env);
    harness.bot = { url: await second.start(await freePort()) } as never;
    await until('the second process to perform the pending update', () => harness.connector.updates().length > before);
    expect(textOf(cardOf(harness.connector.updates().at(-1)!.activity))).toContain('Introductions and apologies');
  });
});
