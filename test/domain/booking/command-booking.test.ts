import fc from 'fast-check';
import { Invitee, meetingTimeInWords, readConfirmationForm } from '../../../src/domain/booking/command-booking';

const invitees: Invitee[] = [
  { name: 'Lee Lead', email: 'lee@council.example', invited: true, note: '', audience: 'professional' },
  { name: 'Pat Parent', email: 'pat@example.org', invited: true, note: '', audience: 'alone' },
  { name: 'Dee Private', email: 'dee@example.org', invited: false, note: 'not shared', audience: 'alone' },
];
const base = { mode: 'online', venue: '', reason: '', ticked: [true, true, false], addEmails: '' };

describe('reading the booking confirmation form', () => {
  it.each<[string, Partial<typeof base>, { ok: boolean } | null, Record<string, string> | null]>([
    ['online, inside the window', {}, { ok: true }, null],
    ['no window set', {}, null, null],
    ['a mode that is neither', { mode: 'carrier pigeon' }, { ok: true }, { mode: 'Choose online (Teams) or in person.' }],
    ['in person, no venue', { mode: 'in-person', venue: '  ' }, { ok: true }, { venue: 'Say where it will be held.' }],
    ['a venue too long', { mode: 'in-person', venue: 'x'.repeat(201) }, { ok: true }, { venue: 'Keep the venue to 200 characters (it has 201).' }],
    ['outside the window, no reason', { reason: ' ' }, { ok: false }, { reason: 'The date is outside the review window: record the reason.' }],
    ['outside the window, a reason', { reason: 'Family away' }, { ok: false }, null],
    ['bad added address', { addEmails: 'a@b.example; nope' }, { ok: true }, { addEmails: 'Not an email address: nope. Separate addresses with commas.' }],
    ['too many added addresses', { addEmails: Array.from({ length: 21 }, (_, i) => `p${i}@x.example`).join(',') }, { ok: true }, { addEmails: 'Add at most 20 addresses here.' }],
  ])('%s', (_, over, verdict, errors) => {
    const read = readConfirmationForm({ ...base, ...over }, invitees, verdict);
    if (errors === null) expect(read.ok).toBe(true);
    else expect(read).toEqual({ ok: false, errors });
  });

  it('invites exactly the ticked people and the added addresses; the venue only in person', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fc.uniqueArray(fc.constantFrom('gp@s.example', 'hv@nhs.example', 'x@y.example')), fc.boolean(), (ticked, added, inPerson) => {
        const read = readConfirmationForm({ ...base, mode: inPerson ? 'in-person' : 'online', venue: 'Room 2', ticked, addEmails: added.join(', ') }, invitees, { ok: true });
        if (!read.ok) return false;
        const expected = [...invitees.filter((_, i) => ticked[i]).map((i) => i.email), ...added];
        return JSON.stringify(read.value.attendees.map((a) => a.email)) === JSON.stringify(expected) && read.value.venue === (inPerson ? 'Room 2' : '') && read.value.online === !inPerson;
      }),
    );
  });
});

describe('the meeting time in words', () => {
  it.each([
    ['2027-01-12T14:00:00.000Z', '2027-01-12T15:00:00.000Z', 'Tue 12 Jan 2027, 14:00 to 15:00'],
    ['2027-03-30T09:30:00.000Z', '2027-03-30T10:30:00.000Z', 'Tue 30 Mar 2027, 10:30 to 11:30'],
  ])('%s is %s', (start, end, words) => {
    expect(meetingTimeInWords(start, end)).toBe(words);
  });
});
