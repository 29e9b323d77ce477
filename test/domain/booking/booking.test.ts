import fc from 'fast-check';
import {
  listedWith,
  BOOKING_CANCEL,
  BOOKING_CREATE,
  BOOKING_UPDATE,
  BookNextInput,
  Booking,
  BookingDecision,
  bookNext,
  bookingSchema,
  cancel,
  isSuperseded,
  move,
  withCalendarAnswer,
} from '../../../src/domain/booking/booking';

const NOW = '2026-12-01T10:00:00.000Z';
const input: BookNextInput = {
  tenantId: 'tenant-1',
  reviewId: 'review-1',
  conversationId: 'conv-1',
  caseReferences: ['LCC-204781', 'LCC-204782'],
  organiser: { name: 'Sam Chair', email: 'sam.chair@council.example' },
  start: '2027-01-12T14:00:00Z',
  end: '2027-01-12T15:00:00Z',
  online: false,
  location: ' Room 2, Bridge Street ',
  attendees: [
    { name: 'Pat Parent', email: 'pat@example.org' },
    { name: 'Pat again', email: 'PAT@example.org' },
    { name: 'No email', email: '' },
    { name: 'Sam as attendee', email: 'Sam.Chair@council.example' },
    { name: 'Sue Worker', email: 'sue@council.example' },
  ],
  now: NOW,
};

function decided(d: BookingDecision): Extract<BookingDecision, { kind: 'decided' }> {
  if (d.kind !== 'decided') throw new Error(`refused: ${d.reason}`);
  return d;
}
const booked = () => decided(bookNext(input)).booking;

describe('bookNext', () => {
  it('makes a requested booking at sequence 0 with a key from tenant, first case and review, and one create effect', () => {
    const { booking, effects } = decided(bookNext(input));
    expect(booking).toMatchObject({
      bookingKey: 'tenant-1:LCC-204781:review-1',
      caseReferences: ['LCC-204781', 'LCC-204782'],
      start: '2027-01-12T14:00:00.000Z',
      end: '2027-01-12T15:00:00.000Z',
      location: 'Room 2, Bridge Street',
      sequence: 0,
      status: 'requested',
      changedAt: NOW,
    });
    expect(booking.eventId).toBeUndefined();
    expect(effects).toEqual([
      {
        kind: BOOKING_CREATE,
        key: 'booking:tenant-1:LCC-204781:review-1:0',
        reviewId: 'review-1',
        conversationId: 'conv-1',
        payload: { bookingKey: booking.bookingKey, sequence: 0, booking },
      },
    ]);
    expect(bookingSchema.parse(booking)).toEqual(booking);
  });

  it('invites each person with an email once, and not the organiser, who holds the event', () => {
    expect(booked().attendees).toEqual([
      { name: 'Pat Parent', email: 'pat@example.org', audience: 'alone' },
      { name: 'Sue Worker', email: 'sue@council.example', audience: 'alone' },
    ]);
  });

  it('keeps whether each is listed with the professionals; anyone not said to be is invited on their own', () => {
    const { booking } = decided(
      bookNext({ ...input, attendees: [{ name: 'Nia Nurse', email: 'nia@nhs.example', audience: 'professional' }, { name: 'Pat Parent', email: 'pat@example.org' }] }),
    );
    expect(booking.attendees.map((a) => a.audience)).toEqual(['professional', 'alone']);
    expect(listedWith(booking, booking.attendees[0]!).map((a) => a.email)).toEqual(['nia@nhs.example']);
    expect(listedWith(booking, booking.attendees[1]!).map((a) => a.email)).toEqual(['pat@example.org']);
  });

  it('an online meeting has no venue', () => {
    expect(decided(bookNext({ ...input, online: true })).booking.location).toBe('');
  });

  it('turns offset times into the same UTC instants (30 March 2027 is in summer time)', () => {
    const { booking } = decided(bookNext({ ...input, start: '2027-03-30T15:30:00+01:00', end: '2027-03-30T16:30:00+01:00' }));
    expect([booking.start, booking.end]).toEqual(['2027-03-30T14:30:00.000Z', '2027-03-30T15:30:00.000Z']);
  });

  it.each([
    ['a start in the past', { start: '2026-11-30T14:00:00Z', end: '2026-11-30T15:00:00Z' }, 'in-the-past'],
    ['a start at this very moment', { start: NOW, end: '2026-12-01T11:00:00Z' }, 'in-the-past'],
    ['an end before the start', { end: '2027-01-12T13:00:00Z' }, 'ends-before-start'],
    ['an end equal to the start', { end: '2027-01-12T14:00:00Z' }, 'ends-before-start'],
    ['a time that says not where it is', { start: '2027-01-12T14:00:00' }, 'not-an-instant'],
    ['no case', { caseReferences: [] }, 'no-case'],
  ] as const)('refuses %s', (_, patch, reason) => {
    expect(bookNext({ ...input, ...patch })).toEqual({ kind: 'refused', reason });
  });
});

