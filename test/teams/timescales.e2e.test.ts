import { BotUnderTest } from '../support/bot-under-test';
import { actionData, actionsOf, errorsOf, inputsOf, textOf } from '../support/card-reader';
import { cardOf } from '../support/local-connector';
import { openAsChair, signOff } from '../support/review-walk';
import { TeamsUser, cardActionActivity, teamsUser } from '../support/teams-activity';

const chair = teamsUser('Kim', 1);
const parent = teamsUser('Parent', 2);

/** A Leicestershire progress meeting just before Christmas 2026, chaired by a key worker of a social-worker-led plan. */
const SET_UP = {
  meetingType: 'progress',
  meetingDate: '2026-12-21',
  mode: 'in-person',
  chairName: 'Kim Worker',
  chairRole: 'KW',
  planStartDate: '2026-10-26',
  policyPackId: 'leicestershire',
  leadWorker: 'SW',
  'children.0.firstName': 'Amara',
  'children.0.caseReference': 'CIN-77',
};

/** The steps from introductions to equality of a small review: one child, one parent, the chair's update. */
const TO_OUTCOME: Array<Record<string, string>> = [
  { 'attendees.1.role': 'parent-carer' },
  {
    'voices.0.source': 'own-words-verbatim', 'voices.0.ownWords': 'ok', 'voices.0.seenAlone': 'yes',
    'voices.0.interpreter': 'not-needed', 'voices.0.wishesAndFeelings': 'w', 'voices.0.feelsSafe': 'yes',
  },
  { 'parents.0.wantsFromToday': 'help' },
  { 'actions.0.what': 'a', 'actions.0.who': 'b', 'actions.0.byWhen': '2027-01-10' },
  { 'updates.0.update': 'u' },
  { workingWell: 'w', worries: 'x', safetyPlan: 'neither', scaleOverall: '5' },
  { identityAndCulture: 'i', language: 'l', disability: 'none known' },
];

async function walkSmallReview(bot: BotUnderTest, setUp: Record<string, string>, ...after: Array<Record<string, string>>) {
  await bot.say(chair, 'start review');
  let reply = await openAsChair(bot, chair);
  reply = await bot.pressOn(chair, reply.card!, 'review.continue', setUp);
  for (const typed of [...TO_OUTCOME, ...after]) reply = await bot.pressOn(chair, reply.card!, 'review.continue', typed);
  return reply;
}

/** A person's due list as they see it in a group chat: the placeholder posted there, refreshed by Teams for them. */
async function dueListOf(bot: BotUnderTest, user: TeamsUser): Promise<Record<string, any>> {
  await bot.say(user, 'due');
  const placeholder = cardOf(bot.connector.postedTo(bot.conversationId).at(-1)!.activity)!;
  expect(JSON.stringify(placeholder)).not.toContain('CIN-');
  const view = await bot.press(user, '', {}, cardActionActivity(bot.where(), user, 'due.show', placeholder.refresh.action.data, 'automatic'));
  return view.card!;
}

const thenContinueTo = (proposedDate: string): Array<Record<string, string>> => [{ kind: 'continue', reason: 'r' }, { familyPreference: 'in-person', proposedDate }];

