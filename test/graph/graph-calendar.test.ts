import { CalendarEvent } from '../../src/ports/calendar';
import { transactionIdFor } from '../../src/graph/outlook-event';
import { adaptersFor, graphFakePerTest } from '../support/graph-fake/fake-adapters';
import { GraphFake } from '../support/graph-fake/graph-fake';
import { VirtualClock } from '../support/graph-fake/virtual-clock';

const CHAIR = 'sam.chair@council.example';
const SCHEDULE = /\/calendar\/getSchedule$/;
const EVENTS = /\/users\/[^/]+\/events$/;
const DAY = 24 * 3600_000;

let fake: GraphFake;
let clock: VirtualClock;
graphFakePerTest(
  (f, c) => ((fake = f), (clock = c)),
  () => fake,
);

const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const people = (n: number) => Array.from({ length: n }, (_, i) => `person${i + 1}@council.example`);
const scheduleBodies = () =>
  fake.requestsTo('POST', SCHEDULE).map((r) => r.body as { schedules: string[]; startTime: { dateTime: string; timeZone: string }; endTime: { dateTime: string; timeZone: string }; availabilityViewInterval: number });
const utcMs = (t: { dateTime: string }) => Date.parse(`${t.dateTime}Z`);

function booking(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    bookingKey: 'review:case-1:next',
    organiser: CHAIR,
    subject: 'CIN review',
    start: '2027-07-15T13:00:00.000Z',
    end: '2027-07-15T14:30:00.000Z',
    attendees: [
      { name: 'Pat Parent', address: 'pat.parent@example.org' },
      { name: 'Sue Social Worker', address: 'sue.sw@council.example' },
    ],
    online: true,
    location: '',
    body: 'The next review meeting.',
    ...overrides,
  };
}

