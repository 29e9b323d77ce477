import Database from 'better-sqlite3';
import { userMessageFor } from '../../src/errors/error-catalogue';
import { BotUnderTest } from '../support/bot-under-test';
import { actionData } from '../support/card-reader';
import { openAsChair } from '../support/review-walk';
import { teamsUser } from '../support/teams-activity';

const chair = teamsUser('Sam', 1);

/** A stored review is read with its schema: a damaged one is refused with its code, never cast and shown. */
describe('a stored review that cannot be read', () => {
  let bot: BotUnderTest;
  beforeEach(async () => {
    bot = await new BotUnderTest().start();
  });
  afterEach(() => bot.stop());

  it('is answered with REVIEW_UNREADABLE, plainly, on a press and on a typed command', async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    const reviewId = actionData(opened.card!, 'review.continue').reviewId as string;
    const db = new Database(bot.sqliteFile);
    db.prepare(`UPDATE reviews SET doc = ? WHERE id = ?`).run(JSON.stringify({ formatVersion: 1, id: reviewId, status: 'in-progress', chair: 42 }), reviewId);
    db.close();

    const press = await bot.press(chair, 'review.refresh', { reviewId });
    expect(press.body).toMatchObject({ statusCode: 500, value: { code: 'REVIEW_UNREADABLE', message: userMessageFor('REVIEW_UNREADABLE') } });
    expect(JSON.stringify(press.body)).not.toContain('42');

    await bot.say(chair, 'resume');
    expect(bot.connector.posted().map((p) => p.activity.text)).toContain(userMessageFor('REVIEW_UNREADABLE'));
  });
});
