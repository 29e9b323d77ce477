import { cancel } from '../../src/domain/booking/booking';
import { Review, TeamsPerson } from '../../src/domain/review/review';
import { KyselyBookingStore } from '../../src/store/kysely-booking-store';
import { BookingByCommand, Caller, Understood } from '../../src/use-cases/booking-by-command';
import { sqliteDatabases } from '../support/booking-databases';
import { freshReview } from '../domain/review/review-builder';

const TENANT = 'tenant-1';
const CASE = 'CIN-1001';
const NOW = '2026-11-24T10:00:00.000Z';

const chair: TeamsPerson = { teamsUserId: '29:chair', aadObjectId: 'aad-chair', name: 'Chris Chair' };
const lead: TeamsPerson = { teamsUserId: '29:lead', aadObjectId: 'aad-lead', name: 'Lee Lead' };
const typedLead: TeamsPerson = { teamsUserId: '29:typed', name: 'Tara Typed' };
const parent: TeamsPerson = { teamsUserId: '29:parent', aadObjectId: 'aad-parent', name: 'Pat Parent' };

/** The case's last review: signed off 24 Nov 2026, next review due 22 Dec 2026 to 5 Jan 2027. */
function lastReview(): Review {
  const base = freshReview([], chair);
  const attendee = (key: string, name: string, role: Review['attendees'][number]['role'], email: string, extra: Partial<Review['attendees'][number]> = {}) => ({
    key, name, role, organisation: '', attendance: 'present' as const, email, phone: '', receivesMinutes: true, doNotShareContact: false, ...extra,
  });
  return {
    ...base,
    tenantId: TENANT,
    status: 'signed-off',
    attendees: [
      attendee('a0', 'Chris Chair', 'social-care', 'chris@council.example', { teams: chair }),
      attendee('a1', 'Lee Lead', 'social-care', 'lee@council.example', { teams: lead }),
      attendee('a2', 'Tara Typed', 'social-care', ''),
      attendee('a3', 'Pat Parent', 'parent-carer', 'pat@example.org', { teams: parent }),
      attendee('a4', 'Dee Private', 'parent-carer', 'dee@example.org', { doNotShareContact: true }),
      attendee('a5', 'No Email', 'school-nursery', ''),
    ],
    timescales: {
      packId: 'leicestershire', authority: 'Leicestershire', planWeek: '', minutesDue: { date: null, explanation: '' },
      nextReview: { earliest: '2026-12-22', latest: '2027-01-05', target: '2026-12-22', explanation: 'First review: between Tue 22 Dec 2026 and Tue 5 Jan 2027.' },
      nextReviewNote: '', chair: { ok: true, message: '' }, meetingDate: null, previousReviews: 0, historyFrom: 'bot',
    },
    nextMeeting: { familyPreference: 'in-person', parentPreferences: [], proposedDate: '', proposedTime: '', venue: '', schoolAgeChild: 'no', dateReason: '', dateVerdict: null, booking: null },
  };
}

const callerOf = (person: TeamsPerson, extra: Partial<Caller> = {}): Caller => ({ person, tenantId: TENANT, ...extra });