describe('the review obeys the case’s statutory timescales', () => {
  let bot: BotUnderTest;
  beforeEach(async () => {
    bot = await new BotUnderTest().start();
    bot.connector.members = [chair, parent];
  });
  afterEach(() => bot.stop());

  it('asks for the reason when the chair is not the one the procedure names, and records it', async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    const refused = await bot.pressOn(chair, opened.card!, 'review.continue', SET_UP);
    expect(actionData(refused.card!, 'review.continue').step).toBe('set-up');
    expect(errorsOf(refused.card!).join(' ')).toMatch(/^Record the reason: .*Team Manager|Senior Practitioner|Social Worker/);
    // The timescales are shown at set-up: plan week, minutes due (5 working days, over Christmas and the 28th), next window.
    const note = textOf(refused.card);
    expect(note).toContain('Minutes due by Wed 30 Dec 2026');
    expect(note).toMatch(/week 9 of a 12-16 week plan/);
    const accepted = await bot.pressOn(chair, refused.card!, 'review.continue', { ...SET_UP, timescaleReason: 'M-CHAIR-REASON' });
    expect(actionData(accepted.card!, 'review.continue').step).toBe('introductions');
  });

  it('asks for the reason when the next meeting is outside its window, and the minutes show both', async () => {
    const outside = await walkSmallReview(bot, { ...SET_UP, timescaleReason: 'M-CHAIR-REASON' }, ...thenContinueTo('2027-03-01'));
    expect(actionData(outside.card!, 'review.continue').step).toBe('next-meeting');
    expect(errorsOf(outside.card!).join(' ')).toContain('after the latest date for the next review');
    const minutes = await bot.pressOn(chair, outside.card!, 'review.continue', { familyPreference: 'in-person', proposedDate: '2027-03-01', dateReason: 'M-DATE-REASON' });
    const text = textOf(minutes.card);
    for (const expected of ['Timescales', 'Leicestershire', '2026-12-30', 'M-CHAIR-REASON', 'M-DATE-REASON', 'Outside the window']) {
      expect(text).toContain(expected);
    }
  });

  it('`due` lists the chair’s cases: minutes outstanding, then the review overdue once signed off', async () => {
    const minutes = await walkSmallReview(bot, { ...SET_UP, timescaleReason: 'r' }, ...thenContinueTo('2027-01-18'));
    bot.today = '2027-01-04';
    let due = textOf(await dueListOf(bot, chair));
    expect(due).toContain('CIN-77: minutes outstanding');
    expect(due).toMatch(/5 days overdue/);

    await signOff(bot, chair, minutes.card!);
    bot.today = '2027-02-15';
    due = textOf(await dueListOf(bot, chair));
    expect(due).toContain('CIN-77: review overdue');
    expect(due).not.toContain('minutes outstanding');

    // The next review of the same case needs only the case reference: the case remembers the rest,
    // and its window follows from the last review.
    await bot.say(chair, 'start review');
    const next = await openAsChair(bot, chair);
    const { planStartDate: _p, policyPackId: _k, leadWorker: _l, ...withoutCaseFacts } = SET_UP;
    const remembered = await bot.pressOn(chair, next.card!, 'review.save', { ...withoutCaseFacts, meetingDate: '2027-01-18', policyPackId: '', planStartDate: '', leadWorker: '', chairRole: 'SP' });
    const inputs = inputsOf(remembered.card!);
    expect([inputs.planStartDate, inputs.policyPackId, inputs.leadWorker]).toEqual(['2026-10-26', 'leicestershire', 'SW']);
    expect(textOf(remembered.card)).toContain('Next review between Mon 15 Feb 2027 and Mon 1 Mar 2027');

    expect(textOf(await dueListOf(bot, parent))).toContain('Nothing due on your cases');
  });
});

