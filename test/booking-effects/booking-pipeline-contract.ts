import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bookingEffectHandlers } from '../../src/booking-effects/booking-effect-handlers';
import { Booking, BookingDecision, cancel, move } from '../../src/domain/booking/booking';
import { londonInstant } from '../../src/domain/booking/london-wall-clock';
import { silentLogger } from '../../src/logging/logger';
import { FolderMailSender } from '../../src/mail-folder/folder-mail-sender';
import { OutboxDispatcher } from '../../src/outbox/outbox-dispatcher';
import { Calendar } from '../../src/ports/calendar';
import { EffectFailure } from '../../src/ports/effect-failure';
import { Email, MailSender } from '../../src/ports/mail-sender';
import { KyselyBookingStore } from '../../src/store/kysely-booking-store';
import { KyselyLocalCalendar, localEventId } from '../../src/store/kysely-local-calendar';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { OpenDatabase, TestDatabase } from '../support/booking-databases';
import { booked, decided } from '../support/booking-fixtures';
import { invitationFilesIn as invitationsIn } from '../support/invitation-files';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const LEASE_MS = 60_000;


/** The booking pipeline's lower half over one database: booking store, outbox, local calendar, invitation files. */
export function bookingPipelineContract(name: string, open: OpenDatabase): void {
  describe(`${name}: bookings through the outbox to the local calendar and invitation files`, () => {
    let database: TestDatabase;
    let store: KyselyBookingStore;
    let outbox: KyselyOutbox;
    let calendar: KyselyLocalCalendar;
    let mailDir: string;
    let mail: FolderMailSender;
    let now: number;
    beforeEach(async () => {
      database = await open();
      now = T0;
      store = new KyselyBookingStore(database.db, () => new Date(now).toISOString());
      outbox = new KyselyOutbox(database.db, database.dialect);
      calendar = new KyselyLocalCalendar(database.db, () => new Date(now).toISOString());
      mailDir = mkdtempSync(join(tmpdir(), 'cin-booking-mail-'));
      mail = new FolderMailSender({ directory: mailDir, from: { name: 'CIN Reviews', address: 'cin-reviews@council.example' }, now: () => new Date(now) });
    });
    afterEach(async () => {
      await database.db.destroy();
      rmSync(mailDir, { recursive: true, force: true });
    });

    function dispatcher(options: { calendar?: Calendar; invitations?: MailSender } = {}): OutboxDispatcher {
      const handlers = bookingEffectHandlers({ bookings: store, calendar: options.calendar ?? calendar, invitations: options.invitations ?? mail });
      return new OutboxDispatcher({ outbox, handlers, logger: silentLogger, leaseMs: LEASE_MS, clock: () => now, random: () => 0.5 });
    }

    async function saved(decision: BookingDecision, expectedSequence: number): Promise<Booking> {
      const { booking, effects } = decided(decision);
      expect(await store.save(booking, expectedSequence, effects)).toBe('saved');
      return booking;
    }

    async function effectsOf(reviewId: string) {
      return (await outbox.ofReview(reviewId)).map((e) => [e.kind, e.status]);
    }

    it('a booking makes one event and one invitation per attendee: METHOD:REQUEST, UID the booking key, SEQUENCE 0', async () => {
      const { booking, effects } = booked();
      await store.create(booking, effects);
      await dispatcher().runOnce();

      const stored = await store.get(booking.bookingKey);
      expect(stored).toMatchObject({ status: 'booked', calendarSequence: 0, joinUrlMissing: false });
      expect(await calendar.event(stored!.eventId!)).toMatchObject({ bookingKey: booking.bookingKey, start: booking.start, cancelled: false });
      const invitations = await invitationsIn(mailDir);
      expect(invitations.map((i) => i.to).sort()).toEqual(booking.attendees.map((a) => a.email).sort());
      for (const i of invitations) {
        expect(i).toMatchObject({ method: 'REQUEST', uid: booking.bookingKey, sequence: 0, start: '2027-01-12T14:00:00.000Z', end: '2027-01-12T15:00:00.000Z', status: 'CONFIRMED' });
        expect(i.subject).toBe('Invitation: Child in Need review (LCC-204781), Tuesday 12 January 2027, 14:00 to 15:00');
      }
      expect(await effectsOf(booking.reviewId)).toEqual([['booking.create', 'done']]);
    });

    it.each([
      ['after the event was made, before it was recorded', 'calendar'],
      ['after the first invitation was written', 'mail'],
    ] as const)('killed %s, then retried once the lease ran out: one event, one set of invitations', async (_, where) => {
      const { booking, effects } = booked();
      await store.create(booking, effects);
      const killed = new Error('the process was killed');
      const dying: Calendar = { ...bind(calendar), create: async (e) => { await calendar.create(e); throw killed; } };
      let written = 0;
      const dyingMail: MailSender = { send: async (email: Email) => { if (written++ === 1) throw killed; return mail.send(email); } };
      // The first process takes the effect and dies in the middle: it never completes nor releases it.
      const [taken] = await outbox.take('dead-process', new Date(now).toISOString(), new Date(now + LEASE_MS).toISOString(), 10);
      const handlers = bookingEffectHandlers({ bookings: store, calendar: where === 'calendar' ? dying : calendar, invitations: where === 'mail' ? dyingMail : mail });
      await expect(handlers['booking.create'].perform(taken!)).rejects.toBe(killed);

      // Nobody else may take it while the dead process's lease lasts; after it, the next process does.
      expect(await dispatcher().runOnce()).toBe(0);
      now += LEASE_MS + 1;
      expect(await dispatcher().runOnce()).toBe(1);

      expect(await calendar.countFor(booking.bookingKey)).toBe(1);
      const invitations = await invitationsIn(mailDir);
      expect(invitations.map((i) => i.to).sort()).toEqual(booking.attendees.map((a) => a.email).sort());
      expect(new Set(invitations.map((i) => `${i.uid}|${i.sequence}`))).toEqual(new Set([`${booking.bookingKey}|0`]));
      expect(await store.get(booking.bookingKey)).toMatchObject({ status: 'booked', eventId: localEventId(booking.bookingKey) });
      expect(await effectsOf(booking.reviewId)).toEqual([['booking.create', 'done']]);
    });

    it('a move updates the same event and sends new invitations with the same UID and SEQUENCE raised; a cancel sends METHOD:CANCEL', async () => {
      const first = booked();
      await store.create(first.booking, first.effects);
      await dispatcher().runOnce();
      const { eventId } = (await store.get(first.booking.bookingKey))!;

      now += 3_600_000;
      const moved = await saved(move(first.booking, '2027-01-19T14:00:00Z', '2027-01-19T15:30:00Z', new Date(now).toISOString()), 0);
      await dispatcher().runOnce();
      expect(await store.get(first.booking.bookingKey)).toMatchObject({ eventId, sequence: 1, calendarSequence: 1, start: '2027-01-19T14:00:00.000Z' });
      expect(await calendar.event(eventId!)).toMatchObject({ start: '2027-01-19T14:00:00.000Z', end: '2027-01-19T15:30:00.000Z', cancelled: false });
      expect(await calendar.countFor(first.booking.bookingKey)).toBe(1);
      const afterMove = (await invitationsIn(mailDir)).filter((i) => i.sequence === 1);
      expect(afterMove).toHaveLength(3);
      for (const i of afterMove) {
        expect(i).toMatchObject({ method: 'REQUEST', uid: first.booking.bookingKey, start: '2027-01-19T14:00:00.000Z', end: '2027-01-19T15:30:00.000Z' });
        expect(i.subject).toMatch(/^Moved: /);
      }

      now += 3_600_000;
      await saved(cancel(moved, 'The case has closed.', new Date(now).toISOString()), 1);
      await dispatcher().runOnce();
      expect(await store.get(first.booking.bookingKey)).toMatchObject({ status: 'cancelled', sequence: 2, calendarSequence: 2 });
      expect(await calendar.event(eventId!)).toMatchObject({ cancelled: true, cancelComment: 'The case has closed.' });
      const cancellations = (await invitationsIn(mailDir)).filter((i) => i.sequence === 2);
      expect(cancellations.map((i) => i.to).sort()).toEqual(first.booking.attendees.map((a) => a.email).sort());
      for (const i of cancellations) expect(i).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: first.booking.bookingKey });
      expect(await invitationsIn(mailDir)).toHaveLength(9);
      expect(await effectsOf(first.booking.reviewId)).toEqual([['booking.create', 'done'], ['booking.update', 'done'], ['booking.cancel', 'done']]);
    });

    it('moved across the 28 March 2027 clock change, 10:00 London is 10:00Z before it and 09:00Z after it', async () => {
      const friday = new Date(londonInstant('2027-03-26', 10 * 60)).toISOString();
      const monday = new Date(londonInstant('2027-03-29', 10 * 60)).toISOString();
      expect([friday, monday]).toEqual(['2027-03-26T10:00:00.000Z', '2027-03-29T09:00:00.000Z']);
      const first = booked({ start: friday, end: new Date(Date.parse(friday) + 3_600_000).toISOString() });
      await store.create(first.booking, first.effects);
      await saved(move(first.booking, monday, new Date(Date.parse(monday) + 3_600_000).toISOString(), new Date(now).toISOString()), 0);
      await dispatcher().runOnce();

      const invitations = await invitationsIn(mailDir);
      expect(invitations.filter((i) => i.sequence === 0).map((i) => [i.start, i.end])[0]).toEqual(['2027-03-26T10:00:00.000Z', '2027-03-26T11:00:00.000Z']);
      const moved = invitations.filter((i) => i.sequence === 1);
      expect(moved.map((i) => [i.start, i.end])[0]).toEqual(['2027-03-29T09:00:00.000Z', '2027-03-29T10:00:00.000Z']);
      expect(moved[0]?.subject).toContain('Monday 29 March 2027, 10:00 to 11:00');
      expect(await calendar.event((await store.get(first.booking.bookingKey))!.eventId!)).toMatchObject({ start: '2027-03-29T09:00:00.000Z' });
    });

    it('an update queued before its create was made waits for it, and the event ends at the moved time', async () => {
      const first = booked();
      await store.create(first.booking, first.effects);
      await saved(move(first.booking, '2027-01-19T14:00:00Z', '2027-01-19T15:00:00Z', new Date(now).toISOString()), 0);
      let refusals = 1;
      const busyOnce: Calendar = {
        ...bind(calendar),
        create: async (e) => {
          if (refusals-- > 0) throw new EffectFailure('THROTTLED', 'too many requests', { retryable: true });
          return calendar.create(e);
        },
      };
      await dispatcher({ calendar: busyOnce }).runOnce();
      const waiting = await outbox.ofReview(first.booking.reviewId);
      expect(waiting.find((e) => e.kind === 'booking.update')?.lastError).toMatch(/^BOOKING_NOT_YET_MADE/);
      now += 10_000;
      await dispatcher({ calendar: busyOnce }).runOnce();
      const stored = (await store.get(first.booking.bookingKey))!;
      expect(stored).toMatchObject({ calendarSequence: 1, status: 'booked' });
      expect(await calendar.event(stored.eventId!)).toMatchObject({ start: '2027-01-19T14:00:00.000Z' });
      expect(await effectsOf(first.booking.reviewId)).toEqual([['booking.create', 'done'], ['booking.update', 'done']]);
    });

    it('a late repeat of an older move (a retry that lost its lease) never moves the event back, nor sends its invitations again', async () => {
      const first = booked();
      await store.create(first.booking, first.effects);
      const once = await saved(move(first.booking, '2027-01-19T14:00:00Z', '2027-01-19T15:00:00Z', new Date(now).toISOString()), 0);
      await saved(move(once, '2027-01-26T14:00:00Z', '2027-01-26T15:00:00Z', new Date(now).toISOString()), 1);
      await dispatcher().runOnce();
      const files = readdirSync(mailDir).length;
      const olderMove = (await outbox.ofReview(first.booking.reviewId)).find((e) => e.key.endsWith(':1'))!;
      await bookingEffectHandlers({ bookings: store, calendar, invitations: mail })['booking.update'].perform(olderMove);
      const stored = (await store.get(first.booking.bookingKey))!;
      expect(stored).toMatchObject({ calendarSequence: 2, start: '2027-01-26T14:00:00.000Z' });
      expect(await calendar.event(stored.eventId!)).toMatchObject({ start: '2027-01-26T14:00:00.000Z' });
      expect(readdirSync(mailDir)).toHaveLength(files);
    });

    it('an online meeting the calendar made without a Teams link is recorded as missing one, for the chair to be told', async () => {
      const { booking, effects } = booked({ online: true });
      await store.create(booking, effects);
      await dispatcher().runOnce();
      expect(await store.get(booking.bookingKey)).toMatchObject({ status: 'booked', joinUrlMissing: true });
      expect((await store.get(booking.bookingKey))?.joinUrl).toBeUndefined();
    });
  });
}

/** The calendar's methods bound to it, to override one. */
function bind(calendar: Calendar): Calendar {
  return {
    freeBusy: calendar.freeBusy.bind(calendar),
    create: calendar.create.bind(calendar),
    update: calendar.update.bind(calendar),
    cancel: calendar.cancel.bind(calendar),
  };
}
