import { BOOKING_CREATE, cancel, move } from '../../src/domain/booking/booking';
import { CalendarEvent } from '../../src/ports/calendar';
import { KyselyBookingStore } from '../../src/store/kysely-booking-store';
import { KyselyLocalCalendar } from '../../src/store/kysely-local-calendar';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { OpenDatabase, TestDatabase } from '../support/booking-databases';
import { DECIDED_AT, booked, decided } from '../support/booking-fixtures';

const LATER = '2026-12-02T09:00:00.000Z';

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    bookingKey: 'tenant-1:LCC-1:review-1',
    organiser: 'Sam.Chair@council.example',
    subject: 'Child in Need review (LCC-1)',
    start: '2027-01-12T14:00:00.000Z',
    end: '2027-01-12T15:00:00.000Z',
    attendees: [{ name: 'Pat Parent', address: 'pat.parent@example.org' }],
    online: false,
    location: 'Room 2',
    body: 'The next review.',
    ...overrides,
  };
}

/** What the booking store and the local calendar must do, on real SQLite and real PostgreSQL. */
export function bookingStoreContract(name: string, open: OpenDatabase): void {
  let database: TestDatabase;
  let store: KyselyBookingStore;
  let outbox: KyselyOutbox;
  let calendar: KyselyLocalCalendar;
  beforeEach(async () => {
    database = await open();
    store = new KyselyBookingStore(database.db, () => DECIDED_AT);
    outbox = new KyselyOutbox(database.db, database.dialect);
    calendar = new KyselyLocalCalendar(database.db, () => DECIDED_AT);
  });
  afterEach(() => database.db.destroy());

  describe(`${name} booking store`, () => {
    it('saves a new booking with its effect in one transaction, and reads it back as it was', async () => {
      const { booking, effects } = booked();
      expect(await store.create(booking, effects)).toBe('created');
      expect(await store.get(booking.bookingKey)).toEqual(booking);
      const queued = await outbox.ofReview(booking.reviewId);
      expect(queued.map((e) => [e.kind, e.key, e.status])).toEqual([[BOOKING_CREATE, `booking:${booking.bookingKey}:0`, 'pending']]);
      expect(queued[0]?.payload).toEqual({ bookingKey: booking.bookingKey, sequence: 0, booking });
    });

    it('the same booking created again (a retried turn) exists already: nothing changes, nothing more is queued', async () => {
      const { booking, effects } = booked();
      await store.create(booking, effects);
      const again = booked({ reviewId: booking.reviewId, start: '2027-01-13T14:00:00.000Z', end: '2027-01-13T15:00:00.000Z' });
      expect(await store.create(again.booking, [{ ...again.effects[0]!, key: 'another-key' }])).toBe('exists');
      expect((await store.get(booking.bookingKey))?.start).toBe(booking.start);
      expect((await outbox.ofReview(booking.reviewId)).map((e) => e.key)).toEqual([`booking:${booking.bookingKey}:0`]);
    });

    it('a move is saved at the sequence it was decided from; a second save from the same sequence conflicts and queues nothing', async () => {
      const { booking, effects } = booked();
      await store.create(booking, effects);
      const moved = decided(move(booking, '2027-01-19T14:00:00Z', '2027-01-19T15:00:00Z', LATER));
      expect(await store.save(moved.booking, 0, moved.effects)).toBe('saved');
      const other = decided(cancel(booking, 'closed', LATER));
      expect(await store.save(other.booking, 0, [{ ...other.effects[0]!, key: 'raced-cancel' }])).toBe('conflict');
      expect(await store.get(booking.bookingKey)).toMatchObject({ sequence: 1, start: '2027-01-19T14:00:00.000Z', status: 'requested' });
      expect((await outbox.ofReview(booking.reviewId)).map((e) => e.key).sort()).toEqual([`booking:${booking.bookingKey}:0`, `booking:${booking.bookingKey}:1`]);
    });

    it('the calendar\'s answer is recorded beside the people\'s changes: a move saved afterwards keeps the event id', async () => {
      const { booking, effects } = booked({ online: true });
      await store.create(booking, effects);
      expect(await store.recordCalendarAnswer(booking.bookingKey, 0, { eventId: 'ev-1' })).toMatchObject({ eventId: 'ev-1', status: 'booked', joinUrlMissing: true, calendarSequence: 0 });
      // The move was decided from the booking as read before the answer came.
      const moved = decided(move(booking, '2027-01-19T14:00:00Z', '2027-01-19T15:00:00Z', LATER));
      expect(await store.save(moved.booking, 0, moved.effects)).toBe('saved');
      expect(await store.get(booking.bookingKey)).toMatchObject({ eventId: 'ev-1', status: 'booked', joinUrlMissing: true, sequence: 1, start: '2027-01-19T14:00:00.000Z' });
      expect(await store.recordCalendarAnswer(booking.bookingKey, 1, { eventId: 'ev-1', joinUrl: 'https://teams.example/j' })).toMatchObject({ joinUrl: 'https://teams.example/j', joinUrlMissing: false, calendarSequence: 1 });
      // A late answer to the first change changes nothing.
      expect(await store.recordCalendarAnswer(booking.bookingKey, 0, { eventId: 'ev-1' })).toMatchObject({ calendarSequence: 1, joinUrl: 'https://teams.example/j' });
    });

    it('lists a case\'s and an organiser\'s upcoming bookings, soonest first, without cancelled or past ones', async () => {
      const later = booked({ caseReferences: ['LCC-1', 'LCC-2'], start: '2027-02-10T10:00:00.000Z', end: '2027-02-10T11:00:00.000Z' });
      const sooner = booked({ caseReferences: ['LCC-2'], start: '2027-01-20T10:00:00.000Z', end: '2027-01-20T11:00:00.000Z' });
      const gone = booked({ caseReferences: ['LCC-2'], start: '2027-01-21T10:00:00.000Z', end: '2027-01-21T11:00:00.000Z' });
      const past = booked({ caseReferences: ['LCC-2'], start: '2026-12-05T10:00:00.000Z', end: '2026-12-05T11:00:00.000Z' });
      const elsewhere = booked({ tenantId: 'tenant-2', caseReferences: ['LCC-2'], organiser: { name: 'Other', email: 'sam.chair@council.example' } });
      const otherChair = booked({ caseReferences: ['LCC-9'], organiser: { name: 'Ola', email: 'ola@council.example' } });
      for (const b of [later, sooner, gone, past, elsewhere, otherChair]) await store.create(b.booking, b.effects);
      const cancelled = decided(cancel(gone.booking, 'closed', LATER));
      await store.save(cancelled.booking, 0, cancelled.effects);

      const from = '2027-01-01T00:00:00Z';
      const keys = (bs: ReadonlyArray<{ bookingKey: string }>) => bs.map((b) => b.bookingKey);
      expect(keys(await store.upcomingOfCases('tenant-1', ['LCC-2'], from))).toEqual([sooner.booking.bookingKey, later.booking.bookingKey]);
      expect(keys(await store.upcomingOfCases('tenant-1', ['LCC-1'], from))).toEqual([later.booking.bookingKey]);
      // Several cases at once: each booking once, soonest first; none asked, none answered.
      expect(keys(await store.upcomingOfCases('tenant-1', ['LCC-1', 'LCC-2', 'LCC-404'], from))).toEqual([sooner.booking.bookingKey, later.booking.bookingKey]);
      expect(keys(await store.upcomingOfCases('tenant-1', ['LCC-9', 'LCC-1'], from)).sort()).toEqual([otherChair.booking.bookingKey, later.booking.bookingKey].sort());
      expect(await store.upcomingOfCases('tenant-1', [], from)).toEqual([]);
      expect(keys(await store.upcomingOfCases('tenant-2', ['LCC-2'], from))).toEqual([elsewhere.booking.bookingKey]);
      expect(keys(await store.upcomingOfOrganiser('tenant-1', ' Sam.Chair@Council.example', from))).toEqual([sooner.booking.bookingKey, later.booking.bookingKey]);
      expect(keys(await store.ofOrganiserBetween('tenant-1', 'sam.chair@council.example', '2027-01-20T10:30:00Z', '2027-01-31T00:00:00Z'))).toEqual([sooner.booking.bookingKey]);
    });
  });

  describe(`${name} local calendar`, () => {
    it('creating the same booking key again answers with the same event, and holds one', async () => {
      const first = await calendar.create(event());
      const again = await new KyselyLocalCalendar(database.db).create(event({ start: '2027-01-13T14:00:00.000Z', end: '2027-01-13T15:00:00.000Z' }));
      expect(again).toEqual(first);
      expect(await calendar.countFor(event().bookingKey)).toBe(1);
      // The first version wins, as a repeated Graph transactionId does.
      expect((await calendar.event(first.eventId))?.start).toBe('2027-01-12T14:00:00.000Z');
    });

    it('an online event has no Teams link: the local calendar makes no Teams meeting', async () => {
      expect(await calendar.create(event({ online: true, location: '' }))).toEqual({ eventId: expect.stringMatching(/^local-/) });
    });

    it('update moves the same event; cancel cancels it, a second cancel is done; an update of a cancelled or unknown event is refused', async () => {
      const { eventId } = await calendar.create(event());
      expect(await calendar.update(eventId, event({ start: '2027-01-19T14:00:00.000Z', end: '2027-01-19T15:00:00.000Z' }))).toEqual({ eventId });
      expect(await calendar.event(eventId)).toMatchObject({ start: '2027-01-19T14:00:00.000Z', cancelled: false });
      await calendar.cancel('sam.chair@council.example', eventId, 'The case has closed.');
      await expect(calendar.cancel('sam.chair@council.example', eventId, 'again')).resolves.toBeUndefined();
      expect(await calendar.event(eventId)).toMatchObject({ cancelled: true, cancelComment: 'The case has closed.' });
      await expect(calendar.update(eventId, event())).rejects.toMatchObject({ code: 'EVENT_CANCELLED', options: { retryable: false } });
      await expect(calendar.update('local-nothing', event())).rejects.toMatchObject({ code: 'EVENT_NOT_FOUND', options: { retryable: false } });
    });

    it('free/busy: the organiser is known, busy in the events they organise here; anyone else is not known', async () => {
      await calendar.create(event({ bookingKey: 'k1' }));
      await calendar.create(event({ bookingKey: 'k2', start: '2027-01-12T14:30:00.000Z', end: '2027-01-12T16:00:00.000Z' }));
      const gone = await calendar.create(event({ bookingKey: 'k3', start: '2027-01-13T09:00:00.000Z', end: '2027-01-13T10:00:00.000Z' }));
      await calendar.cancel('sam.chair@council.example', gone.eventId, 'moved');
      await calendar.create(event({ bookingKey: 'k4', organiser: 'ola@council.example', start: '2027-01-14T09:00:00.000Z', end: '2027-01-14T10:00:00.000Z' }));
      const answer = await calendar.freeBusy('sam.chair@council.example', ['pat.parent@example.org', 'SAM.CHAIR@council.example', 'ola@council.example'], '2027-01-12T15:00:00Z', '2027-01-20T00:00:00Z');
      expect(answer).toEqual([
        { email: 'pat.parent@example.org', known: false, busy: [] },
        { email: 'SAM.CHAIR@council.example', known: true, busy: [{ start: '2027-01-12T15:00:00.000Z', end: '2027-01-12T16:00:00.000Z' }] },
        { email: 'ola@council.example', known: false, busy: [] },
      ]);
      await expect(calendar.freeBusy('sam.chair@council.example', [], '2027-01-20T00:00:00Z', '2027-01-12T00:00:00Z')).rejects.toMatchObject({ code: 'INVALID_WINDOW' });
    });
  });
}
