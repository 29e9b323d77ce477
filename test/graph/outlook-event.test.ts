import fc from 'fast-check';
import { eventBody, instantOf, londonDateTime, transactionIdFor } from '../../src/graph/outlook-event';

describe('transactionIdFor', () => {
  it('is UUID-shaped, the same for the same booking key, different for another', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(transactionIdFor(a)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(transactionIdFor(a)).toBe(transactionIdFor(a));
        if (a !== b) expect(transactionIdFor(a)).not.toBe(transactionIdFor(b));
      }),
    );
  });
});

describe('londonDateTime', () => {
  it.each([
    { instant: '2027-01-15T14:00:00.000Z', wall: '2027-01-15T14:00:00' },
    { instant: '2027-07-15T13:00:00.000Z', wall: '2027-07-15T14:00:00' },
    // The clocks go forward at 01:00 UTC on 28 March 2027 and back at 01:00 UTC on 31 October.
    { instant: '2027-03-28T00:59:00.000Z', wall: '2027-03-28T00:59:00' },
    { instant: '2027-03-28T01:00:00.000Z', wall: '2027-03-28T02:00:00' },
    { instant: '2027-10-31T00:30:00.000Z', wall: '2027-10-31T01:30:00' },
    { instant: '2027-10-31T01:30:00.000Z', wall: '2027-10-31T01:30:00' },
  ])('$instant is $wall in London', ({ instant, wall }) => {
    expect(londonDateTime(instant)).toEqual({ dateTime: wall, timeZone: 'Europe/London' });
  });

  it('reads back to the same instant outside the ambiguous autumn hour', () => {
    const ms = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }).map((n) => n - (n % 60_000));
    fc.assert(
      fc.property(ms, (instant) => {
        const wall = londonDateTime(new Date(instant).toISOString());
        const back = instantOf(wall);
        // In the hour the clocks go back, one wall time names two instants: either is a reading of it.
        expect([instant, instant - 3600_000, instant + 3600_000]).toContain(back);
        if (!/T01:/.test(wall.dateTime)) expect(back).toBe(instant);
      }),
    );
  });
});

describe('instantOf', () => {
  it.each([
    { value: { dateTime: '2019-03-15T12:00:00.0000000', timeZone: 'UTC' }, iso: '2019-03-15T12:00:00.000Z' },
    { value: { dateTime: '2019-03-15T12:00:00', timeZone: 'Europe/London' }, iso: '2019-03-15T12:00:00.000Z' },
    { value: { dateTime: '2019-07-15T12:00:00.5000000', timeZone: 'Europe/London' }, iso: '2019-07-15T11:00:00.500Z' },
  ])('$value.dateTime in $value.timeZone', ({ value, iso }) => {
    expect(new Date(instantOf(value)).toISOString()).toBe(iso);
  });

  it('cannot read a Windows zone name or a malformed time', () => {
    expect(instantOf({ dateTime: '2019-03-15T12:00:00', timeZone: 'Pacific Standard Time' })).toBeNaN();
    expect(instantOf({ dateTime: '15/03/2019 12:00', timeZone: 'UTC' })).toBeNaN();
  });
});

describe('eventBody', () => {
  const event = {
    bookingKey: 'k',
    organiser: 'chair@council.example',
    subject: 's',
    start: '2027-01-15T14:00:00.000Z',
    end: '2027-01-15T15:00:00.000Z',
    attendees: [],
    online: false,
    location: 'Room 4',
    body: 'b',
  };
  it('sets the transactionId only on create', () => {
    expect(eventBody(event, 'create').transactionId).toBe(transactionIdFor('k'));
    expect(eventBody(event, 'update')).not.toHaveProperty('transactionId');
  });
});
