import { BotUnderTest } from '../support/bot-under-test';
import { actionData, inputsOf, textOf } from '../support/card-reader';
import { openAsChair } from '../support/review-walk';
import { cardOf } from '../support/local-connector';
import { cardActionActivity, messageActivity, teamsUser } from '../support/teams-activity';

const chair = teamsUser('Sam', 1);
const other = teamsUser('Alex', 2);

const SET_UP = {
  meetingType: 'progress',
  meetingDate: '2026-11-24',
  mode: 'in-person',
  chairRole: 'TM',
  planStartDate: '2026-10-01',
  leadWorker: 'SW',
  timescaleReason: 'Team manager chairing while the SSWOP post is vacant',
  'children.0.firstName': 'Amara',
  'children.0.caseReference': 'CIN-1',
};

describe('only the chair drives, and nothing is applied twice or lost', () => {
  let bot: BotUnderTest;
  beforeEach(async () => {
    bot = await new BotUnderTest().start();
  });
  afterEach(() => bot.stop());

  it("refuses a non-chair's press, naming the chair, and changes nothing", async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    // Alex replays the chair's own card data, ids and all: who pressed is taken from Teams, not the card.
    const refused = await bot.pressOn(other, opened.card!, 'review.continue', SET_UP);
    expect(refused.status).toBe(200);
    expect(textOf(refused.card)).toContain('Only Sam, who is chairing this review, can see and change the answers.');
    expect(JSON.stringify(refused.card)).not.toContain('Amara');
    const again = await openAsChair(bot, chair);
    expect(actionData(again.card!, 'review.continue').step).toBe('set-up');
    expect(actionData(again.card!, 'review.continue').version).toBe(1);
  });

  it('applies a redelivered activity once', async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    const activity = cardActionActivity(bot.where(), chair, 'review.save', {
      ...inputsOf(opened.card!),
      ...SET_UP,
      ...actionData(opened.card!, 'review.save'),
    });
    const first = await bot.press(chair, '', {}, activity);
    const second = await bot.press(chair, '', {}, activity);
    expect(actionData(first.card!, 'review.continue').version).toBe(2);
    expect(actionData(second.card!, 'review.continue').version).toBe(2);
    expect(textOf(second.card)).not.toContain('changed while you were typing');

    // A redelivered `start review` posts nothing more.
    const start = messageActivity(bot.where({ conversationId: 'other-chat' }), chair, 'start review');
    await bot.post(start);
    const posted = bot.connector.posted().length;
    await bot.post(start);
    expect(bot.connector.posted()).toHaveLength(posted);
  });

  it('two racing presses on the same card: one is saved, the other gets a fresh card with its text kept', async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    const [a, b] = await Promise.all([
      bot.pressOn(chair, opened.card!, 'review.save', { ...SET_UP, 'children.0.firstName': 'Amara' }),
      bot.pressOn(chair, opened.card!, 'review.save', { ...SET_UP, 'children.0.firstName': 'Bella' }),
    ]);
    const texts = [textOf(a.card), textOf(b.card)];
    const lost = texts.filter((t) => t.includes('changed while you were typing'));
    expect(lost).toHaveLength(1);
    const loserKept = lost[0]!.includes('Bella') ? 'Bella' : 'Amara';
    const winner = loserKept === 'Bella' ? 'Amara' : 'Bella';
    const now = await openAsChair(bot, chair);
    expect(inputsOf(now.card!)['children.0.firstName']).toBe(winner);
    expect(actionData(now.card!, 'review.continue').version).toBe(2);
  });

  it('answers malformed and oversized payloads with a clear 4xx, and keeps serving', async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    const reviewId = actionData(opened.card!, 'review.continue').reviewId;
    const bad = await bot.press(chair, 'review.nonsense', { reviewId });
    expect(bad.body).toMatchObject({ statusCode: 400, value: { code: 'UNKNOWN_VERB' } });
    const noId = await bot.press(chair, 'review.continue', { version: 'x' });
    expect(noId.body).toMatchObject({ statusCode: 400, value: { code: 'PAYLOAD_INVALID' } });
    // An answer over its field's limit comes back on the step, kept, with the limit said (a client may not enforce maxLength).
    const tooLong = await bot.press(chair, 'review.continue', { reviewId, version: 1, step: 'set-up', chairName: 'x'.repeat(5000) });
    expect(tooLong.body.statusCode).toBe(200);
    expect(inputsOf(tooLong.card!).chairName).toBe('x'.repeat(5000));
    expect(textOf(tooLong.card)).toContain('Remove 4,900 characters: this is 5,000 characters and the limit is 100');
    const beyondAnyField = await bot.press(chair, 'review.continue', { reviewId, version: 1, step: 'set-up', chairName: 'x'.repeat(60_000) });
    expect(beyondAnyField.body).toMatchObject({ statusCode: 400, value: { code: 'PAYLOAD_INVALID' } });
    const wrongType = await bot.post({ ...cardActionActivity(bot.where(), chair, 'review.continue', {}), value: 'not an object' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'PAYLOAD_INVALID' } });
    expect((await bot.post('{not json')).status).toBe(400);
    expect((await bot.post([1, 2])).status).toBe(400);
    const huge = await bot.post({ type: 'message', text: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
    const shapeless = await bot.post({ nothing: true });
    expect(shapeless.status).toBe(400);
    expect(shapeless.body.error).toBe('PAYLOAD_INVALID');
    for (const field of ['type', 'serviceUrl', 'conversation', 'from']) expect(shapeless.body.message).toContain(`${field}:`);
    expect((await openAsChair(bot, chair)).status).toBe(200);
  });

  it('ignores a malformed mention entity (`mentioned: null`) and still reads the command', async () => {
    const message = messageActivity(bot.where(), chair, 'help');
    const activity = { ...message, entities: [{ type: 'mention', text: '<at>Someone</at>', mentioned: null }, ...message.entities] };
    expect((await bot.post(activity)).status).toBe(200);
    // The help card, and nothing else (in particular not "Sorry, something went wrong").
    expect(bot.connector.sent.map((s) => s.activity.text ?? textOf(cardOf(s.activity)))).toEqual([expect.stringContaining('start review')]);
  });

  it('an old card after the review moved on gets the step it was pressed on back, with the text kept and nothing overwritten', async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    const saved = await bot.pressOn(chair, opened.card!, 'review.continue', SET_UP);
    expect(actionData(saved.card!, 'review.continue').step).toBe('introductions');
    const stale = await bot.pressOn(chair, opened.card!, 'review.continue', { ...SET_UP, 'children.0.firstName': 'Old' });
    expect(textOf(stale.card)).toContain('changed while you were typing');
    expect(actionData(stale.card!, 'review.continue').step).toBe('set-up');
    expect(inputsOf(stale.card!)['children.0.firstName']).toBe('Old');
    // Nothing was saved from the stale card: the stored set-up still has the first name.
    const current = await openAsChair(bot, chair);
    expect(inputsOf(current.card!)['children.0.firstName']).toBe(SET_UP['children.0.firstName']);
    // Pressed again on the card it was given back, the text is saved.
    const again = await bot.pressOn(chair, stale.card!, 'review.continue', { ...SET_UP, 'children.0.firstName': 'Old' });
    expect(actionData(again.card!, 'review.continue').step).toBe('introductions');
  });
});

