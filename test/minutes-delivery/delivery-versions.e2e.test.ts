import { MinutesDelivery } from '../../src/ports/delivery-store';
import { BotUnderTest } from '../support/bot-under-test';
import { textOf } from '../support/card-reader';
import { MeetingPerson, confirmSignOff, emailsIn, personalCards, walkMeeting } from '../support/delivery-walk';
import { PdfReader, plainText } from '../support/pdf-reader';
import { teamsUser } from '../support/teams-activity';

/**
 * The whole way, through the HTTP endpoint: a chair walks a review with Teams attendees (a
 * professional, a parent), an external parent and a GP known only by email, and a child; marks an
 * update, an action and the worries "not for the family"; signs off. The outbox then delivers each
 * recipient's version (the handler-level cases are in minutes-delivery.test.ts).
 */
const chair = { ...teamsUser('Sam', 1), email: 'sam.chair@council.example', phone: '0116 496 0001' };
const mum = teamsUser('Mum', 2);
const teacher = teamsUser('Teacher', 3);
const PEOPLE: readonly MeetingPerson[] = [
  { name: 'Mum', role: 'parent-carer', teams: mum, email: 'mum.home@example.net', phone: '07700 900201' },
  { name: 'Teacher', role: 'school-nursery', teams: teacher, email: 'teacher@school.example', phone: '0116 496 0002' },
  { name: 'Kofi Dad', role: 'parent-carer', attendance: 'apologies', email: 'kofi.dad@example.net', phone: '07700 900203' },
  { name: 'Gita GP', role: 'gp', email: 'gita.gp@nhs.example', phone: '0116 496 0004' },
  // A child at the meeting: no letter unless the chair ticks it (not yet offered at sign-off), so nothing is sent.
  { name: 'Amara', role: 'child', email: 'amara.child@example.net', phone: '07700 900205' },
];
const MARKED = { update: 'M-SECRET-UPDATE', action: 'M-SECRET-ACTION', worries: 'M-PRO-WORRIES' };
const PROFESSIONALS_ONLY = Object.values(MARKED);
const CONTACTS = [chair.email, chair.phone, ...PEOPLE.flatMap((p) => [p.email!, p.phone!])];
/** Contacts a professional reader of the minutes is given (the child's are not of an attendee who is sent anything, but are still listed). */
const PROFESSIONALS_SEE = CONTACTS;

/** Absent in any form a reader could find it: as typed, or a phone number with its spaces gone. */
function expectNone(text: string, needles: readonly string[]): void {
  const squashed = text.replace(/\s+/g, '');
  for (const needle of needles) {
    expect(text).not.toContain(needle);
    expect(squashed).not.toContain(needle.replace(/\s+/g, ''));
  }
}

describe('minutes delivered after a sign-off through HTTP: each recipient their version, once', () => {
  const reader = new PdfReader();
  let bot: BotUnderTest;
  let deliveries: MinutesDelivery[];
  let mailDir: string;

  beforeAll(async () => {
    bot = new BotUnderTest();
    mailDir = bot.mailDir;
    await bot.start();
    const { reviewId, minutesCard } = await walkMeeting(bot, { chair, people: PEOPLE, professionalsOnly: MARKED });
    await confirmSignOff(bot, chair, minutesCard);
    await bot.effectsSettled(20_000);
    deliveries = await bot.bot!.storage.deliveries.ofReview(reviewId);
  });
  afterAll(async () => {
    await reader.close();
    await bot.stop();
  });

  it('records one delivery per recipient, of the version their role entitles them to, each sent; the unticked child none', () => {
    const byName = Object.fromEntries(deliveries.map((d) => [d.name, [d.version, d.channel, d.status]]));
    expect(byName).toEqual({
      Sam: ['professionals', 'teams', 'sent'],
      Mum: ['family', 'teams', 'sent'],
      Teacher: ['professionals', 'teams', 'sent'],
      'Kofi Dad': ['family', 'email', 'sent'],
      'Gita GP': ['professionals', 'email', 'sent'],
    });
    expect(deliveries).toHaveLength(5);
  });

  it('each Teams recipient has exactly one card in their 1:1 chat, each email recipient exactly one email', async () => {
    for (const person of [chair, mum, teacher]) expect(personalCards(bot, person)).toHaveLength(1);
    const emails = await emailsIn(mailDir);
    expect(emails.map((e) => e.to).sort()).toEqual(['gita.gp@nhs.example', 'kofi.dad@example.net']);
    for (const { mail } of emails) expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
  });

  it("the parent's card in Teams has no professionals-only answer and no contact detail; a professional's has them", () => {
    const [family] = personalCards(bot, mum);
    const [professionals] = personalCards(bot, teacher);
    const familyText = `${JSON.stringify(family)}\n${textOf(family)}`;
    expect(textOf(family)).toContain('M-DECISION-REASON');
    expectNone(familyText, [...PROFESSIONALS_ONLY, ...CONTACTS]);
    const professionalsText = `${JSON.stringify(professionals)}\n${textOf(professionals)}`;
    for (const words of [...PROFESSIONALS_ONLY, ...PROFESSIONALS_SEE]) expect(professionalsText).toContain(words);
  });

  it("the external parent's PDF has no professionals-only answer and no contact detail; the GP's has them", async () => {
    const emails = await emailsIn(mailDir);
    const pdfOf = async (to: string) => plainText(await reader.read(emails.find((e) => e.to === to)!.mail.attachments[0]!.content));
    const family = await pdfOf('kofi.dad@example.net');
    const professionals = await pdfOf('gita.gp@nhs.example');
    expect(family).toContain('Minutes for the family');
    expect(family).toContain('M-DECISION-REASON');
    expectNone(family, [...PROFESSIONALS_ONLY, ...CONTACTS]);
    expect(professionals).toContain('Minutes for professionals');
    for (const words of [...PROFESSIONALS_ONLY, ...PROFESSIONALS_SEE]) expect(professionals).toContain(words);
  });
});
