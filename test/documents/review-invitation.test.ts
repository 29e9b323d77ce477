import fc from 'fast-check';
import ICAL from 'ical.js';
import { invitationIcs, type ReviewInvitationInput } from '../../src/documents/review-invitation';

const booking: ReviewInvitationInput = {
  bookingUid: 'review-booking-7f3a@cin-review',
  sequence: 0,
  method: 'REQUEST',
  start: '2027-01-12T14:00:00Z',
  end: '2027-01-12T15:00:00Z',
  stampedAt: '2026-12-01T10:30:00Z',
  title: 'Child in Need review',
  description: 'The next review of the plan.\nPlease tell Sam if you cannot come.',
  organiser: { name: 'Sam Chair', email: 'sam.chair@example.org' },
  attendees: [
    { name: 'Dan Price', email: 'dan@example.org' },
    { name: 'Mrs Khan, class teacher', email: 'khan@school.example.org' },
  ],
  location: 'Room 2, Bridge Street Family Centre',
};

function parse(ics: string): { calendar: ICAL.Component; event: ICAL.Event } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, event: new ICAL.Event(vevent) };
}

/** What RFC 5545 TEXT keeps of a string: line ends as \n, no control character but tab. */
const asText = (s: string): string => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');

const utc = (time: ICAL.Time): string => time.toJSDate().toISOString();

describe('the invitation to a booked review', () => {
  it.each([
    // January: GMT, London = UTC.
    ['a January afternoon', '2027-01-12T14:00:00Z', '2027-01-12T15:00:00Z', '2027-01-12T14:00:00.000Z'],
    // 30 March 2027 is after the clock change of 28 March: 15:00 in London is 14:00 UTC.
    ['a day after the March clock change', '2027-03-30T15:00:00+01:00', '2027-03-30T16:00:00+01:00', '2027-03-30T14:00:00.000Z'],
    // The night of the change itself: 00:30 GMT, then 02:30 BST an hour of UTC later.
    ['across the change itself', '2027-03-28T00:30:00+00:00', '2027-03-28T02:30:00+01:00', '2027-03-28T00:30:00.000Z'],
  ])('carries the right instants for %s', (_, start, end, startUtc) => {
    const { event } = parse(invitationIcs({ ...booking, start, end }));
    expect(utc(event.startDate)).toBe(startUtc);
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(Date.parse(end) - Date.parse(start));
  });

  it('asks every attendee to reply, from the organiser, with the venue and description', () => {
    const { calendar, event } = parse(invitationIcs(booking));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(booking.bookingUid);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe('Child in Need review');
    expect(event.location).toBe('Room 2, Bridge Street Family Centre');
    expect(event.description).toBe(booking.description);
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(utc(event.component.getFirstPropertyValue('dtstamp') as ICAL.Time)).toBe('2026-12-01T10:30:00.000Z');
    const organizer = event.component.getFirstProperty('organizer')!;
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe('mailto:sam.chair@example.org');
    expect(organizer.getParameter('cn')).toBe('Sam Chair');
    const attendees = event.attendees.map((a) => ({
      email: String(a.getFirstValue()).toLowerCase(),
      cn: a.getParameter('cn'),
      rsvp: a.getParameter('rsvp'),
      partstat: a.getParameter('partstat'),
    }));
    expect(attendees).toEqual([
      { email: 'mailto:dan@example.org', cn: 'Dan Price', rsvp: 'TRUE', partstat: 'NEEDS-ACTION' },
      { email: 'mailto:khan@school.example.org', cn: 'Mrs Khan, class teacher', rsvp: 'TRUE', partstat: 'NEEDS-ACTION' },
    ]);
  });

  it('gives a Teams meeting its join link', () => {
    const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d';
    const { event } = parse(invitationIcs({ ...booking, location: undefined, joinUrl }));
    expect(event.component.getFirstPropertyValue('url')).toBe(joinUrl);
    expect(event.location).toBe('Microsoft Teams meeting');
    expect(event.description).toContain(joinUrl);
  });

  it('keeps the UID when the meeting moves and raises the SEQUENCE', () => {
    const first = parse(invitationIcs(booking)).event;
    const moved = parse(
      invitationIcs({ ...booking, sequence: 1, start: '2027-01-14T10:00:00Z', end: '2027-01-14T11:00:00Z' }),
    ).event;
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(utc(moved.startDate)).toBe('2027-01-14T10:00:00.000Z');
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE', () => {
    const { calendar, event } = parse(invitationIcs({ ...booking, method: 'CANCEL', sequence: 2 }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.uid).toBe(booking.bookingUid);
    expect(event.sequence).toBe(2);
    expect(event.attendees).toHaveLength(2);
  });

  it('is the same text for the same input', () => {
    expect(invitationIcs(booking)).toBe(invitationIcs({ ...booking }));
  });

  it('refuses a time with no offset and an end before the start', () => {
    expect(() => invitationIcs({ ...booking, start: '2027-01-12T14:00:00' })).toThrow(/not an instant/);
    expect(() => invitationIcs({ ...booking, end: booking.start })).toThrow(/end after it starts/);
  });

  it('survives any names and text: they parse back unchanged where RFC 5545 allows them', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.constantFrom('Dan "Danny" Price', 'bell\u0007 and nul\u0000 and tab\t', 'a;b:c,d\\e', 'line\r\nbreak', '${x} **y** 😀 שלום', 'x'.repeat(200)),
    );
    fc.assert(
      fc.property(text, text, text, (title, description, name) => {
        const { event } = parse(invitationIcs({ ...booking, title, description, attendees: [{ name, email: 'a@example.org' }] }));
        expect(event.summary ?? '').toBe(asText(title));
        expect(event.description ?? '').toBe(asText(description));
        expect(event.attendees).toHaveLength(1);
        // A double quote cannot appear in a quoted parameter: it becomes an apostrophe.
        expect(event.attendees[0]!.getParameter('cn')).toBe(
          name === '' ? 'Unnamed attendee' : name.replace(/"/g, "'").replace(/[\u0000-\u001F\u007F]/g, ' '),
        );
      }),
      { numRuns: 200 },
    );
  });
});
