import { BotUnderTest } from '../support/bot-under-test';
import { actionData, actionsOf, textOf } from '../support/card-reader';
import { SentActivity, cardOf } from '../support/local-connector';
import { PdfReader, plainText } from '../support/pdf-reader';
import { signOff, walkToMinutes } from '../support/review-walk';
import { TeamsUser, cardActionActivity, fileConsentActivity, messageActivity, teamsUser } from '../support/teams-activity';

const chair = teamsUser('Sam', 1);
const mum = teamsUser('Mum', 2);
const teacher = teamsUser('Teacher', 3);

const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const INFO = 'application/vnd.microsoft.teams.card.file.info';

const reader = new PdfReader();
afterAll(() => reader.close());

/** The attachments of one type the bot posted into a conversation. */
function attachmentsIn(sent: readonly SentActivity[], contentType: string): Array<Record<string, any>> {
  return sent.flatMap((s) => (s.activity.attachments ?? []).filter((a: any) => a.contentType === contentType));
}

describe("the chair's case file: the professionals' PDF through Teams' file consent flow, and `minutes`", () => {
  let bot: BotUnderTest;
  let reviewId: string;
  let chairChat: string;
  const inChairChat = () => ({ ...bot.where({ conversationId: chairChat }), conversationType: 'personal' as const });
  const consentCards = () => attachmentsIn(bot.connector.postedTo(chairChat), CONSENT);
  const infoCards = () => attachmentsIn(bot.connector.postedTo(chairChat), INFO);
  const textsIn = (conversationId: string) => bot.connector.postedTo(conversationId).map((p) => String(p.activity.text ?? ''));
  const answer = async (user: TeamsUser, action: 'accept' | 'decline', context: unknown, upload?: unknown, where = inChairChat()) =>
    bot.post(fileConsentActivity(where, user, action, context, upload));

  beforeAll(async () => {
    bot = await new BotUnderTest().start();
    bot.connector.members = [chair, mum, teacher];
    await bot.say(chair, 'start review');
    const minutes = await walkToMinutes(bot, chair);
    const signed = await signOff(bot, chair, minutes);
    reviewId = actionData(minutes, 'review.signOff').reviewId;
    expect(textOf(signed.card)).toContain('Signed off by Sam');
    await bot.effectsSettled();
    chairChat = bot.connector.personalChatOf(chair.aadObjectId)!;
  });
  afterAll(() => bot.stop());

  it("after sign-off the chair's 1:1 chat, and no other chat, gets one file consent card for the case file", () => {
    expect(chairChat).toBeDefined();
    const [card, ...more] = consentCards();
    expect(more).toEqual([]);
    expect(card).toMatchObject({
      contentType: CONSENT,
      name: 'CIN review minutes (professionals), CIN-1001, CIN-1002, meeting on Tue 24 Nov 2026.pdf',
      content: { acceptContext: { reviewId, offerId: 'sign-off' }, declineContext: { reviewId, offerId: 'sign-off' } },
    });
    expect(card!.content.sizeInBytes).toBeGreaterThan(1000);
    expect(card!.content.description).toContain('CIN-1001, CIN-1002');
    const elsewhere = bot.connector.posted().filter((p) => p.conversationId !== chairChat);
    expect(attachmentsIn(elsewhere, CONSENT)).toEqual([]);
  });

  it('refuses an accept from anyone but the chair, and from another tenant: nothing is uploaded', async () => {
    const offer = consentCards()[0]!.content.acceptContext;
    const mumChat = { ...bot.where({ conversationId: `a:1personal-${mum.id}` }), conversationType: 'personal' as const };
    const byMum = await answer(mum, 'accept', offer, bot.connector.uploadSession('minutes.pdf'), mumChat);
    expect(byMum.status).toBe(403);
    expect(byMum.body).toMatchObject({ code: 'NOT_CASE_FILE_CHAIR' });
    expect(textsIn(mumChat.conversationId)).toContain('Only the chair of that review can have its case file.');
    // The chair's own identity, but from another organisation's Teams.
    const elsewhere = await answer(chair, 'accept', offer, bot.connector.uploadSession('minutes.pdf'), { ...inChairChat(), tenantId: '11111111-2222-4333-8444-555555555555' });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject({ code: 'CASE_FILE_NOT_FOUND' });
    // A context that is not an offer of ours.
    expect((await answer(chair, 'accept', { reviewId, offerId: '../../x' }, bot.connector.uploadSession('m.pdf'))).status).toBe(400);
    expect((await answer(chair, 'accept', { reviewId: 'no-such-review', offerId: 'sign-off' }, bot.connector.uploadSession('m.pdf'))).status).toBe(404);
    await bot.effectsSettled();
    expect(bot.connector.uploads).toEqual([]);
    expect(infoCards()).toEqual([]);
  });

  it('on the chair accepting, uploads the professionals PDF to the URL Teams gave, then shows it with a file info card', async () => {
    const card = consentCards()[0]!;
    const session = bot.connector.uploadSession(card.name);
    const accepted = await answer(chair, 'accept', card.content.acceptContext, session);
    expect(accepted.status).toBe(200);
    await bot.effectsSettled();
    const [upload, ...more] = bot.connector.uploads;
    expect(more).toEqual([]);
    const n = upload!.bytes.length;
    expect(upload).toMatchObject({ sessionId: session.uploadUrl.split('/').pop(), contentLength: String(n), contentRange: `bytes 0-${n - 1}/${n}`, contentType: 'application/pdf' });
    // The upload URL is already authorised: no token goes with it.
    expect(upload!.authorization).toBeUndefined();
    // The size the consent card promised is the size uploaded.
    expect(n).toBe(card.content.sizeInBytes);
    const text = plainText(await reader.read(upload!.bytes));
    expect(text).toContain('Minutes for professionals');
    for (const marker of ['M-DANGER', 'M-MUM-CONTACT', 'M-WORRIES', 'M-DECISION-REASON', 'CIN-1001']) expect(text).toContain(marker);
    expect(infoCards()).toEqual([{ contentType: INFO, name: session.name, contentUrl: session.contentUrl, content: { uniqueId: session.uniqueId, fileType: 'pdf' } }]);
  });

  it('uploads once however often the accept arrives: a redelivery, or the same card accepted again', async () => {
    const card = consentCards()[0]!;
    const session = bot.connector.uploadSession(card.name);
    const activity = fileConsentActivity(inChairChat(), chair, 'accept', card.content.acceptContext, session);
    expect((await bot.post(activity)).status).toBe(200);
    expect((await bot.post(activity)).status).toBe(200);
    await bot.effectsSettled();
    expect(bot.connector.uploads).toHaveLength(1);
    expect(infoCards()).toHaveLength(1);
  });

  it('answers a decline plainly, saying how to have it again, and uploads nothing', async () => {
    const before = textsIn(chairChat).length;
    const declined = await answer(chair, 'decline', consentCards()[0]!.content.declineContext);
    expect(declined.status).toBe(200);
    expect(textsIn(chairChat).slice(before)).toEqual([
      'You declined the case file for CIN-1001, CIN-1002, meeting on Tue 24 Nov 2026, so it has not been saved. Type "minutes" here whenever you want it again.',
    ]);
    await bot.effectsSettled();
    expect(bot.connector.uploads).toHaveLength(1);
  });

  it('`minutes` in the 1:1 chat lists the signed-off reviews by case reference and date, and a button sends the case file again, once per press', async () => {
    const before = bot.connector.postedTo(chairChat).length;
    expect((await bot.post(messageActivity(inChairChat(), chair, 'minutes'))).status).toBe(200);
    const list = cardOf(bot.connector.postedTo(chairChat).slice(before).at(-1)!.activity)!;
    const text = textOf(list);
    expect(text).toContain('Your signed-off reviews');
    expect(text).toContain('CIN-1001, CIN-1002');
    expect(text).toContain('Meeting on Tue 24 Nov 2026, signed off Tue 24 Nov 2026');
    // Case references and dates only: no child's name, nothing from the record.
    for (const absent of ['Amara', 'M-DANGER', 'M-MUM-CONTACT']) expect(JSON.stringify(list)).not.toContain(absent);
    const resend = actionsOf(list).filter((a) => a.verb === 'minutes.resend');
    expect(resend.map((a) => a.data)).toEqual([{ reviewId }]);

    const press = cardActionActivity(inChairChat(), chair, 'minutes.resend', { reviewId });
    const pressed = await bot.press(chair, '', {}, press);
    expect(pressed.status).toBe(200);
    expect(textOf(pressed.card)).toContain('On its way: the case file for CIN-1001, CIN-1002, meeting on Tue 24 Nov 2026 is coming to your chat with the bot.');
    await bot.press(chair, '', {}, press); // Teams delivers the same press again
    await bot.effectsSettled();
    const cards = consentCards();
    expect(cards).toHaveLength(2);
    const again = cards[1]!;
    expect(again.content.acceptContext.reviewId).toBe(reviewId);
    expect(again.content.acceptContext.offerId).not.toBe('sign-off');

    // The new offer is its own: accepting it uploads the file again.
    const session = bot.connector.uploadSession(again.name);
    expect((await answer(chair, 'accept', again.content.acceptContext, session)).status).toBe(200);
    await bot.effectsSettled();
    expect(bot.connector.uploads).toHaveLength(2);
    expect(infoCards()).toHaveLength(2);
  });

  it('retries an upload OneDrive refuses for a moment, and uploads it once', async () => {
    await bot.press(chair, '', {}, cardActionActivity(inChairChat(), chair, 'minutes.resend', { reviewId }));
    await bot.effectsSettled();
    const offer = consentCards().at(-1)!;
    bot.connector.failUploads(503, 1);
    expect((await answer(chair, 'accept', offer.content.acceptContext, bot.connector.uploadSession(offer.name))).status).toBe(200);
    await bot.effectsSettled(20_000);
    expect(bot.connector.uploads).toHaveLength(3);
    const [effect] = (await bot.bot!.storage.outbox.ofReview(reviewId)).filter((e) => e.kind === 'minutes.case-file-upload' && e.key.includes(offer.content.acceptContext.offerId));
    expect(effect).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('tells the chair, with how to have it again, when OneDrive refuses the upload for good', async () => {
    await bot.press(chair, '', {}, cardActionActivity(inChairChat(), chair, 'minutes.resend', { reviewId }));
    await bot.effectsSettled();
    const offer = consentCards().at(-1)!;
    const uploads = bot.connector.uploads.length;
    const before = bot.connector.postedTo(chairChat).length;
    bot.connector.failUploads(403, 1);
    expect((await answer(chair, 'accept', offer.content.acceptContext, bot.connector.uploadSession(offer.name))).status).toBe(200);
    await bot.effectsSettled();
    expect(bot.connector.uploads).toHaveLength(uploads);
    const told = bot.connector.postedTo(chairChat).slice(before).map((p) => textOf(cardOf(p.activity)));
    expect(told).toEqual([
      'The case file for CIN-1001, CIN-1002, meeting on Tue 24 Nov 2026 could not be saved to your OneDrive. Type "minutes" here to have it offered again.',
    ]);
  });

  describe('`minutes` in the group chat', () => {
    const refresh = (user: TeamsUser, data: Record<string, unknown>) => bot.press(user, '', {}, cardActionActivity(bot.where(), user, 'minutes.list', data, 'automatic'));

    it("posts a placeholder naming the chair and no case, which shows the list to the chair alone", async () => {
      const before = bot.connector.postedTo(bot.conversationId).length;
      expect(await bot.say(chair, 'minutes')).toBe(200);
      const posted = bot.connector.postedTo(bot.conversationId).slice(before);
      expect(posted).toHaveLength(1);
      const placeholder = cardOf(posted[0]!.activity)!;
      expect(textOf(placeholder)).toContain("Sam's signed-off reviews: only they can see them");
      expect(JSON.stringify(placeholder)).not.toMatch(/CIN-100|Amara/);
      expect(placeholder.refresh).toMatchObject({ action: { verb: 'minutes.list' }, userIds: [chair.id] });

      const data = actionData(placeholder, 'minutes.list');
      const forChair = await refresh(chair, data);
      expect(textOf(forChair.card)).toContain('Your signed-off reviews in this chat');
      expect(textOf(forChair.card)).toContain('CIN-1001, CIN-1002');
      // The chair's view stays theirs: it refreshes again for them alone.
      expect(forChair.card?.refresh).toMatchObject({ userIds: [chair.id] });

      const forMum = await refresh(mum, data);
      expect(JSON.stringify(forMum.card)).not.toMatch(/CIN-100/);
      expect(textOf(forMum.card)).toContain("Sam's signed-off reviews: only they can see them");
    });

    it('tells someone who chaired nothing here so, in one line; a press of the resend button by them sends nothing', async () => {
      const before = bot.connector.postedTo(bot.conversationId).length;
      expect(await bot.say(mum, 'minutes')).toBe(200);
      expect(textsIn(bot.conversationId).slice(before)).toEqual([
        'You have not chaired a signed-off review in this chat. Type "minutes" in your chat with the bot to see all of yours.',
      ]);
      const offers = consentCards().length;
      const pressed = await bot.press(mum, 'minutes.resend', { reviewId });
      expect(textOf(pressed.card)).toContain('Only the chair of that review can have its case file.');
      expect(JSON.stringify(pressed.card)).not.toMatch(/CIN-100/);
      await bot.effectsSettled();
      expect(consentCards()).toHaveLength(offers);
      expect(attachmentsIn(bot.connector.posted().filter((p) => p.conversationId !== chairChat), CONSENT)).toEqual([]);
    });

    it('the chair pressing resend in the group chat gets the file consent card in their 1:1 chat, not in the group', async () => {
      const offers = consentCards().length;
      const pressed = await bot.press(chair, '', {}, cardActionActivity(bot.where(), chair, 'minutes.resend', { reviewId }, 'manual'));
      expect(pressed.card?.refresh).toMatchObject({ userIds: [chair.id] });
      await bot.effectsSettled();
      expect(consentCards()).toHaveLength(offers + 1);
      expect(attachmentsIn(bot.connector.postedTo(bot.conversationId), CONSENT)).toEqual([]);
    });
  });

  it('a card press with a malformed review id is refused by its schema', async () => {
    const pressed = await bot.press(chair, 'minutes.resend', { reviewId: 'x'.repeat(65) });
    expect(pressed.status).toBe(400);
    expect(pressed.body).toMatchObject({ value: { code: 'PAYLOAD_INVALID' } });
  });
});
