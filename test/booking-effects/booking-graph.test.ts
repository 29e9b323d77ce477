import { bookingEffectHandlers } from '../../src/booking-effects/booking-effect-handlers';
import { cancel, move } from '../../src/domain/booking/booking';
import { transactionIdFor } from '../../src/graph/outlook-event';
import { silentLogger } from '../../src/logging/logger';
import type { Email, MailSender } from '../../src/ports/mail-sender';
import { OutboxDispatcher } from '../../src/outbox/outbox-dispatcher';
import { Calendar } from '../../src/ports/calendar';
import { KyselyBookingStore } from '../../src/store/kysely-booking-store';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { TestDatabase, sqliteDatabases } from '../support/booking-databases';
import { booked, decided } from '../support/booking-fixtures';
import { adaptersFor, startGraphFake } from '../support/graph-fake/fake-adapters';
import { GraphFake } from '../support/graph-fake/graph-fake';
import { VirtualClock } from '../support/graph-fake/virtual-clock';

const CHAIR = 'sam.chair@council.example';
const EVENTS = /\/users\/[^/]+\/events$/;
const LEASE_MS = 60_000;
const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const openDatabase = sqliteDatabases('booking-graph');

let fake: GraphFake;
let clock: VirtualClock;
let database: TestDatabase;
let store: KyselyBookingStore;
let outbox: KyselyOutbox;
let now: number;
beforeEach(async () => {
  clock = new VirtualClock();
  fake = startGraphFake({ now: clock.now });
  database = await openDatabase();
  now = T0;
  store = new KyselyBookingStore(database.db, () => new Date(now).toISOString());
  outbox = new KyselyOutbox(database.db, 'sqlite');
});
afterEach(async () => {
  await fake.settled();
  fake.close();
  await database.db.destroy();
});

/** Graph sends the invitations itself: no invitation emails with it. */
function dispatcher(calendar: Calendar): OutboxDispatcher {
  return new OutboxDispatcher({ outbox, handlers: bookingEffectHandlers({ bookings: store, calendar }), logger: silentLogger, leaseMs: LEASE_MS, clock: () => now, random: () => 0.5 });
}

