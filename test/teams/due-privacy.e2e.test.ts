import { BotUnderTest } from '../support/bot-under-test';
import { textOf } from '../support/card-reader';
import { cardOf } from '../support/local-connector';
import { openAsChair } from '../support/review-walk';
import { cardActionActivity, messageActivity, teamsUser } from '../support/teams-activity';

const chair = teamsUser('Kim', 1);
const parent = teamsUser('Parent', 2);
const CASE = 'CIN-77';

/** Set-up saved for case CIN-77 on Mon 21 Dec 2026: its minutes are outstanding by January. */
const SET_UP = {
  meetingType: 'progress', meetingDate: '2026-12-21', mode: 'in-person', chairName: 'Kim Worker', chairRole: 'KW',
  planStartDate: '2026-10-26', policyPackId: 'leicestershire', leadWorker: 'SW', timescaleReason: 'r',
  'children.0.firstName': 'Amara', 'children.0.caseReference': CASE,
};

describe('`due` in a group chat never shows a case reference to anyone but the caller', () => {
  let bot: BotUnderTest;
  const personalChat = (user: typeof chair) => ({ ...bot.where({ conversationId: `a:1personal-${user.id}` }), conversationType: 'personal' as const });
  /** Teams' automatic refresh of a card with `refresh.userIds`, or a press of its button. */
  const refresh = (user: typeof chair, data: Record<string, unknown>, trigger: 'automatic' | 'manual') =>
    bot.press(user, '', {}, cardActionActivity(bot.where(), user, 'due.show', data, trigger));

  beforeEach(async () => {
    bot = await new BotUnderTest().start();
    bot.connector.members = [chair, parent];
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    await bot.pressOn(chair, opened.card!, 'review.continue', SET_UP);
    bot.today = '2027-01-04';
  });
  afterEach(() => bot.stop());

  it('posts a placeholder that names the caller and no case, refreshing for the caller alone', async () => {
    const before = bot.connector.posted().length;
    expect(await bot.say(chair, 'due')).toBe(200);
    const posted = bot.connector.posted().slice(before);
    expect(posted.map((p) => textOf(cardOf(p.activity)))).toEqual([expect.stringContaining("Kim's due list: only they can see it")]);
    const placeholder = cardOf(posted[0]!.activity)!;
    expect(placeholder.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'due.show', title: 'Show my due list', data: { forUserId: chair.id, forName: 'Kim' } },
      userIds: [chair.id],
    });
    // Nothing the bot put in the group chat, ever, holds a case reference.
    expect(JSON.stringify(bot.connector.sent.filter((s) => s.conversationId === bot.conversationId))).not.toContain(CASE);
  });

  it('answers the refresh with the list only when the caller is the one refreshing', async () => {
    await bot.say(chair, 'due');
    const data = cardOf(bot.connector.posted().at(-1)!.activity)!.refresh.action.data;

    const mine = await refresh(chair, data, 'automatic');
    expect(mine.status).toBe(200);
    expect(textOf(mine.card)).toContain(`${CASE}: minutes outstanding`);
    // The caller's view stays theirs: it refreshes again for them alone.
    expect(mine.card!.refresh).toMatchObject({ action: { verb: 'due.show', data: { forUserId: chair.id } }, userIds: [chair.id] });
    const pressed = await refresh(chair, data, 'manual');
    expect(textOf(pressed.card)).toContain(`${CASE}: minutes outstanding`);

    for (const trigger of ['automatic', 'manual'] as const) {
      const theirs = await refresh(parent, data, trigger);
      expect(theirs.status).toBe(200);
      expect(JSON.stringify(theirs.body)).not.toContain(CASE);
      expect(textOf(theirs.card)).toContain("Kim's due list: only they can see it");
    }
  });

  it('a forged refresh gets nobody else’s list: who asks is Teams’ identity, not the card’s', async () => {
    // Naming themselves as the owner, the parent gets their own (empty) list, not the chair's.
    const ownList = await refresh(parent, { forUserId: parent.id, forName: 'Kim' }, 'manual');
    expect(JSON.stringify(ownList.body)).not.toContain(CASE);
    expect(textOf(ownList.card)).toContain('Nothing due on your cases');
    // Naming the chair, with the chair's name, they get the placeholder.
    const claimed = await refresh(parent, { forUserId: chair.id, forName: 'Kim' }, 'automatic');
    expect(JSON.stringify(claimed.body)).not.toContain(CASE);
    // A malformed refresh is refused, not answered with a list.
    const malformed = await refresh(chair, { forName: 'Kim' }, 'automatic');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).not.toContain(CASE);
  });

  it('in a personal chat answers with the list directly', async () => {
    await bot.post(messageActivity(personalChat(chair), chair, 'due'));
    const posted = bot.connector.posted().filter((p) => p.conversationId === `a:1personal-${chair.id}`);
    expect(posted.map((p) => textOf(cardOf(p.activity)))).toEqual([expect.stringContaining(`${CASE}: minutes outstanding`)]);
    expect(cardOf(posted[0]!.activity)!.refresh).toBeUndefined();
  });

  it('a name typed with markdown is shown as typed on the placeholder', async () => {
    const tricky = { ...teamsUser('x', 9), name: '[Kim](http://evil.example)' };
    await bot.say(tricky, 'due');
    const placeholder = cardOf(bot.connector.posted().at(-1)!.activity)!;
    expect(placeholder.body[0].text).toBe("\\[Kim\\](http://evil.example)'s due list: only they can see it");
  });
});
