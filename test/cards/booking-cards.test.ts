import { bookedCard, bookingAnswerCard, bookingConfirmationCard, bookingSlotsCard, bookingsListCard, privatePlaceholder } from '../../src/cards/booking-cards';
import { Booking } from '../../src/domain/booking/booking';
import { BookingDraft } from '../../src/use-cases/booking-by-command';
import { validateAdaptiveCard } from './card-schema/validate-card';

const tricky = '[Dad](http://evil.example) *bold*';
const draft: BookingDraft = {
  caseReference: 'CIN-1001',
  reviewId: 'review-1',
  start: '2027-01-12T14:00:00.000Z',
  end: '2027-01-12T15:00:00.000Z',
  when: 'Tue 12 Jan 2027, 14:00 to 15:00',
  mode: null,
  verdict: { ok: false, message: 'Tue 12 Jan 2027 is after the latest date for the next review (Tue 5 Jan 2027).' },
  invitees: Array.from({ length: 20 }, (_, i) => ({ name: i === 0 ? tricky : `Person ${i}`, email: `p${i}@example.org`, invited: i !== 3, note: i === 3 ? 'not shared' : '', audience: i === 3 ? ('alone' as const) : ('professional' as const) })),
  withoutEmail: ['Kofi Dad', tricky],
  organiser: { name: 'Sam Chair', email: 'sam@council.example' },
  forUserId: '29:sam',
};
const booking = {
  bookingKey: 't:CIN-1001:r', tenantId: 't', reviewId: 'r', conversationId: 'c', caseReferences: ['CIN-1001'], organiser: draft.organiser,
  start: draft.start, end: draft.end, online: false, location: tricky, attendees: [{ name: tricky, email: 'd@example.org' }], sequence: 0,
  status: 'requested', changedAt: '2026-12-01T10:00:00.000Z',
} as Booking;
const slot = { start: draft.start, end: draft.end, date: '2027-01-12', time: '14:00', endTime: '15:00', unknownAttendees: [] };

describe('the booking cards', () => {
  it.each([
    ['confirmation (20 invitees, outside the window)', bookingConfirmationCard(draft)],
    ['confirmation with errors and what was typed', bookingConfirmationCard(draft, { typed: { mode: 'in-person', venue: tricky, reason: '', ticked: [], addEmails: 'x' }, errors: { venue: 'v', reason: 'r', addEmails: 'a', mode: 'm' } })],
    ['booked', bookedCard(booking, true)],
    ['an answer', bookingAnswerCard(tricky)],
    ['the bookings list', bookingsListCard([booking, booking])],
    ['the slots', bookingSlotsCard({ caseReference: 'CIN-1001', mode: 'online', slots: [slot, slot, slot, slot, slot], unreadable: [tricky], window: 'First review: …' }, { forUserId: '29:sam', forName: 'Sam', typedAt: '2026-12-01T10:00:00.000Z' })],
    ['the placeholder', privatePlaceholder({ teamsUserId: '29:sam', name: tricky }, 'booking', { command: 'book review CIN-1001', typedAt: '2026-12-01T10:00:00.000Z' })],
  ])('%s is a valid Teams card, under 40 KB', (_, card) => {
    expect(validateAdaptiveCard(card)).toEqual([]);
  });

  it('shows what people typed as typed in text and facts: no live link or emphasis', () => {
    // (An input's or toggle's title is not Markdown: it is left as typed.)
    const texts = [bookedCard(booking, true), bookingAnswerCard(tricky), bookingsListCard([booking])].map((c) => JSON.stringify(c));
    for (const json of texts) expect(json).not.toContain('"[Dad](http://evil.example)');
    expect(JSON.stringify(bookedCard(booking, true))).toContain('In person: \\\\[Dad\\\\](http://evil.example) \\\\*bold\\\\*');
  });

  it('asks for the reason only outside the window, and starts unticked whoever’s contacts are not shared', () => {
    const ids = (card: Record<string, any>) => JSON.stringify(card);
    expect(ids(bookingConfirmationCard(draft))).toContain('"id":"reason"');
    expect(ids(bookingConfirmationCard({ ...draft, verdict: { ok: true, message: 'Inside' } }))).not.toContain('"id":"reason"');
    const toggles = (bookingConfirmationCard(draft).body as Array<Record<string, string>>).filter((e) => e.type === 'Input.Toggle');
    expect(toggles.map((t) => t.value)).toEqual(draft.invitees.map((i) => String(i.invited)));
  });
});
