import { BotUnderTest } from '../support/bot-under-test';
import { emailsIn } from '../support/delivery-walk';
import { chair, meetingWithReview, teacher } from '../support/meeting-chat';
import { errorsOf, inputsOf, textOf } from '../support/card-reader';
import { cardOf } from '../support/local-connector';
import { PdfReader, plainText } from '../support/pdf-reader';
import { WALK_WITH_CHILD, walkToMinutes } from '../support/review-walk';

const reader = new PdfReader();
afterAll(() => reader.close());

/** The chair's confirmation: who is sent what, each ticked or not, and the child's letter to read. */
describe('signing off: the chair sees who will be sent what, and chooses', () => {
  let bot: BotUnderTest;
  let mailDir: string;

  beforeEach(async () => {
    bot = await meetingWithReview();
    mailDir = bot.mailDir;
  });
  afterEach(() => bot.stop());

  async function confirmation() {
    const minutes = await walkToMinutes(bot, chair, undefined, WALK_WITH_CHILD);
    const asked = await bot.pressOn(chair, minutes, 'review.signOff');
    return asked.card!;
  }

  const emails = async () => (await emailsIn(mailDir)).map((e) => e.mail);

  it('lists every attendee with the version they get and how it reaches them, before anything is sent', async () => {
    const card = await confirmation();
    const text = textOf(card);
    expect(text).toContain('Sign off the minutes?');
    expect(text).toContain('The minutes are due by Tue 1 Dec 2026.');
    expect(text).toMatch(/Teacher\s+The whole record, in their chat with the bot in Teams/);
    expect(text).toMatch(/Mum\s+The family’s copy \(no contact details, nothing marked for professionals only\), in their chat with the bot in Teams \(or by email to mum@family\.example\)/);
    expect(text).toMatch(/Kofi Dad\s+Cannot be sent yet: No email address for Kofi Dad: add one/);
    expect(text).toMatch(/Amara\s+Their own letter, in plain words, by email to amara\.letters@family\.example/);
    const inputs = inputsOf(card);
    // Ticked as recorded; a child's letter only when the chair ticks it.
    expect(inputs[sendIdOf(card, 'Teacher')]).toBe('true');
    expect(inputs[sendIdOf(card, 'Amara')]).toBe('false');
    // The letter's words are there to read and change, in plain words from the record.
    const goodThings = Object.entries(inputs).find(([id]) => id.endsWith('.goodThings'));
    expect(goodThings?.[1]).toContain('M-WORKING-WELL');
    await bot.effectsSettled();
    expect(bot.connector.sent.filter((s) => s.conversationId !== bot.conversationId)).toHaveLength(0);
    expect(await emails()).toHaveLength(0);
  });

  it('sends to those ticked only, and the child the letter in the chair’s words', async () => {
    const card = await confirmation();
    const inputs = inputsOf(card);
    const teacherSend = sendIdOf(card, 'Teacher');
    const amaraSend = sendIdOf(card, 'Amara');
    const goodThingsId = Object.keys(inputs).find((id) => id.endsWith('.goodThings'))!;
    const signed = await bot.pressOn(chair, card, 'review.confirmSignOff', { [teacherSend]: 'false', [amaraSend]: 'true', [goodThingsId]: 'M-CHAIR-LETTER-WORDS\nYou are brave' });
    expect(textOf(signed.card)).toContain('Signed off by Sam');
    await bot.effectsSettled();

    const personal = bot.connector.sent.filter((s) => s.method === 'POST' && s.conversationId !== bot.conversationId);
    const names = personal.map((s) => JSON.stringify(s.activity));
    expect(names.some((n) => n.includes('Minutes for professionals'))).toBe(true); // the chair
    expect(names.some((n) => n.includes('Minutes for the family'))).toBe(true); // Mum
    // The teacher was unticked: nothing reached their chat.
    const created = bot.connector.created.map((c) => c.memberIds.join(','));
    expect(created.join(' ')).not.toContain(teacher.aadObjectId);

    const letters = (await emails()).filter((m) => (m.to as any).text.includes('amara.letters@family.example'));
    expect(letters).toHaveLength(1);
    const pdf = await reader.read(letters[0]!.attachments[0]!.content);
    const words = plainText(pdf);
    expect(words).toContain('M-CHAIR-LETTER-WORDS');
    expect(words).toContain('You are brave');
    expect(words).not.toContain('M-WORKING-WELL');
    expect(words).not.toContain('M-MUM-CONTACT');
  });

  it('gives the confirmation back with what was typed when a letter is too long, and signs nothing off', async () => {
    const card = await confirmation();
    const amaraSend = sendIdOf(card, 'Amara');
    const paragraphsId = Object.keys(inputsOf(card)).find((id) => id.endsWith('.paragraphs'))!;
    const long = 'x'.repeat(4010);
    const again = await bot.pressOn(chair, card, 'review.confirmSignOff', { [amaraSend]: 'true', [paragraphsId]: long });
    expect(textOf(again.card)).toContain('Sign off the minutes?');
    expect(errorsOf(again.card!).join(' ')).toContain('Remove 10 characters');
    expect(inputsOf(again.card!)[paragraphsId]).toBe(long);
    expect(inputsOf(again.card!)[amaraSend]).toBe('true');
    await bot.effectsSettled();
    expect(bot.connector.sent.filter((s) => s.conversationId !== bot.conversationId)).toHaveLength(0);
    const status = await bot.say(chair, 'status');
    expect(status).toBe(200);
    expect(textOf(cardOf(bot.connector.postedTo(bot.conversationId).at(-1)!.activity))).not.toMatch(/signed off/i);
  });
});

/** The tick beside a person's name on the confirmation. */
function sendIdOf(card: Record<string, any>, name: string): string {
  const rows = (card.body as any[]).filter((e) => e.type === 'ColumnSet');
  const row = rows.find((r) => r.columns[0].items[0].text === name);
  return row.columns[1].items[0].id;
}