describe('BookingByCommand', () => {
  const open = sqliteDatabases('booking-command');
  let useCase: BookingByCommand;
  let bookings: KyselyBookingStore;
  let wakes: number;
  let review: Review;

  beforeEach(async () => {
    const { db } = await open();
    bookings = new KyselyBookingStore(db, () => NOW);
    wakes = 0;
    review = lastReview();
    useCase = new BookingByCommand({
      reviews: {
        lastSignedOffForCase: async (tenantId, ref) => (tenantId === TENANT && ref === CASE ? review : undefined),
        caseSummaries: async (filter) => (filter.chairKey === 'aad-chair' ? [{ caseReference: CASE } as never] : []),
      },
      bookings,
      sharedMailbox: { name: 'CIN Reviews', email: 'cin-reviews@council.example' },
      wake: () => void (wakes += 1),
    });
  });

  const understand = (caller: Caller, text: string, now = NOW) => useCase.understand(caller, text, now, now);
  const summary = (u: Understood): string => (u.kind === 'answer' ? u.text : u.kind === 'confirm' ? `confirm ${u.draft.when}` : u.kind === 'slots' ? `slots ${u.choice.slots.length}` : `booked ${u.booking.start}`);

  it.each<[string, Caller, string, string | RegExp]>([
    ['the chair', callerOf(chair), `book review ${CASE} on 29/12 at 10:30`, 'confirm Tue 29 Dec 2026, 10:30 to 11:30'],
    ['the lead worker by Teams identity', callerOf(lead), `book review ${CASE} on 29/12 at 10:30`, 'confirm Tue 29 Dec 2026, 10:30 to 11:30'],
    ['a lead worker typed by hand, by name', callerOf(typedLead), `book review ${CASE} on 29/12 at 10:30`, 'confirm Tue 29 Dec 2026, 10:30 to 11:30'],
    ['a parent', callerOf(parent), `book review ${CASE} on 29/12 at 10:30`, `Only Chris Chair (chair of the last review) or Lee Lead (lead worker) or Tara Typed (lead worker) can book the next review of ${CASE}.`],
    ['someone with the chair’s name but another Teams id', callerOf({ teamsUserId: '29:x', aadObjectId: 'aad-x', name: 'Chris Chair' }), `book review ${CASE} on 29/12 at 10:30`, /^Only Chris Chair/],
    ['the chair from another home tenant (a guest)', callerOf(chair, { homeTenantId: 'tenant-2' }), `book review ${CASE} on 29/12 at 10:30`, /^Only Chris Chair/],
    ['the chair, an unknown case', callerOf(chair), 'book review LCC-204781 on 29/12 at 10:30', /I have no signed-off review of a case LCC-204781/],
    ['the chair, in another tenant', callerOf(chair, { tenantId: 'tenant-2' }), `book review ${CASE} on 29/12 at 10:30`, /I have no signed-off review/],
    ['the chair, a past date', callerOf(chair), `book review ${CASE} on 2/11 at 10:30`, /has passed/],
    ['the chair, no time', callerOf(chair), `book review ${CASE} on 29/12`, 'What time on Tue 29 Dec 2026? Type it like "book review CIN-1001 on Tue 29 Dec 2026 at 10:30".'],
    ['the chair, no date or time', callerOf(chair), `book review ${CASE}`, /Type a date and time, e\.g\./],
    ['the chair, summer time', callerOf(chair), `book review ${CASE} on 30 March 2027 at 10:30`, 'confirm Tue 30 Mar 2027, 10:30 to 11:30'],
  ])('%s', async (_, caller, text, expected) => {
    const answer = summary(await understand(caller, text));
    if (typeof expected === 'string') expect(answer).toBe(expected);
    else expect(answer).toMatch(expected);
  });

  it('understands the window, the mode and who is invited', async () => {
    const inside = await understand(callerOf(chair), `book review ${CASE} on 29/12 at 10:30`);
    const outside = await understand(callerOf(chair), `book review ${CASE} on 12/01 at 14:00 on Teams`);
    if (inside.kind !== 'confirm' || outside.kind !== 'confirm') throw new Error('expected confirmation drafts');
    expect(inside.draft).toMatchObject({ start: '2026-12-29T10:30:00.000Z', end: '2026-12-29T11:30:00.000Z', mode: 'in-person', verdict: { ok: true } });
    expect(outside.draft).toMatchObject({ start: '2027-01-12T14:00:00.000Z', mode: 'online', verdict: { ok: false } });
    // The chair organises (their address from the last review), so is not invited; nobody without an email is.
    expect(inside.draft.organiser).toEqual({ name: 'Chris Chair', email: 'chris@council.example' });
    expect(inside.draft.invitees.map((i) => [i.email, i.invited])).toEqual([
      ['lee@council.example', true],
      ['pat@example.org', true],
      ['dee@example.org', true],
    ]);
    // Someone whose address is unknown organises from the shared mailbox.
    const typed = await understand(callerOf(typedLead), `book review ${CASE} on 29/12 at 10:30`);
    expect(typed.kind === 'confirm' && typed.draft.organiser.email).toBe('cin-reviews@council.example');
  });

  const form = (over: Partial<{ mode: string; venue: string; reason: string; ticked: boolean[]; addEmails: string }> = {}) => ({
    mode: 'in-person', venue: 'Family Centre', reason: '', ticked: [true, true, false], addEmails: '', ...over,
  });
  const card = (start: string) => ({ caseReference: CASE, reviewId: 'review-1', start });

  it.each<[string, ReturnType<typeof form>, string, Record<string, string>]>([
    ['in person without a venue', form({ venue: ' ' }), '2026-12-29T10:30:00.000Z', { venue: 'Say where it will be held.' }],
    ['no mode', form({ mode: '' }), '2026-12-29T10:30:00.000Z', { mode: 'Choose online (Teams) or in person.' }],
    ['outside the window without a reason', form(), '2027-01-12T14:00:00.000Z', { reason: 'The date is outside the review window: record the reason.' }],
    ['an added address that is not one', form({ addEmails: 'gp@x.example, nope' }), '2026-12-29T10:30:00.000Z', { addEmails: 'Not an email address: nope. Separate addresses with commas.' }],
  ])('a confirmation with %s comes back with the error and what was typed', async (_, typed, start, errors) => {
    const result = await useCase.confirm(callerOf(chair), card(start), typed, 'conv-1', NOW);
    expect(result).toMatchObject({ kind: 'confirm', typed, errors });
    expect(wakes).toBe(0);
  });

  it('books on Confirm with what was ticked and added, once', async () => {
    const typed = form({ ticked: [false, true, true], addEmails: 'gp@surgery.example' });
    const first = await useCase.confirm(callerOf(chair), card('2026-12-29T10:30:00.000Z'), typed, 'conv-1', NOW);
    expect(first).toMatchObject({ kind: 'booked', created: true });
    if (first.kind !== 'booked') throw new Error('not booked');
    expect(first.booking.attendees.map((a) => a.email)).toEqual(['pat@example.org', 'dee@example.org', 'gp@surgery.example']);
    expect(first.booking).toMatchObject({ online: false, location: 'Family Centre', organiser: { email: 'chris@council.example' }, reviewId: review.id });
    const second = await useCase.confirm(callerOf(chair), card('2026-12-29T10:30:00.000Z'), form({ venue: 'Elsewhere' }), 'conv-1', NOW);
    expect(second).toMatchObject({ kind: 'booked', created: false, booking: { location: 'Family Centre' } });
    expect(wakes).toBe(1);
    expect(await useCase.upcoming(callerOf(chair), NOW)).toHaveLength(1);
    expect(await useCase.upcoming(callerOf(parent), NOW)).toHaveLength(0);
  });

  it('says a case closed at its last review has no next review to book', async () => {
    review = { ...review, outcome: { kind: 'close', reason: 'r', decidedAt: NOW, leadProfessional: '', closureLikelyNextTime: false } };
    const answer = await understand(callerOf(chair), `book review ${CASE} on 29/12 at 10:30`);
    expect(answer).toEqual({ kind: 'answer', text: `${CASE} was closed at its last review: no next review is due, so none can be booked.` });
  });

  it('says so when the booking made from the last review was cancelled, and books nothing over it', async () => {
    const booked = await useCase.confirm(callerOf(chair), card('2026-12-29T10:30:00.000Z'), form(), 'conv-1', NOW);
    if (booked.kind !== 'booked') throw new Error('not booked');
    const cancelled = cancel(booked.booking, 'Family moved away', NOW);
    if (cancelled.kind !== 'decided') throw new Error('not cancelled');
    expect(await bookings.save(cancelled.booking, booked.booking.sequence, cancelled.effects)).toBe('saved');
    for (const answer of [
      await understand(callerOf(chair), `book review ${CASE} on 30/12 at 10:30`),
      await useCase.confirm(callerOf(chair), card('2026-12-30T10:30:00.000Z'), form(), 'conv-1', NOW),
    ]) {
      expect(answer.kind === 'answer' && answer.text).toMatch(/booked from its last review \(10:30 on Tue 29 Dec 2026\) was cancelled/);
    }
    expect(await useCase.upcoming(callerOf(chair), NOW)).toEqual([]);
  });

  it.each<[string, Caller, ReturnType<typeof card>, string, RegExp]>([
    ['someone not entitled', callerOf(parent), card('2026-12-29T10:30:00.000Z'), NOW, /^Only Chris Chair/],
    ['a card of an earlier review', callerOf(chair), { ...card('2026-12-29T10:30:00.000Z'), reviewId: 'older' }, NOW, /has had another review since/],
    ['a time that passed while the card waited', callerOf(chair), card('2026-12-29T10:30:00.000Z'), '2026-12-29T10:31:00.000Z', /10:30 on Tue 29 Dec 2026 has passed/],
  ])('Confirm refuses %s and books nothing', async (_, caller, data, now, answer) => {
    const result = await useCase.confirm(caller, data, form(), 'conv-1', now);
    expect(result.kind === 'answer' && result.text).toMatch(answer);
    expect(await useCase.upcoming(callerOf(chair), NOW)).toEqual([]);
  });
});