describe('drift alerts: the chair records acting on them', () => {
  let bot: BotUnderTest;
  beforeEach(async () => {
    bot = await new BotUnderTest().start();
    bot.connector.members = [chair, parent];
  });
  afterEach(() => bot.stop());

  it('only the case’s chair can record it, only for an alert due now, and then it is not raised again', async () => {
    const minutes = await walkSmallReview(bot, { ...SET_UP, timescaleReason: 'r' }, ...thenContinueTo('2027-01-18'));
    await signOff(bot, chair, minutes.card!);
    // 003: "review all cases where the plan has been in place for 16 weeks or more": plan start Mon 26 Oct 2026.
    bot.today = '2027-03-01';
    const list = await dueListOf(bot, chair);
    expect(textOf(list)).toContain('CIN-77: drift checkpoint reached');
    const ack = actionsOf(list).find((a) => a.verb === 'case.acknowledge' && a.data.alertId === '16-weeks')!;
    expect(ack.data).toEqual({ caseReference: 'CIN-77', alertId: '16-weeks', due: '2027-02-15' });

    const byParent = await bot.press(parent, 'case.acknowledge', ack.data);
    expect(textOf(byParent.card)).toContain('Only the chair of the case’s latest meeting');
    const forged = await bot.press(chair, 'case.acknowledge', { ...ack.data, alertId: 'made-up' });
    expect(textOf(forged.card)).toContain('That alert is no longer due');

    const recorded = await bot.press(chair, 'case.acknowledge', ack.data);
    expect(textOf(recorded.card)).toContain("Recorded: you acted on CIN-77's alert.");
    expect(actionsOf(recorded.card!).some((a) => a.data?.alertId === '16-weeks')).toBe(false);
    expect(textOf(recorded.card)).toContain('CIN-77: review overdue');
    // In the group chat the answer stays the chair's own view.
    expect(recorded.card!.refresh.userIds).toEqual([chair.id]);
    const again = await bot.press(chair, 'case.acknowledge', ack.data);
    expect(textOf(again.card)).toContain('That alert is no longer due');
  });
});

describe('escalation does not wait for the minutes', () => {
  let bot: BotUnderTest;
  beforeEach(async () => {
    bot = await new BotUnderTest().start();
    bot.connector.members = [chair, parent];
  });
  afterEach(() => bot.stop());

  it('tells the chair at once what to do, on every card after, and records when', async () => {
    const reply = await walkSmallReview(bot, { ...SET_UP, timescaleReason: 'r' });
    expect(actionData(reply.card!, 'review.continue').step).toBe('outcome');
    bot.today = '2026-12-21';
    const escalated = await bot.pressOn(chair, reply.card!, 'review.continue', { kind: 'escalate', reason: 'Disclosure of physical harm' });
    const first = textOf(escalated.card);
    expect(first).toMatch(/^Escalation must not wait for the minutes\. Now: tell your team manager/m);
    const next = await bot.pressOn(chair, escalated.card!, 'review.continue', { familyPreference: 'in-person', proposedDate: '2027-01-18' });
    const minutes = textOf(next.card);
    expect(minutes).toContain('Escalation must not wait for the minutes');
    expect(minutes).toContain('Escalate: strategy discussion / s47');
    expect(minutes).toMatch(/Chair told what to do next\s+10:00 on Mon 21 Dec 2026/);
  });
});