describe('tenant allow-list', () => {
  let bot: BotUnderTest;
  beforeEach(async () => {
    bot = await new BotUnderTest().start({ ALLOWED_TENANT_IDS: 'aaaaaaaa-0000-4000-8000-000000000001' });
  });
  afterEach(() => bot.stop());

  it('ignores messages and refuses card actions from any other tenant', async () => {
    expect(await bot.say(chair, 'start review')).toBe(200);
    expect(bot.connector.sent).toHaveLength(0);
    const press = await bot.press(chair, 'review.refresh', { reviewId: 'x' });
    expect(press.status).toBe(403);
    const allowed = messageActivity(bot.where({ tenantId: 'aaaaaaaa-0000-4000-8000-000000000001' }), chair, 'help');
    await bot.post(allowed);
    expect(bot.connector.sent).toHaveLength(1);
  });

  it('compares tenant ids (GUIDs) without regard to case', async () => {
    const upper = messageActivity(bot.where({ tenantId: 'AAAAAAAA-0000-4000-8000-000000000001' }), chair, 'help');
    expect((await bot.post(upper)).status).toBe(200);
    expect(bot.connector.sent.map((s) => textOf(cardOf(s.activity)))).toEqual([expect.stringContaining('start review')]);
    const press = await bot.post(cardActionActivity(bot.where({ tenantId: 'AAAAAAAA-0000-4000-8000-000000000001' }), chair, 'review.refresh', { reviewId: 'x' }));
    expect(press.status).not.toBe(403);
  });
});
