import { BotUnderTest } from '../support/bot-under-test';
import { emailsIn } from '../support/delivery-walk';
import { chair, meetingWithReview, mum } from '../support/meeting-chat';
import { errorsOf, inputsOf, textOf } from '../support/card-reader';
import { cardOf } from '../support/local-connector';
import { PdfReader, plainText } from '../support/pdf-reader';
import { MARKERS, signOff, walkToMinutes } from '../support/review-walk';
import { cardActionActivity } from '../support/teams-activity';

const reader = new PdfReader();
afterAll(() => reader.close());

/** The meeting chat is told how many were sent, nothing more; the chair sees each and puts right what failed. */
describe('after sign-off: the report of the deliveries', () => {
  let bot: BotUnderTest;
  let mailDir: string;

  beforeEach(async () => {
    bot = await meetingWithReview();
    mailDir = bot.mailDir;
    await signOff(bot, chair, await walkToMinutes(bot, chair));
    await bot.effectsSettled();
  });
  afterEach(() => bot.stop());

  /** The report message in the meeting chat as it stands now (posted once, then updated). */
  function report(): Record<string, any> {
    const posted = bot.connector.postedTo(bot.conversationId).filter((p) => /attendees/.test(p.activity.summary ?? ''));
    expect(posted).toHaveLength(1);
    const updates = bot.connector.updates().filter((u) => u.id === posted[0]!.id);
    return cardOf((updates.at(-1) ?? posted[0]!).activity)!;
  }

  const press = (who: typeof chair, verb: string, data: Record<string, unknown>) => bot.press(who, verb, data);

  it('tells the meeting chat how many were sent, in one message with no content', async () => {
    const card = report();
    // Sam, Mum and the teacher are in Teams; Kofi Dad and Rose Gran have no email address.
    expect(textOf(card)).toContain('Minutes sent to 3 of 5 attendees.');
    for (const marker of [...MARKERS, 'Kofi Dad', 'Rose Gran']) expect(JSON.stringify(card)).not.toContain(marker);
    expect(card.refresh.userIds).toEqual([chair.id]);
  });

  it('does not raise anything to the chair while the deadline is days away', () => {
    const chairsChat = bot.connector.personalChatOf(chair.aadObjectId);
    expect(chairsChat).toBeDefined();
    const told = bot.connector.postedTo(chairsChat!).map((p) => p.activity.summary);
    // The chat is there (their own minutes reached it), and holds no raise.
    expect(told).toContain('Child in Need review: Amara and Bo');
    expect(told).not.toContain('Minutes not yet delivered to everyone');
  });

  it('shows the chair each delivery and what to do; anyone else the count only', async () => {
    const reviewId = report().refresh.action.data.reviewId;
    const chairs = await bot.press(chair, '', {}, cardActionActivity(bot.where(), chair, 'minutes.deliveries', { reviewId }, 'automatic'));
    const text = textOf(chairs.card);
    expect(text).toMatch(/Mum · family’s copy\s+Sent in Teams at 10:00 on Tue 24 Nov 2026/);
    expect(text).toMatch(/Teacher · whole record\s+Sent in Teams/);
    expect(text).toMatch(/Kofi Dad · family’s copy\s+No email address for Kofi Dad: add one/);
    expect(text).toContain('Due by Tue 1 Dec 2026.');
    const others = await bot.press(mum, '', {}, cardActionActivity(bot.where(), mum, 'minutes.deliveries', { reviewId }, 'automatic'));
    expect(textOf(others.card)).toContain('Minutes sent to 3 of 5 attendees.');
    expect(textOf(others.card)).not.toContain('Kofi Dad');
  });

  it('lists the minutes not delivered to everyone in the chair’s `due`, and not once all are sent', async () => {
    const dueText = async () => {
      await bot.say(chair, 'due');
      const placeholder = cardOf(bot.connector.postedTo(bot.conversationId).at(-1)!.activity)!;
      return textOf((await bot.press(chair, '', {}, cardActionActivity(bot.where(), chair, 'due.show', placeholder.refresh.action.data, 'automatic'))).card);
    };
    const listed = await dueText();
    expect(listed).toContain('CIN-1001: minutes not delivered to everyone');
    expect(listed).toContain('Minutes of the Tue 24 Nov 2026 meeting have not reached 2 of 5 recipients (due by Tue 1 Dec 2026)');
    const reviewId = report().refresh.action.data.reviewId;
    for (const d of await bot.bot!.storage.deliveries.ofReview(reviewId)) {
      if (d.status !== 'sent') await press(chair, 'delivery.sendAgain', { reviewId, attendeeKey: d.attendeeKey, [`email.${d.attendeeKey}`]: `${d.attendeeKey}@home.example` });
    }
    await bot.effectsSettled();
    expect(await dueText()).not.toContain('minutes not delivered');
  });

  it('sends one again when the chair adds an email, keeping a wrong one typed with the error', async () => {
    const reviewId = report().refresh.action.data.reviewId;
    const chairs = (await press(chair, 'minutes.deliveries', { reviewId })).card!;
    const dadKey = (Object.keys(inputsOf(chairs)).find((id) => id.startsWith('email.')) ?? '').slice('email.'.length);
    const rows = JSON.stringify(chairs);
    expect(rows).toContain('Email address for Kofi Dad');

    const wrong = await press(chair, 'delivery.sendAgain', { reviewId, attendeeKey: dadKey, [`email.${dadKey}`]: 'kofi at home' });
    expect(errorsOf(wrong.card!).join(' ')).toContain('Enter an email address');
    expect(inputsOf(wrong.card!)[`email.${dadKey}`]).toBe('kofi at home');

    // Only the chair may: anyone else is shown the count, and nothing is sent.
    const stranger = await press(mum, 'delivery.sendAgain', { reviewId, attendeeKey: dadKey, [`email.${dadKey}`]: 'mum@evil.example' });
    expect(textOf(stranger.card)).not.toContain('Sending the minutes to');

    const sent = await press(chair, 'delivery.sendAgain', { reviewId, attendeeKey: dadKey, [`email.${dadKey}`]: 'kofi@home.example' });
    expect(textOf(sent.card)).toContain('Sending the minutes to Kofi Dad by email to kofi@home.example.');
    await bot.effectsSettled();
    const emails = (await emailsIn(mailDir)).map((e) => e.mail);
    expect(emails.map((m) => (m.to as any).value[0].address)).toEqual(['kofi@home.example']);
    const pdf = plainText(await reader.read(emails[0]!.attachments[0]!.content));
    expect(pdf).toContain('Minutes for the family');
    expect(pdf).not.toContain('M-MUM-CONTACT');
    expect(textOf(report())).toContain('Minutes sent to 4 of 5 attendees.');
    // A second press (a double click, a redelivered invoke) sends nothing more.
    const again = await press(chair, 'delivery.sendAgain', { reviewId, attendeeKey: dadKey, [`email.${dadKey}`]: 'kofi@home.example' });
    expect(textOf(again.card)).toContain('already sent');
  });
});

