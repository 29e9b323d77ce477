import { join } from 'node:path';
import { KyselyLocalCalendar, localEventId } from '../../src/store/kysely-local-calendar';
import { BotUnderTest, InvokeReply } from '../support/bot-under-test';
import { bookingKeyOf, invitationsIn, slotChoices, walkToNextMeeting } from '../support/booking-walk';
import { actionData, actionsOf, errorsOf, inputsOf, textOf } from '../support/card-reader';
import { openAsChair, signOff } from '../support/review-walk';
import { TENANT, messageActivity, teamsUser } from '../support/teams-activity';
import { cardOf } from '../support/local-connector';

const chair = teamsUser('Sam', 1);
const mum = teamsUser('Mum', 2);
const teacher = teamsUser('Teacher', 3);

type Card = Record<string, any>;

/** The review is booked at its next-meeting step and the minutes signed off; returns the signed-off card and what was picked. */
async function bookAtNextMeeting(bot: BotUnderTest): Promise<{ signed: InvokeReply; reviewId: string; slot: { title: string; value: string }; offered: Card }> {
  bot.connector.members = [chair, { ...mum, email: 'mum@example.org' }, { ...teacher, email: 'teacher@school.example.org' }] as never;
  await bot.say(chair, 'start review');
  const atNext = await walkToNextMeeting(bot, chair, await openAsChair(bot, chair));
  const offered = atNext.card!;
  const slot = slotChoices(offered)[0]!;
  const minutes = await bot.pressOn(chair, offered, 'review.continue', { familyPreference: 'in-person', slot: slot.value, venue: 'Bridge Street Family Centre' });
  expect(errorsOf(minutes.card!)).toEqual([]);
  const reviewId = actionData(minutes.card!, 'review.signOff').reviewId as string;
  const signed = await signOff(bot, chair, minutes.card!);
  await bot.effectsSettled();
  return { signed, reviewId, slot, offered };
}

function calendarOf(bot: BotUnderTest): KyselyLocalCalendar {
  return bot.bot!.storage.localCalendar as KyselyLocalCalendar;
}