describe('bookings through the real GraphCalendar against the Graph fake', () => {
  it('puts only the professionals on the Exchange event (each sees the others); a parent is invited alone, by an email naming only them', async () => {
    const { booking, effects } = booked({
      attendees: [
        { name: 'Pat Parent', email: 'pat.parent@example.org', audience: 'alone' },
        { name: 'Sue Worker', email: 'sue.worker@council.example', audience: 'professional' },
        { name: 'Mrs Khan, class teacher', email: 'khan@school.example.org', audience: 'professional' },
      ],
    });
    await store.create(booking, effects);
    const sent: Email[] = [];
    const mail: MailSender = { send: async (email) => (sent.push(email), { reference: email.idempotencyKey }) };
    const handlers = bookingEffectHandlers({ bookings: store, calendar: adaptersFor(fake, { clock }).calendar, invitations: mail, calendarTellsAttendees: true });
    expect(await new OutboxDispatcher({ outbox, handlers, logger: silentLogger, leaseMs: LEASE_MS, clock: () => now, random: () => 0.5 }).runOnce()).toBe(1);
    const [event] = fake.calendar.liveEvents(CHAIR);
    const onEvent = (event!.body.attendees as Array<{ emailAddress: { address: string } }>).map((a) => a.emailAddress.address).sort();
    expect(onEvent).toEqual(['khan@school.example.org', 'sue.worker@council.example']);
    expect(sent.map((e) => e.to[0]!.address)).toEqual(['pat.parent@example.org']);
    const ics = sent[0]!.calendarInvite!.ics;
    expect(ics).toContain('pat.parent@example.org');
    expect(ics).not.toContain('sue.worker@council.example');
    expect(ics).not.toContain('khan@school.example.org');
  });

  it('killed after Graph made the event, retried by the next process: the same transactionId gives back the same event, one in all', async () => {
    const { booking, effects } = booked({ online: true });
    await store.create(booking, effects);
    const graph = adaptersFor(fake, { clock }).calendar;
    const killed = new Error('the process was killed');
    const dying: Calendar = {
      freeBusy: (...a) => graph.freeBusy(...a),
      update: (...a) => graph.update(...a),
      cancel: (...a) => graph.cancel(...a),
      create: async (event) => {
        await graph.create(event);
        throw killed;
      },
    };
    const [taken] = await outbox.take('dead-process', new Date(now).toISOString(), new Date(now + LEASE_MS).toISOString(), 10);
    await expect(bookingEffectHandlers({ bookings: store, calendar: dying })['booking.create'].perform(taken!)).rejects.toBe(killed);
    expect(fake.calendar.liveEvents(CHAIR)).toHaveLength(1);

    now += LEASE_MS + 1;
    expect(await dispatcher(adaptersFor(fake, { clock }).calendar).runOnce()).toBe(1);

    const posts = fake.requestsTo('POST', EVENTS);
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => (p.body as { transactionId: string }).transactionId)).toEqual([transactionIdFor(booking.bookingKey), transactionIdFor(booking.bookingKey)]);
    const [event] = fake.calendar.liveEvents(CHAIR);
    expect(fake.calendar.liveEvents(CHAIR)).toHaveLength(1);
    expect(await store.get(booking.bookingKey)).toMatchObject({ status: 'booked', eventId: event!.id, joinUrl: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\//), joinUrlMissing: false });
    expect((await outbox.ofReview(booking.reviewId)).map((e) => e.status)).toEqual(['done']);
  });

  it('a 503 after Graph acted, with no retry left in the adapter: the outbox retries the effect and the replay is the same event', async () => {
    const { booking, effects } = booked({ online: true });
    await store.create(booking, effects);
    const graph = adaptersFor(fake, { clock, retryPolicy: { attempts: 1, backoffMs: [0], maxWaitMs: 0 } }).calendar;
    fake.fail({ method: 'POST', path: EVENTS, status: 503, when: 'after' });
    await dispatcher(graph).runOnce();
    expect((await outbox.ofReview(booking.reviewId))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    now += 60_000;
    await dispatcher(graph).runOnce();
    expect(fake.requestsTo('POST', EVENTS)).toHaveLength(2);
    expect(fake.calendar.liveEvents(CHAIR)).toHaveLength(1);
    expect((await store.get(booking.bookingKey))?.eventId).toBe(fake.calendar.liveEvents(CHAIR)[0]?.id);
    expect((await outbox.ofReview(booking.reviewId))[0]?.status).toBe('done');
  });

  it('Graph answering 201 without a join link, even when read again: booked, and recorded as missing its link', async () => {
    fake.calendar.withholdJoinUrl = 5;
    const { booking, effects } = booked({ online: true });
    await store.create(booking, effects);
    await dispatcher(adaptersFor(fake, { clock }).calendar).runOnce();
    const stored = await store.get(booking.bookingKey);
    expect(stored).toMatchObject({ status: 'booked', joinUrlMissing: true, eventId: fake.calendar.liveEvents(CHAIR)[0]?.id });
    expect(stored?.joinUrl).toBeUndefined();
  });

  it('a move patches the same event in London time; a cancel cancels it with the reason', async () => {
    const first = booked({ online: false });
    await store.create(first.booking, first.effects);
    const graph = adaptersFor(fake, { clock }).calendar;
    await dispatcher(graph).runOnce();
    const { eventId } = (await store.get(first.booking.bookingKey))!;

    // 29 March 2027 is in summer time: 09:00Z is 10:00 in London.
    const moved = decided(move(first.booking, '2027-03-29T09:00:00Z', '2027-03-29T10:00:00Z', new Date(now).toISOString()));
    await store.save(moved.booking, 0, moved.effects);
    await dispatcher(graph).runOnce();
    const [patch] = fake.requestsTo('PATCH', /\/events\/[^/]+$/);
    expect(patch?.path).toContain(encodeURIComponent(eventId!));
    expect(fake.calendar.find(CHAIR, eventId!)?.body.start).toEqual({ dateTime: '2027-03-29T10:00:00', timeZone: 'Europe/London' });

    const cancelled = decided(cancel(moved.booking, 'The case has closed.', new Date(now).toISOString()));
    await store.save(cancelled.booking, 1, cancelled.effects);
    await dispatcher(graph).runOnce();
    expect(fake.calendar.find(CHAIR, eventId!)?.cancelled).toEqual({ comment: 'The case has closed.' });
    expect(await store.get(first.booking.bookingKey)).toMatchObject({ status: 'cancelled', calendarSequence: 2 });
    expect((await outbox.ofReview(first.booking.reviewId)).map((e) => [e.kind, e.status])).toEqual([['booking.create', 'done'], ['booking.update', 'done'], ['booking.cancel', 'done']]);
  });
});
