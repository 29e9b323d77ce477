import { join } from 'node:path';
import { KyselyLocalCalendar, localEventId } from '../../src/store/kysely-local-calendar';
import { BotUnderTest } from '../support/bot-under-test';
import { actionData, actionsOf, errorsOf, inputsOf, textOf } from '../support/card-reader';
import { invitationFilesIn } from '../support/invitation-files';
import { cardOf } from '../support/local-connector';
import { signOff, walkToMinutes } from '../support/review-walk';
import { TENANT, TeamsUser, cardActionActivity, messageActivity, teamsUser } from '../support/teams-activity';

const chair = teamsUser('Sam', 1);
const mum = teamsUser('Mum', 2);
const teacher = teamsUser('Teacher', 3);
const CASE = 'CIN-1001';

/**
 * `book review …` from typed text to a booked event, through the real HTTP endpoint: the case CIN-1001
 * has a signed-off initial meeting of Tue 24 Nov 2026 (review-walk), chaired by Sam, with Mum and the
 * teacher from the Teams roster (with emails). Its first review is due 22 Dec 2026 to 5 Jan 2027.
 */
describe('booking a review by typing a command', () => {
  let bot: BotUnderTest;
  let mailDir: string;
  const personal = (user: TeamsUser) => ({ ...bot.where({ conversationId: `a:1personal-${user.id}` }), conversationType: 'personal' as const });
  /** Types in the user's 1:1 chat with the bot; the card it answered with. */
  const type = async (user: TeamsUser, text: string) => {
    const where = personal(user);
    const before = bot.connector.postedTo(where.conversationId).length;
    expect((await bot.post(messageActivity(where, user, text))).status).toBe(200);
    const posted = bot.connector.postedTo(where.conversationId).slice(before);
    expect(posted).toHaveLength(1);
    return cardOf(posted[0]!.activity)!;
  };
  /** Presses a button of a card in the user's 1:1 chat, with the card's inputs (and `typed` over them). */
  const pressIn = (user: TeamsUser, card: Record<string, any>, verb: string, typed: Record<string, string> = {}) =>
    bot.press(user, verb, {}, cardActionActivity(personal(user), user, verb, { ...inputsOf(card), ...typed, ...actionData(card, verb) }));
  const calendar = () => bot.bot!.storage.localCalendar as KyselyLocalCalendar;
  const bookingKey = async () => {
    const review = await bot.bot!.storage.reviews.lastSignedOffForCase(TENANT, CASE);
    return `${TENANT}:${CASE}:${review!.id}`;
  };

  beforeEach(async () => {
    bot = new BotUnderTest();
    mailDir = join(bot.directory, 'mail');
    await bot.start({ MAIL_DIR: mailDir });
    bot.connector.members = [
      { ...chair, email: 'sam.chair@council.example', tenantId: TENANT },
      { ...mum, email: 'mum@example.org' },
      { ...teacher, email: 'teacher@school.example.org', tenantId: TENANT },
    ];
    await bot.say(chair, 'start review');
    await signOff(bot, chair, await walkToMinutes(bot, chair));
    await bot.effectsSettled();
  });
  afterEach(() => bot.stop());

  it('shows what it understood, books only on Confirm, and a second Confirm books nothing more', async () => {
    const card = await type(chair, `book review for ${CASE} on Tuesday 12 January at 2pm on Teams`);
    const shown = textOf(card);
    expect(shown).toContain(`Book the next review of ${CASE}?`);
    expect(shown).toContain('Tue 12 Jan 2027, 14:00 to 15:00');
    expect(inputsOf(card).mode).toBe('online');
    expect(shown).toContain('Outside. Tue 12 Jan 2027 is after the latest date for the next review (Tue 5 Jan 2027)');
    expect(shown).toContain('Mum (mum@example.org)');
    expect(shown).toContain('Teacher (teacher@school.example.org)');
    expect(shown).toContain('No email address, so not invited by the calendar: Kofi Dad, Rose Gran.');
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Confirm and book', 'Cancel']);
    // Nothing is booked by the card itself.
    await bot.effectsSettled();
    expect(await calendar().countFor(await bookingKey())).toBe(0);

    // Outside the window the reason is required: the card comes back with the error and what was typed.
    const refused = await pressIn(chair, card, 'booking.confirm', { addEmails: 'gp@surgery.example.org' });
    expect(errorsOf(refused.card!)).toEqual(['The date is outside the review window: record the reason.']);
    expect(inputsOf(refused.card!).addEmails).toBe('gp@surgery.example.org');
    const badEmail = await pressIn(chair, refused.card!, 'booking.confirm', { addEmails: 'not-an-address', reason: 'Family on holiday until 10 January' });
    expect(errorsOf(badEmail.card!)).toEqual([expect.stringContaining('Not an email address: not-an-address')]);
    expect(inputsOf(badEmail.card!).reason).toBe('Family on holiday until 10 January');

    const typed = { reason: 'Family on holiday until 10 January', 'invite.1': 'false', addEmails: 'gp@surgery.example.org' };
    const booked = await pressIn(chair, badEmail.card!, 'booking.confirm', typed);
    expect(textOf(booked.card)).toContain(`Booked: the next review of ${CASE}`);
    expect(textOf(booked.card)).toContain('Tue 12 Jan 2027, 14:00 to 15:00');
    await bot.effectsSettled();

    const key = await bookingKey();
    expect(await calendar().countFor(key)).toBe(1);
    const event = await calendar().event(localEventId(key));
    expect(event).toMatchObject({ start: '2027-01-12T14:00:00.000Z', end: '2027-01-12T15:00:00.000Z', online: true, organiser: 'sam.chair@council.example' });
    const invitations = await invitationFilesIn(mailDir);
    expect(invitations.map((i) => i.to).sort()).toEqual(['gp@surgery.example.org', 'mum@example.org']);
    for (const invitation of invitations) {
      expect(invitation).toMatchObject({ method: 'REQUEST', uid: key, sequence: 0, start: '2027-01-12T14:00:00.000Z', end: '2027-01-12T15:00:00.000Z' });
    }
    const stored = await bot.bot!.storage.bookings.get(key);
    expect(stored?.outsideWindowReason).toBe('Family on holiday until 10 January');

    // Pressed again (a double press, or Teams redelivering the invoke): nothing more is booked or sent.
    const again = await pressIn(chair, badEmail.card!, 'booking.confirm', typed);
    expect(textOf(again.card)).toContain(`Already booked: the next review of ${CASE}`);
    await bot.effectsSettled();
    expect(await calendar().countFor(key)).toBe(1);
    expect(await invitationFilesIn(mailDir)).toHaveLength(2);
    // And typing the command again says it is booked.
    expect(textOf(await type(chair, `book review ${CASE} on 29/12 at 10:30`))).toContain(`Already booked: the next review of ${CASE}`);
  });

  it('books in person inside the window, the venue required', async () => {
    const card = await type(chair, `book review ${CASE} on 29/12 at 10:30 in person`);
    expect(textOf(card)).toContain('Tue 29 Dec 2026, 10:30 to 11:30');
    expect(textOf(card)).toContain('Inside.');
    expect(inputsOf(card)).not.toHaveProperty('reason');
    const noVenue = await pressIn(chair, card, 'booking.confirm');
    expect(errorsOf(noVenue.card!)).toEqual(['Say where it will be held.']);
    const booked = await pressIn(chair, noVenue.card!, 'booking.confirm', { venue: 'Bridge Street Family Centre, Room 2' });
    expect(textOf(booked.card)).toContain('In person: Bridge Street Family Centre, Room 2');
    await bot.effectsSettled();
    const invitations = await invitationFilesIn(mailDir);
    expect(invitations.map((i) => i.to).sort()).toEqual(['mum@example.org', 'teacher@school.example.org']);
    expect(invitations.every((i) => i.start === '2026-12-29T10:30:00.000Z' && i.location === 'Bridge Street Family Centre, Room 2')).toBe(true);
  });

  it('reads a date after the 28 March 2027 clock change in UK summer time', async () => {
    const card = await type(chair, `book review ${CASE} on 30 March 2027 at 10:30 on Teams`);
    expect(textOf(card)).toContain('Tue 30 Mar 2027, 10:30 to 11:30');
    await pressIn(chair, card, 'booking.confirm', { reason: 'Agreed at the meeting to wait for the assessment' });
    await bot.effectsSettled();
    const invitations = await invitationFilesIn(mailDir);
    expect(invitations.length).toBeGreaterThan(0);
    expect(invitations.map((i) => [i.start, i.end])).toEqual(invitations.map(() => ['2027-03-30T09:30:00.000Z', '2027-03-30T10:30:00.000Z']));
  });

  it.each([
    ['a past date', `book review ${CASE} on 3 November 2026 at 10:00`, 'Tue 3 Nov 2026 has passed'],
    ['an hour that could be morning or afternoon', `book review ${CASE} on 29/12 at 3`, '3 in the morning or the afternoon?'],
    ['a date with no time', `book review ${CASE} on 29/12`, 'What time on Tue 29 Dec 2026?'],
    ['words that are no date', `book review ${CASE} sometime soonish`, 'I did not understand'],
  ])('asks back, never guessing, for %s', async (_, text, question) => {
    const card = await type(chair, text);
    expect(textOf(card)).toContain(question);
    expect(actionsOf(card)).toEqual([]);
    expect(await bot.bot!.storage.bookings.get(await bookingKey())).toBeUndefined();
  });

  it('tells someone not entitled who can book, and books nothing for them', async () => {
    const card = await type(teacher, `book review ${CASE} on 29/12 at 10:30`);
    expect(textOf(card)).toBe(`Only Sam (chair of the last review) can book the next review of ${CASE}.`);
    // A forged Confirm, with the chair's card data, is refused by who pressed it.
    const chairsCard = await type(chair, `book review ${CASE} on 29/12 at 10:30 on Teams`);
    const forged = await pressIn(teacher, chairsCard, 'booking.confirm');
    expect(textOf(forged.card)).toContain("This card is Sam's");
    expect(await bot.bot!.storage.bookings.get(await bookingKey())).toBeUndefined();
  });

  it('answers plainly about a case it has never seen', async () => {
    const card = await type(chair, 'book review LCC-204781 on 29/12 at 10:30');
    expect(textOf(card)).toContain('I have no signed-off review of a case LCC-204781');
  });

  it('in a group chat shows the case to the caller alone', async () => {
    const before = bot.connector.postedTo(bot.conversationId).length;
    const sentBefore = bot.connector.sent.length;
    await bot.say(chair, `book review ${CASE} on 29/12 at 10:30 on Teams`);
    const posted = bot.connector.postedTo(bot.conversationId).slice(before);
    expect(posted.map((p) => textOf(cardOf(p.activity)))).toEqual([expect.stringContaining("Sam's booking: only they can see it")]);
    const placeholder = cardOf(posted[0]!.activity)!;
    expect(placeholder.refresh.userIds).toEqual([chair.id]);
    const chatSaw = JSON.stringify(bot.connector.sent.slice(sentBefore).filter((s) => s.conversationId === bot.conversationId));
    expect(chatSaw).toContain("Sam's booking");
    for (const detail of ['mum@example.org', 'teacher@school.example.org', 'Inside', 'Tue 29 Dec']) expect(chatSaw).not.toContain(detail);

    const refresh = (user: TeamsUser) => bot.press(user, '', {}, cardActionActivity(bot.where(), user, 'booking.show', placeholder.refresh.action.data, 'automatic'));
    const mine = await refresh(chair);
    expect(textOf(mine.card)).toContain('Tue 29 Dec 2026, 10:30 to 11:30');
    expect(mine.card!.refresh.userIds).toEqual([chair.id]);
    const theirs = await refresh(mum);
    expect(JSON.stringify(theirs.body)).not.toContain('mum@example.org');
    expect(textOf(theirs.card)).toContain("Sam's booking: only they can see it");

    const booked = await bot.press(chair, 'booking.confirm', { ...inputsOf(mine.card!), ...actionData(mine.card!, 'booking.confirm') });
    expect(textOf(booked.card)).toContain(`Booked: the next review of ${CASE}`);
    expect(booked.card!.refresh.userIds).toEqual([chair.id]);

    // `bookings` in the group chat: a placeholder; the list to the caller's refresh alone.
    const listed = bot.connector.postedTo(bot.conversationId).length;
    await bot.say(chair, 'bookings');
    const list = cardOf(bot.connector.postedTo(bot.conversationId)[listed]!.activity)!;
    expect(JSON.stringify(list)).not.toContain(CASE);
    const shownList = await bot.press(chair, '', {}, cardActionActivity(bot.where(), chair, 'bookings.show', list.refresh.action.data, 'automatic'));
    expect(textOf(shownList.card)).toContain(CASE);
    expect(textOf(shownList.card)).toContain('Tue 29 Dec 2026, 10:30 to 11:30, online (Teams)');
    expect(shownList.card!.refresh.userIds).toEqual([chair.id]);
    const othersList = await bot.press(mum, '', {}, cardActionActivity(bot.where(), mum, 'bookings.show', list.refresh.action.data, 'automatic'));
    expect(JSON.stringify(othersList.body)).not.toContain(CASE);
  });

  it('`bookings` in a 1:1 chat lists the caller’s upcoming reviews', async () => {
    expect(textOf(await type(chair, 'bookings'))).toContain('No upcoming reviews are booked');
    const card = await type(chair, `book review ${CASE} on 29/12 at 10:30 on Teams`);
    await pressIn(chair, card, 'booking.confirm');
    const list = textOf(await type(chair, 'bookings'));
    expect(list).toContain(CASE);
    expect(list).toContain('Tue 29 Dec 2026, 10:30 to 11:30, online (Teams)');
    expect(textOf(await type(teacher, 'bookings'))).toContain('No upcoming reviews are booked');
  });
});