describe('the next review is booked from the review itself (embedded calendar and mail folder)', () => {
  let bot: BotUnderTest;
  let mailDir: string;
  beforeEach(async () => {
    bot = new BotUnderTest();
    mailDir = join(bot.directory, 'mail');
    await bot.start({ MAIL_DIR: mailDir });
  });
  afterEach(() => bot.stop());

  it('offers up to five free times in words inside the window, says whose calendars could not be read, and books the one picked at sign-off', async () => {
    const { signed, reviewId, slot, offered } = await bookAtNextMeeting(bot);

    const choices = slotChoices(offered);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(5);
    for (const c of choices) expect(c.title).toMatch(/^(Mon|Tue|Wed|Thu|Fri) \d{1,2} [A-Z][a-z]{2} 20\d\d, \d\d:\d\d to \d\d:\d\d$/);
    // The embedded calendar reads only the organiser's own bookings; Rose Gran has no email at all.
    expect(textOf(offered)).toContain("Rose Gran, Mum, Teacher and Kofi Dad's calendars could not be read");
    expect(textOf(offered)).toMatch(/Next review between .* aim for/);
    expect(actionsOf(offered).map((a) => a.verb)).toContain('review.findTimes');

    // One event in the local calendar, at the time picked, in person at the venue.
    const key = bookingKeyOf(reviewId);
    expect(await calendarOf(bot).countFor(key)).toBe(1);
    const event = await calendarOf(bot).event(localEventId(key));
    expect(event).toMatchObject({ start: slot.value, online: false, location: 'Bridge Street Family Centre', cancelled: false });
    // Only professionals are put on the event: everyone on an event is shown to everyone else on it.
    expect(event!.attendees.map((a) => a.address).sort()).toEqual(['teacher@school.example.org']);

    // One .ics invitation each (the chair organises it): METHOD:REQUEST, the booking's UID, the instants booked.
    const invitations = await invitationsIn(mailDir);
    expect(invitations.map((i) => i.to).sort()).toEqual(['kofi@example.org', 'mum@example.org', 'teacher@school.example.org']);
    for (const i of invitations) {
      expect(i).toMatchObject({ method: 'REQUEST', uid: key, sequence: 0, start: slot.value });
      expect(Date.parse(i.end) - Date.parse(i.start)).toBe(60 * 60_000);
    }
    // No family member learns another's address: a parent's invitation lists only them; the teacher's only the professionals.
    const listed = Object.fromEntries(invitations.map((i) => [i.to, [...i.attendees].sort()]));
    expect(listed).toEqual({
      'kofi@example.org': ['kofi@example.org'],
      'mum@example.org': ['mum@example.org'],
      'teacher@school.example.org': ['teacher@school.example.org'],
    });

    // The chair is told on the signed-off card, and the minutes say when.
    expect(textOf(signed.card)).toContain(`The next meeting is being booked for ${slot.title}, in person at Bridge Street Family Centre`);
    const minutesText = textOf((await bot.pressOn(chair, signed.card!, 'review.refresh')).card);
    expect(minutesText).toContain(`${slot.title}, in person at Bridge Street Family Centre`);
  });

  it('the chair moves it (the same event, SEQUENCE raised, everyone told) and then cancels it (METHOD:CANCEL); nobody else can', async () => {
    const { signed, reviewId } = await bookAtNextMeeting(bot);
    const key = bookingKeyOf(reviewId);
    const shown = await bot.pressOn(chair, signed.card!, 'nextMeeting.show');
    expect(textOf(shown.card)).toContain('In the calendar; invitations sent');

    // Someone else pressing the same card changes nothing.
    const forged = await bot.pressOn(mum, shown.card!, 'nextMeeting.move', { moveDate: '2027-01-05', moveTime: '14:00' });
    expect(textOf(forged.card)).toContain('Only Sam, who is chairing this review, can move or cancel the next meeting');

    const moved = await bot.pressOn(chair, shown.card!, 'nextMeeting.move', { moveDate: '2027-01-05', moveTime: '14:00' });
    expect(errorsOf(moved.card!)).toEqual([]);
    expect(textOf(moved.card)).toContain('Tue 5 Jan 2027, 14:00 to 15:00');
    await bot.effectsSettled();
    expect(await calendarOf(bot).countFor(key)).toBe(1);
    expect(await calendarOf(bot).event(localEventId(key))).toMatchObject({ start: '2027-01-05T14:00:00.000Z', end: '2027-01-05T15:00:00.000Z', cancelled: false });
    const afterMove = await invitationsIn(mailDir);
    const moveNotices = afterMove.filter((i) => i.sequence === 1);
    expect(moveNotices.map((i) => i.to).sort()).toEqual(['kofi@example.org', 'mum@example.org', 'teacher@school.example.org']);
    for (const i of moveNotices) expect(i).toMatchObject({ method: 'REQUEST', uid: key, start: '2027-01-05T14:00:00.000Z', end: '2027-01-05T15:00:00.000Z' });

    // A card shown before the move is out of date: pressing it changes nothing.
    const stale = await bot.pressOn(chair, shown.card!, 'nextMeeting.cancel', { cancelReason: 'Family unwell' });
    expect(textOf(stale.card)).toContain('The booking changed since this card was shown');

    const refused = await bot.pressOn(chair, moved.card!, 'nextMeeting.cancel', { cancelReason: '' });
    expect(errorsOf(refused.card!)).toEqual(['Say why: everyone invited is told']);
    const cancelled = await bot.pressOn(chair, moved.card!, 'nextMeeting.cancel', { cancelReason: 'Family unwell' });
    expect(textOf(cancelled.card)).toContain('Cancelled: everyone invited is told.');
    await bot.effectsSettled();
    expect(await calendarOf(bot).event(localEventId(key))).toMatchObject({ cancelled: true, cancelComment: 'Family unwell' });
    const cancels = (await invitationsIn(mailDir)).filter((i) => i.method === 'CANCEL');
    expect(cancels.map((i) => i.to).sort()).toEqual(['kofi@example.org', 'mum@example.org', 'teacher@school.example.org']);
    for (const i of cancels) expect(i).toMatchObject({ uid: key, sequence: 2 });
    // Once cancelled, it offers no more changes.
    expect(actionsOf(cancelled.card!).map((a) => a.verb)).not.toContain('nextMeeting.move');
  });

  it('the next review in the chat starts from the booking: its date, how it is held and the case', async () => {
    const { slot } = await bookAtNextMeeting(bot);
    await bot.say(chair, 'start review');
    const setUp = (await openAsChair(bot, chair)).card!;
    const inputs = inputsOf(setUp);
    expect(inputs.meetingDate).toBe(slot.value.slice(0, 10));
    expect(inputs.mode).toBe('in-person');
    expect(inputs['children.0.caseReference']).toBe('CIN-1001');
    expect(textOf(setUp)).toContain(`Booked for ${slot.title}, in person at Bridge Street Family Centre.`);
  });

  it('`due` says when the next review is booked, once its window is open', async () => {
    const { slot } = await bookAtNextMeeting(bot);
    bot.today = slot.value.slice(0, 10);
    const before = bot.connector.sent.length;
    const personal = bot.where({ conversationId: 'a:personal-sam' });
    expect((await bot.post(messageActivity({ ...personal, conversationType: 'personal' }, chair, 'due'))).status).toBe(200);
    const sent = bot.connector.sent.slice(before).map((x) => textOf(cardOf(x.activity))).join(' ');
    expect(sent).toContain('CIN-1001: review due');
    expect(sent).toContain(`The next review is booked for ${slot.title}.`);
  });

  it('a time typed instead of one offered is booked too; outside the window it needs the reason, as before', async () => {
    bot.connector.members = [chair, { ...mum, email: 'mum@example.org' }, { ...teacher, email: 'teacher@school.example.org' }] as never;
    await bot.say(chair, 'start review');
    const atNext = await walkToNextMeeting(bot, chair, await openAsChair(bot, chair));
    const both = await bot.pressOn(chair, atNext.card!, 'review.continue', { familyPreference: 'online', slot: slotChoices(atNext.card!)[0]!.value, proposedDate: '2027-03-02', proposedTime: '10:00' });
    expect(errorsOf(both.card!)).toEqual(['Pick a time offered or type another date and time, not both']);
    const outside = await bot.pressOn(chair, both.card!, 'review.continue', { familyPreference: 'online', slot: '', proposedDate: '2027-03-02', proposedTime: '10:00' });
    expect(errorsOf(outside.card!).join(' ')).toContain('Record the reason');
    const minutes = await bot.pressOn(chair, outside.card!, 'review.continue', { familyPreference: 'online', slot: '', proposedDate: '2027-03-02', proposedTime: '10:00', dateReason: 'M-REASON' });
    expect(errorsOf(minutes.card!)).toEqual([]);
    const reviewId = actionData(minutes.card!, 'review.signOff').reviewId as string;
    await signOff(bot, chair, minutes.card!);
    await bot.effectsSettled();
    // 2 March 2027 is winter time: 10:00 in London is 10:00Z. Online, with no Teams link from the embedded calendar.
    const event = await calendarOf(bot).event(localEventId(bookingKeyOf(reviewId)));
    expect(event).toMatchObject({ start: '2027-03-02T10:00:00.000Z', online: true, location: '' });
    const booking = await bot.bot!.storage.bookings.get(bookingKeyOf(reviewId));
    expect(booking).toMatchObject({ status: 'booked', joinUrlMissing: true, tenantId: TENANT });
  });
});