describe('GraphCalendar.freeBusy', () => {
  it('45 people over a short window take 3 getSchedule calls of at most 20, answered in the order asked', async () => {
    const everyone = people(45);
    fake.calendar.setSchedule('person7@council.example', [
      { status: 'busy', start: '2027-01-12T10:00:00Z', end: '2027-01-12T11:00:00Z' },
      { status: 'tentative', start: '2027-01-12T10:30:00Z', end: '2027-01-12T12:00:00Z' },
      { status: 'free', start: '2027-01-12T14:00:00Z', end: '2027-01-12T15:00:00Z' },
      { status: 'workingElsewhere', start: '2027-01-12T15:00:00Z', end: '2027-01-12T16:00:00Z' },
      { status: 'oof', start: '2027-01-13T00:00:00Z', end: '2027-01-14T00:00:00Z' },
    ]);
    const answer = await adaptersFor(fake, { clock }).calendar.freeBusy(CHAIR, everyone, '2027-01-11T00:00:00.000Z', '2027-01-25T00:00:00.000Z');

    const bodies = scheduleBodies();
    expect(bodies).toHaveLength(3);
    expect(bodies.every((b) => b.schedules.length <= 20 && b.availabilityViewInterval === 30)).toBe(true);
    expect(bodies.flatMap((b) => b.schedules).sort()).toEqual([...everyone].sort());
    expect(fake.requestsTo('POST', SCHEDULE).every((r) => r.headers.prefer === 'outlook.timezone="UTC"')).toBe(true);
    expect(answer.map((a) => a.email)).toEqual(everyone);
    expect(answer.find((a) => a.email === 'person7@council.example')).toEqual({
      email: 'person7@council.example',
      known: true,
      busy: [
        { start: '2027-01-12T10:00:00.000Z', end: '2027-01-12T12:00:00.000Z' },
        { start: '2027-01-13T00:00:00.000Z', end: '2027-01-14T00:00:00.000Z' },
      ],
    });
    expect(answer.find((a) => a.email === 'person8@council.example')).toEqual({ email: 'person8@council.example', known: true, busy: [] });
  });

  it('a 70-day window is split in two, each under 62 days: 2 calls per 20 people, busy time across the split joined', async () => {
    const from = Date.parse('2027-02-01T00:00:00Z');
    const to = from + 70 * DAY;
    // A week's leave straddling the point where the window is cut.
    fake.calendar.setSchedule('person3@council.example', [
      { status: 'oof', start: new Date(from + 58 * DAY).toISOString(), end: new Date(from + 65 * DAY).toISOString() },
    ]);
    const answer = await adaptersFor(fake, { clock }).calendar.freeBusy(CHAIR, people(25), new Date(from).toISOString(), new Date(to).toISOString());

    const bodies = scheduleBodies();
    expect(bodies).toHaveLength(4);
    expect(bodies.every((b) => utcMs(b.endTime) - utcMs(b.startTime) < 62 * DAY)).toBe(true);
    expect(bodies.every((b) => b.startTime.timeZone === 'UTC' && b.endTime.timeZone === 'UTC')).toBe(true);
    const windows = new Set(bodies.map((b) => `${b.startTime.dateTime}/${b.endTime.dateTime}`));
    expect(windows.size).toBe(2);
    expect(answer.find((a) => a.email === 'person3@council.example')?.busy).toEqual([
      { start: new Date(from + 58 * DAY).toISOString(), end: new Date(from + 65 * DAY).toISOString() },
    ]);
  });

  it('someone whose calendar cannot be read (outside the tenant) is not known, and has no busy times', async () => {
    const answer = await adaptersFor(fake, { clock }).calendar.freeBusy(
      CHAIR,
      ['pat.parent@example.org', 'person1@council.example'],
      '2027-01-11T00:00:00.000Z',
      '2027-01-12T00:00:00.000Z',
    );
    expect(answer).toEqual([
      { email: 'pat.parent@example.org', known: false, busy: [] },
      { email: 'person1@council.example', known: true, busy: [] },
    ]);
  });

  it('asks once for a person named twice in different case, and answers both', async () => {
    const answer = await adaptersFor(fake, { clock }).calendar.freeBusy(
      CHAIR,
      ['Person1@Council.example', 'person1@council.example'],
      '2027-01-11T00:00:00.000Z',
      '2027-01-12T00:00:00.000Z',
    );
    expect(scheduleBodies().flatMap((b) => b.schedules)).toEqual(['Person1@Council.example']);
    expect(answer.map((a) => [a.email, a.known])).toEqual([
      ['Person1@Council.example', true],
      ['person1@council.example', true],
    ]);
  });

  it('waits out a 429 on getSchedule for as long as Retry-After says, then asks again', async () => {
    fake.fail({ method: 'POST', path: SCHEDULE, status: 429, retryAfterSeconds: 5 });
    await adaptersFor(fake, { clock }).calendar.freeBusy(CHAIR, people(3), '2027-01-11T00:00:00.000Z', '2027-01-12T00:00:00.000Z');
    const [throttled, retried] = [fake.requests.find((r) => r.status === 429)!, fake.requests.find((r) => r.status === 200)!];
    expect(retried.seq).toBeGreaterThan(throttled.seq);
    expect(retried.at).toBeGreaterThanOrEqual(throttled.at + 5000);
  });
});