describe('a case that began before the bot (issue 9)', () => {
  let bot: BotUnderTest;
  beforeEach(async () => {
    bot = await new BotUnderTest().start();
    bot.connector.members = [chair, parent];
    bot.today = '2026-12-01';
  });
  afterEach(() => bot.stop());

  /** A Hertfordshire progress meeting of a plan that started in March, chaired by a CSW: the bot has never seen case HC-41. */
  const OLD_CASE = {
    meetingType: 'progress',
    meetingDate: '2026-12-01',
    mode: 'in-person',
    chairName: 'Kim Worker',
    chairRole: 'CSW',
    planStartDate: '2026-03-03',
    policyPackId: 'hertfordshire',
    leadWorker: 'SW',
    'children.0.firstName': 'Amara',
    'children.0.caseReference': 'HC-41',
  };

  it('with the last review recorded, Save and continue needs no reason, and the minutes say who recorded it', async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    // A fresh set-up already offers the dates, for a case the bot has not seen before.
    expect(Object.keys(inputsOf(opened.card!))).toEqual(expect.arrayContaining(['lastReviewDate', 'caseOpenedDate']));
    expect(textOf(opened.card)).toContain('Only for a case the bot has not seen before');

    // 001 §4: "Further reviews should take place at not less than 3 monthly intervals": 15 Sep + 3 months is 15 Dec.
    let reply = await bot.pressOn(chair, opened.card!, 'review.continue', { ...OLD_CASE, lastReviewDate: '2026-09-15', caseOpenedDate: '2025-11-10' });
    expect(errorsOf(reply.card!)).toEqual([]);
    expect(actionData(reply.card!, 'review.continue').step).toBe('introductions');

    for (const typed of [...TO_OUTCOME, ...thenContinueTo('2027-02-15')]) reply = await bot.pressOn(chair, reply.card!, 'review.continue', typed);
    const minutes = textOf(reply.card);
    expect(minutes).toContain('Last review before this one (recorded by the chair)');
    expect(minutes).toContain('2026-09-15');
    expect(minutes).toContain('Case opened (recorded by the chair)');
    expect(minutes).not.toContain('Reason recorded');
  });

  it('without it the meeting is judged as the first review: the reason is still asked, and the card says what to fill instead', async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    const refused = await bot.pressOn(chair, opened.card!, 'review.continue', OLD_CASE);
    expect(actionData(refused.card!, 'review.continue').step).toBe('set-up');
    const error = errorsOf(refused.card!).join(' ');
    expect(error).toMatch(/^Record the reason: .*after the latest date for the first review/);
    expect(error).toContain('enter its date under "A case new to the bot"');
    expect(textOf(refused.card)).toContain('No earlier review of this case is known: this meeting is timed as the first review.');
    expect(Object.keys(inputsOf(refused.card!))).toContain('lastReviewDate');

    // Filling it in on the card that came back is enough.
    const accepted = await bot.pressOn(chair, refused.card!, 'review.continue', { ...OLD_CASE, lastReviewDate: '2026-09-15' });
    expect(actionData(accepted.card!, 'review.continue').step).toBe('introductions');
  });

  it('Hertfordshire: a case open more than 18 months is chaired by the Service Manager, counted from when it opened', async () => {
    await bot.say(chair, 'start review');
    const opened = await openAsChair(bot, chair);
    const refused = await bot.pressOn(chair, opened.card!, 'review.continue', { ...OLD_CASE, lastReviewDate: '2026-09-15', caseOpenedDate: '2025-05-01' });
    expect(errorsOf(refused.card!).join(' ')).toContain('names the Service Manager to chair this progress / review meeting because the case has been open more than 18 months (since Thu 1 May 2025)');
    const bySm = await bot.pressOn(chair, refused.card!, 'review.continue', { ...OLD_CASE, chairRole: 'SM', lastReviewDate: '2026-09-15', caseOpenedDate: '2025-05-01' });
    expect(actionData(bySm.card!, 'review.continue').step).toBe('introductions');
  });

  it('once the bot holds the case, set-up stops asking and counts from its own record', async () => {
    let reply = await walkSmallReview(bot, { ...OLD_CASE, lastReviewDate: '2026-09-15', caseOpenedDate: '2025-11-10' }, ...thenContinueTo('2027-02-15'));
    await signOff(bot, chair, reply.card!);
    bot.today = '2027-02-15';
    await bot.say(chair, 'start review');
    const next = await openAsChair(bot, chair);
    // A date typed for a case the bot holds is not used: its own last review (1 Dec, so due by 1 Mar) is.
    reply = await bot.pressOn(chair, next.card!, 'review.continue', { ...OLD_CASE, meetingDate: '2027-02-15', lastReviewDate: '2026-06-01', caseOpenedDate: '' });
    expect(errorsOf(reply.card!)).toEqual([]);
    expect(actionData(reply.card!, 'review.continue').step).toBe('introductions');
    const setUpAgain = await bot.pressOn(chair, reply.card!, 'review.back');
    expect(Object.keys(inputsOf(setUpAgain.card!))).not.toContain('lastReviewDate');
    expect(Object.keys(inputsOf(setUpAgain.card!))).not.toContain('caseOpenedDate');
    expect(textOf(setUpAgain.card)).not.toMatch(/first review|after the latest date/);
  });
});
