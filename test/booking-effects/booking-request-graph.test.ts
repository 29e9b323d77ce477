import { bookingEffectHandlers } from '../../src/booking-effects/booking-effect-handlers';
import { bookedMeetingOf } from '../../src/booking-effects/booked-meeting';
import { BOOKING_REQUEST, bookingRequestEffect, bookingRequestHandler } from '../../src/booking-effects/booking-request';
import { DEFAULT_SLOT_RULES } from '../../src/domain/booking/slot-search';
import { minutesDocumentOf } from '../../src/domain/minutes-delivery/minutes-document-of';
import { Review } from '../../src/domain/review/review';
import { silentLogger } from '../../src/logging/logger';
import { OutboxDispatcher } from '../../src/outbox/outbox-dispatcher';
import { EffectFailure } from '../../src/ports/effect-failure';
import { KyselyBookingStore } from '../../src/store/kysely-booking-store';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { queueEffects } from '../../src/store/kysely-outbox';
import { FreeSlots } from '../../src/use-cases/free-slots';
import { TestDatabase, sqliteDatabases } from '../support/booking-databases';
import { adaptersFor, startGraphFake } from '../support/graph-fake/fake-adapters';
import { GraphFake } from '../support/graph-fake/graph-fake';
import { VirtualClock } from '../support/graph-fake/virtual-clock';
import { accept, addDays, completeReview } from '../domain/review/review-builder';
import { englandAndWales } from '../domain/timescales/shipped-timescales';

const CHAIR = 'chris.chair@council.example';
const SCHEDULE = /\/calendar\/getSchedule$/;
const EVENTS = /\/users\/[^/]+\/events$/;
const NOW = '2026-03-02T12:00:00.000Z';
const openDatabase = sqliteDatabases('booking-request-graph');

let fake: GraphFake;
let clock: VirtualClock;
let database: TestDatabase;
beforeEach(async () => {
  clock = new VirtualClock();
  fake = startGraphFake({ now: clock.now });
  database = await openDatabase();
});
afterEach(async () => {
  await fake.settled();
  fake.close();
  await database.db.destroy();
});

/** A review signed off with an online next meeting, the chair (with an email) organising it. */
function signedOffOnline(): Review {
  const review = completeReview({
    forms: { 'next-meeting': (r) => ({ familyPreference: 'online', proposedDate: addDays(r.setUp!.meetingDate, 28), proposedTime: '10:00' }) },
  });
  return accept({ ...review, chair: { ...review.chair, email: CHAIR } }, { type: 'sign-off', booking: { sharedOrganiser: '', durationMinutes: 60 } });
}

describe('booking the next review through Microsoft Graph (the real adapter against the fake)', () => {
  it('finding times for 21 attendees asks getSchedule twice (20 a call) and keeps clear of the busy ones; the one outside the tenant is named', async () => {
    const colleagues = Array.from({ length: 20 }, (_, i) => ({ name: `Colleague ${i + 1}`, email: `colleague${i + 1}@council.example` }));
    // Colleague 3 is busy all morning of the aim date.
    fake.calendar.setSchedule('colleague3@council.example', [{ status: 'busy', start: '2027-01-12T09:00:00Z', end: '2027-01-12T13:00:00Z' }]);
    const { calendar } = adaptersFor(fake, { clock });
    const freeSlots = new FreeSlots(calendar, new KyselyBookingStore(database.db), englandAndWales, DEFAULT_SLOT_RULES);
    const offer = await freeSlots.offer({
      tenantId: 'tenant-1',
      organiser: { name: 'Colleague 1', email: 'colleague1@council.example' },
      attendees: [...colleagues, { name: 'Pat Parent', email: 'pat.parent@example.org' }],
      window: { earliest: '2027-01-11', latest: '2027-01-22', target: '2027-01-12' },
      schoolAgeChildAttends: false,
      now: '2027-01-04T09:00:00.000Z',
    });
    expect(fake.requestsTo('POST', SCHEDULE)).toHaveLength(2);
    expect(offer.unreadable).toEqual(['Pat Parent']);
    expect(offer.slots.map((s) => `${s.date} ${s.time}`)).toEqual(['2027-01-12 13:00', '2027-01-12 13:30', '2027-01-12 14:00', '2027-01-12 14:30', '2027-01-12 15:00']);
  });

  it('sign-off’s booking request makes one Teams meeting with its join link, which the minutes then carry; repeated, it makes nothing more', async () => {
    const review = signedOffOnline();
    const bookings = new KyselyBookingStore(database.db, () => NOW);
    const outbox = new KyselyOutbox(database.db, 'sqlite');
    await database.db.transaction().execute((trx) => queueEffects(trx, [bookingRequestEffect(review)], NOW));
    const { calendar } = adaptersFor(fake, { clock });
    const dispatcher = new OutboxDispatcher({
      outbox,
      handlers: { [BOOKING_REQUEST]: bookingRequestHandler({ reviews: { get: async () => review }, bookings, now: () => NOW }), ...bookingEffectHandlers({ bookings, calendar }) },
      logger: silentLogger,
      clock: () => Date.parse(NOW),
      random: () => 0.5,
    });
    const key = review.nextMeeting!.booking!.bookingKey;
    // Before the calendar has answered, a minutes send waits for the link (a retry), for a few tries only.
    await expect(bookedMeetingOf(bookings, review, 0)).rejects.toBeInstanceOf(EffectFailure);
    expect(await bookedMeetingOf(bookings, review, 5)).toBeUndefined();

    while ((await dispatcher.runOnce()) > 0);
    const events = fake.calendar.liveEvents(CHAIR);
    expect(events).toHaveLength(1);
    const [post] = fake.requestsTo('POST', EVENTS);
    expect(post!.body).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', start: { timeZone: 'Europe/London' } });
    const booking = await bookings.get(key);
    expect(booking).toMatchObject({ status: 'booked', start: '2026-03-30T09:00:00.000Z', online: true, joinUrl: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\//) });

    const booked = await bookedMeetingOf(bookings, review, 0);
    const minutes = minutesDocumentOf(review, 'family', booked);
    expect(minutes.meta).toContainEqual({ label: 'Next meeting', value: 'Mon 30 Mar 2026, 10:00 to 11:00, on Microsoft Teams' });
    expect(minutes.meta).toContainEqual({ label: 'Join the next meeting', value: booking!.joinUrl });

    // The request again (a replay after a crash): the booking exists, nothing is queued or posted.
    await bookingRequestHandler({ reviews: { get: async () => review }, bookings, now: () => NOW }).perform({ ...(await outbox.ofReview(review.id))[0]! });
    while ((await dispatcher.runOnce()) > 0);
    expect(fake.requestsTo('POST', EVENTS)).toHaveLength(1);
    expect(fake.calendar.liveEvents(CHAIR)).toHaveLength(1);
  });
});