describe('BookingByCommand with no time typed', () => {
  const open = sqliteDatabases('booking-command-slots');
  const slot = (day: number) => ({
    start: `2026-12-${day}T10:30:00.000Z`, end: `2026-12-${day}T11:30:00.000Z`, date: `2026-12-${day}`, time: '10:30', endTime: '11:30', unknownAttendees: [],
  });

  it.each<[string, number, boolean, string]>([
    ['seven free times: the first five offered', 7, false, 'slots 5'],
    ['two free times', 2, false, 'slots 2'],
    ['none free', 0, false, 'I found no free time'],
    ['a child attended last time: school hours kept clear', 2, true, 'slots 2'],
  ])('%s', async (_, free, childAttended, expected) => {
    const { db } = await open();
    const asked: unknown[] = [];
    const review = lastReview();
    const withChild: Review = childAttended ? { ...review, childVoices: [{ childKey: 'c', attended: 'yes' } as never] } : review;
    const useCase = new BookingByCommand({
      reviews: { lastSignedOffForCase: async () => withChild, caseSummaries: async () => [] },
      bookings: new KyselyBookingStore(db, () => NOW),
      sharedMailbox: { name: 'CIN Reviews', email: 'cin-reviews@council.example' },
      freeSlots: {
        offer: async (request) => {
          asked.push(request);
          return { slots: Array.from({ length: free }, (_, i) => slot(22 + i)), unreadable: ['No Email'] };
        },
      },
    });
    const answer = await useCase.understand(callerOf(chair), `book review ${CASE}`, NOW, NOW);
    const summary = answer.kind === 'slots' ? `slots ${answer.choice.slots.length}` : answer.kind === 'answer' ? answer.text : answer.kind;
    expect(summary).toContain(expected);
    expect(asked).toEqual([
      expect.objectContaining({
        tenantId: TENANT,
        organiser: { name: 'Chris Chair', email: 'chris@council.example' },
        window: expect.objectContaining({ earliest: '2026-12-22', latest: '2027-01-05' }),
        schoolAgeChildAttends: childAttended,
        now: NOW,
      }),
    ]);
    // The organiser is not asked about themselves; everyone else is, with or without an email.
    expect((asked[0] as { attendees: Array<{ email: string }> }).attendees.map((a) => a.email)).not.toContain('chris@council.example');
  });
});