describe('move and cancel', () => {
  it('a move keeps the key, raises the sequence and queues an update keyed by the new sequence', () => {
    const { booking, effects } = decided(move(booked(), '2027-01-19T14:00:00Z', '2027-01-19T15:00:00Z', '2026-12-02T09:00:00Z'));
    expect(booking).toMatchObject({ bookingKey: 'tenant-1:LCC-204781:review-1', sequence: 1, start: '2027-01-19T14:00:00.000Z', status: 'requested', changedAt: '2026-12-02T09:00:00.000Z' });
    expect(effects.map((e) => [e.kind, e.key])).toEqual([[BOOKING_UPDATE, 'booking:tenant-1:LCC-204781:review-1:1']]);
  });

  it.each([
    ['to the same times', '2027-01-12T14:00:00.000Z', '2027-01-12T15:00:00.000Z', 'unchanged'],
    ['into the past', '2026-11-01T14:00:00Z', '2026-11-01T15:00:00Z', 'in-the-past'],
    ['to end before it starts', '2027-01-19T15:00:00Z', '2027-01-19T14:00:00Z', 'ends-before-start'],
  ])('refuses a move %s', (_, start, end, reason) => {
    expect(move(booked(), start, end, NOW)).toEqual({ kind: 'refused', reason });
  });

  it('a cancel raises the sequence, records the reason and queues a cancel', () => {
    const { booking, effects } = decided(cancel(booked(), ' The case has closed. ', NOW));
    expect(booking).toMatchObject({ status: 'cancelled', sequence: 1, cancelReason: 'The case has closed.' });
    expect(effects.map((e) => [e.kind, e.key])).toEqual([[BOOKING_CANCEL, 'booking:tenant-1:LCC-204781:review-1:1']]);
  });

  it('a cancelled booking refuses a move and a second cancel', () => {
    const gone = decided(cancel(booked(), 'closed', NOW)).booking;
    expect(move(gone, '2027-01-19T14:00:00Z', '2027-01-19T15:00:00Z', NOW)).toEqual({ kind: 'refused', reason: 'cancelled' });
    expect(cancel(gone, 'again', NOW)).toEqual({ kind: 'refused', reason: 'cancelled' });
  });
});

describe('withCalendarAnswer', () => {
  it('records the event and link and makes the booking booked', () => {
    const online = decided(bookNext({ ...input, online: true })).booking;
    expect(withCalendarAnswer(online, 0, { eventId: 'ev-1', joinUrl: 'https://teams.example/j' })).toMatchObject({
      eventId: 'ev-1', joinUrl: 'https://teams.example/j', joinUrlMissing: false, calendarSequence: 0, status: 'booked',
    });
  });

  it.each([
    ['an online meeting answered without a link', true, true],
    ['a meeting in person, which needs none', false, false],
  ])('%s: joinUrlMissing is %s', (_, online, missing) => {
    const b = decided(bookNext({ ...input, online })).booking;
    expect(withCalendarAnswer(b, 0, { eventId: 'ev-1' }).joinUrlMissing).toBe(missing);
  });

  it('keeps a link it had when a later answer carries none, and the first event id', () => {
    const b = withCalendarAnswer(decided(bookNext({ ...input, online: true })).booking, 0, { eventId: 'ev-1', joinUrl: 'https://j' });
    expect(withCalendarAnswer(b, 1, { eventId: 'ev-other' })).toMatchObject({ eventId: 'ev-1', joinUrl: 'https://j', joinUrlMissing: false, calendarSequence: 1 });
  });

  it('a late answer for an older change changes nothing, and that change counts as superseded', () => {
    const b = withCalendarAnswer(booked(), 2, { eventId: 'ev-1' });
    expect(withCalendarAnswer(b, 1, { eventId: 'ev-1' })).toBe(b);
    expect([isSuperseded(b, 1), isSuperseded(b, 2), isSuperseded(b, 3)]).toEqual([true, false, false]);
  });

  it('a cancelled booking stays cancelled when the calendar answers', () => {
    const gone = decided(cancel(booked(), 'closed', NOW)).booking;
    expect(withCalendarAnswer(gone, 1, { eventId: 'ev-1' }).status).toBe('cancelled');
  });
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('any run of moves and cancels (property)', () => {
  type Step = { kind: 'move'; dayOffset: number; minutes: number } | { kind: 'cancel' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('move' as const), dayOffset: fc.integer({ min: 0, max: 120 }), minutes: fc.integer({ min: 15, max: 240 }) }),
    fc.constant({ kind: 'cancel' as const }),
  );

  it('raises the sequence strictly with each change, keys each change once, and a cancelled booking moves no more', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let booking: Booking = booked();
        const keys = [`${booking.bookingKey}:0`];
        const effectKeys = new Set(decided(bookNext(input)).effects.map((e) => e.key));
        for (const s of steps) {
          const from = Date.parse('2027-01-01T09:00:00Z');
          const decision =
            s.kind === 'move'
              ? move(booking, iso(from + s.dayOffset * 86_400_000), iso(from + s.dayOffset * 86_400_000 + s.minutes * 60_000), NOW)
              : cancel(booking, 'closed', NOW);
          if (booking.status === 'cancelled') {
            expect(decision).toEqual({ kind: 'refused', reason: 'cancelled' });
            continue;
          }
          if (decision.kind === 'refused') {
            expect(decision.reason).toBe('unchanged');
            continue;
          }
          expect(decision.booking.sequence).toBeGreaterThan(booking.sequence);
          expect(decision.booking.bookingKey).toBe(booking.bookingKey);
          for (const e of decision.effects) {
            expect(effectKeys.has(e.key)).toBe(false);
            effectKeys.add(e.key);
          }
          keys.push(`${decision.booking.bookingKey}:${decision.booking.sequence}`);
          booking = decision.booking;
        }
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});