describe('a working day before the minutes are due', () => {
  let bot: BotUnderTest;
  afterEach(() => bot.stop());

  it('raises each delivery not yet made to the chair, in their own chat, with what to do', async () => {
    bot = new BotUnderTest();
    // Signed off on Monday 30 November: the minutes of the 24 November meeting are due on Tuesday 1 December.
    bot.today = '2026-11-30';
    await meetingWithReview(bot);
    await signOff(bot, chair, await walkToMinutes(bot, chair));
    await bot.effectsSettled();
    const chairsChat = bot.connector.personalChatOf(chair.aadObjectId)!;
    const raised = bot.connector.postedTo(chairsChat).filter((p) => p.activity.summary === 'Minutes not yet delivered to everyone');
    expect(raised).toHaveLength(1);
    const text = textOf(cardOf(raised[0]!.activity));
    expect(text).toContain('The minutes of the Tue 24 Nov 2026 review (CIN-1001, CIN-1002) are due by Tue 1 Dec 2026, and have not reached 2 people:');
    expect(text).toContain('Kofi Dad: No email address for Kofi Dad: add one');
    expect(text).toContain('Rose Gran');
    expect(text).not.toContain('Teacher');
    // Nothing of it in the meeting chat.
    for (const p of bot.connector.postedTo(bot.conversationId)) expect(JSON.stringify(p.activity)).not.toContain('Kofi Dad');
  });
});