describe('GraphCalendar.create, update, cancel', () => {
  it('creates a Teams meeting in London wall-clock time with a transactionId derived from the booking key', async () => {
    const booked = await adaptersFor(fake, { clock }).calendar.create(booking());

    const [post] = fake.requestsTo('POST', EVENTS);
    expect(post?.body).toMatchObject({
      subject: 'CIN review',
      start: { dateTime: '2027-07-15T14:00:00', timeZone: 'Europe/London' },
      end: { dateTime: '2027-07-15T15:30:00', timeZone: 'Europe/London' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: transactionIdFor('review:case-1:next'),
      attendees: expect.arrayContaining([{ emailAddress: { address: 'pat.parent@example.org', name: 'Pat Parent' }, type: 'required' }]),
    });
    expect(booked.eventId).toBe(fake.calendar.liveEvents(CHAIR)[0]?.id);
    expect(booked.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
  });

  it('an in-person meeting carries its location and is not online', async () => {
    await adaptersFor(fake, { clock }).calendar.create(booking({ online: false, location: 'Room 4, County Hall' }));
    const body = fake.requestsTo('POST', EVENTS)[0]?.body as Record<string, unknown>;
    expect(body.location).toEqual({ displayName: 'Room 4, County Hall' });
    expect(body.isOnlineMeeting).toBeUndefined();
  });

  it('booking the same key again gives the same event, and no second one', async () => {
    const { calendar } = adaptersFor(fake, { clock });
    const first = await calendar.create(booking());
    const second = await adaptersFor(fake, { clock }).calendar.create(booking());
    expect(second.eventId).toBe(first.eventId);
    expect(fake.calendar.liveEvents(CHAIR)).toHaveLength(1);
  });

  it('a 503 after the event was made, then a retry: one event', async () => {
    fake.fail({ method: 'POST', path: EVENTS, status: 503, when: 'after' });
    const booked = await adaptersFor(fake, { clock }).calendar.create(booking());
    expect(fake.calendar.liveEvents(CHAIR).map((e) => e.id)).toEqual([booked.eventId]);
    expect(fake.requestsTo('POST', EVENTS)).toHaveLength(2);
  });

  it('the same booking key with a different meeting is refused, not retried', async () => {
    const { calendar } = adaptersFor(fake, { clock });
    await calendar.create(booking());
    const failure = await failureOf(calendar.create(booking({ start: '2027-07-16T13:00:00.000Z', end: '2027-07-16T14:00:00.000Z' })));
    expect(failure).toMatchObject({ code: 'ErrorDuplicateTransactionId', options: { retryable: false } });
    expect(fake.requestsTo('POST', EVENTS)).toHaveLength(2);
  });

  it('when Graph answers 201 without a join link, reads the event once more and takes the link from there', async () => {
    fake.calendar.withholdJoinUrl = 1;
    const booked = await adaptersFor(fake, { clock }).calendar.create(booking());
    expect(booked.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(fake.requestsTo('GET', /\/events\/[^/]+$/)).toHaveLength(1);
  });

  it('still no link after reading it again: booked, without a joinUrl (the caller tells the chair)', async () => {
    fake.calendar.withholdJoinUrl = 5;
    const booked = await adaptersFor(fake, { clock }).calendar.create(booking());
    expect(booked).toEqual({ eventId: fake.calendar.liveEvents(CHAIR)[0]?.id });
    expect(fake.requestsTo('GET', /\/events\/[^/]+$/)).toHaveLength(1);
  });

  it('update patches the same event (no transactionId) and keeps the link', async () => {
    const { calendar } = adaptersFor(fake, { clock });
    const booked = await calendar.create(booking());
    const moved = await calendar.update(booked.eventId, booking({ start: '2027-07-22T09:00:00.000Z', end: '2027-07-22T10:00:00.000Z' }));

    const [patch] = fake.requestsTo('PATCH', /\/events\/[^/]+$/);
    expect(patch?.body).toMatchObject({ start: { dateTime: '2027-07-22T10:00:00', timeZone: 'Europe/London' } });
    expect(patch?.body).not.toHaveProperty('transactionId');
    expect(moved.eventId).toBe(booked.eventId);
    expect(moved.joinUrl).toBeDefined();
    expect(fake.calendar.liveEvents(CHAIR)[0]?.body.start).toEqual({ dateTime: '2027-07-22T10:00:00', timeZone: 'Europe/London' });
  });

  it('cancel posts the comment; cancelling again is done, not an error', async () => {
    const { calendar } = adaptersFor(fake, { clock });
    const booked = await calendar.create(booking());
    await calendar.cancel(CHAIR, booked.eventId, 'The case has closed.');
    expect(fake.calendar.find(CHAIR, booked.eventId)?.cancelled).toEqual({ comment: 'The case has closed.' });
    await expect(calendar.cancel(CHAIR, booked.eventId, 'The case has closed.')).resolves.toBeUndefined();
  });

  it('an update of an event that is not there is a refusal with Graph\'s code', async () => {
    const failure = await failureOf(adaptersFor(fake, { clock }).calendar.update('AAMkNoSuchEvent', booking()));
    expect(failure).toMatchObject({ code: 'ErrorItemNotFound', options: { retryable: false } });
  });
});