describe('booking a review by command with no time given', () => {
  let bot: BotUnderTest;
  const personal = { conversationId: `a:1personal-${chair.id}`, conversationType: 'personal' as const };
  const where = () => ({ ...bot.where(personal) });

  beforeEach(async () => {
    bot = new BotUnderTest();
    await bot.start({ MAIL_DIR: join(bot.directory, 'mail') });
    bot.connector.members = [{ ...chair, email: 'sam.chair@council.example' }, { ...mum, email: 'mum@example.org' }, teacher];
    await bot.say(chair, 'start review');
    await signOff(bot, chair, await walkToMinutes(bot, chair));
    await bot.effectsSettled();
  });
  afterEach(() => bot.stop());

  it('offers up to five free times in the window; picking one shows its confirmation card', async () => {
    const before = bot.connector.postedTo(personal.conversationId).length;
    await bot.post(messageActivity(where(), chair, `book review ${CASE} on Teams`));
    const offer = cardOf(bot.connector.postedTo(personal.conversationId)[before]!.activity)!;
    expect(textOf(offer)).toContain(`Free times for the next review of ${CASE}`);
    // Who has no email cannot have their calendar read: the card says so.
    expect(textOf(offer)).toContain('I could not read the calendars of');
    const slots = actionsOf(offer);
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.length).toBeLessThanOrEqual(5);
    for (const slot of slots) {
      // Inside the window (22 Dec 2026 to 5 Jan 2027), on a working day.
      const date = /(\w{3}) (\d+) (\w{3}) (\d{4})/.exec(slot.title)!;
      expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(date[1]);
      expect([`${date[3]} ${date[4]}`]).toEqual([expect.stringMatching(/^(Dec 2026|Jan 2027)$/)]);
    }
    const picked = await bot.press(chair, 'booking.show', {}, cardActionActivity(where(), chair, 'booking.show', slots[0]!.data));
    expect(textOf(picked.card)).toContain(`Book the next review of ${CASE}?`);
    expect(textOf(picked.card)).toContain(slots[0]!.title.replace('–', ' to '));
    expect(inputsOf(picked.card!).mode).toBe('online');
  });
});
