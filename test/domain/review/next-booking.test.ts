import fc from 'fast-check';
import { minutesOf } from '../../../src/domain/review/minutes';
import { bookingAfterSignOff, isOnline, meetingTimeInWords, nextBookingOf, offerNote, schoolAgeChildExpected } from '../../../src/domain/review/next-booking';
import { Review, SlotOffer } from '../../../src/domain/review/review';
import { CapturingStep, STEPS } from '../../../src/domain/review/steps';
import { CHAIR, accept, completeReview, decideAsChair, later, walkTo } from './review-builder';

const RULES = { sharedOrganiser: '', durationMinutes: 60 };
const withChairEmail = (r: Review): Review => ({ ...r, chair: { ...r.chair, email: 'chris.chair@council.example' } });

const OFFER: SlotOffer = {
  slots: [
    { start: '2026-03-31T14:30:00.000Z', end: '2026-03-31T15:30:00.000Z', date: '2026-03-31', time: '15:30', endTime: '16:30' },
    { start: '2026-04-01T14:30:00.000Z', end: '2026-04-01T15:30:00.000Z', date: '2026-04-01', time: '15:30', endTime: '16:30' },
  ],
  unreadable: ['Pat Parent'],
  schoolAgeChild: true,
  at: '2026-03-02T10:00:00.000Z',
};

describe('the next meeting, as sign-off books it', () => {
  it('records what the calendar is asked to hold: London wall clock turned into instants, the configured length, the venue, the chair as organiser', () => {
    const review = withChairEmail(completeReview());
    const plan = nextBookingOf(review, RULES);
    expect(plan).toEqual({
      kind: 'book',
      booking: {
        bookingKey: 'tenant-1:CIN-1001:review-1',
        // 30 March 2026 is summer time: 10:00 in London is 09:00Z.
        start: '2026-03-30T09:00:00.000Z',
        end: '2026-03-30T10:00:00.000Z',
        online: false,
        location: 'Bridge Street Family Centre',
        organiser: { name: 'Chris Chair', email: 'chris.chair@council.example' },
      },
    });
    expect(nextBookingOf(review, { sharedOrganiser: 'cin-reviews@council.example', durationMinutes: 90 })).toMatchObject({
      booking: { organiser: { email: 'cin-reviews@council.example' }, end: '2026-03-30T10:30:00.000Z' },
    });
  });

  it.each([
    ['no email is known for the chair and no shared organiser is set', (r: Review) => r, 'no-organiser'],
    ['the date has no time', (r: Review) => withChairEmail({ ...r, nextMeeting: { ...r.nextMeeting!, proposedTime: '' } }), 'no-time'],
    ['the case is to close', (r: Review) => withChairEmail({ ...r, outcome: { ...r.outcome!, kind: 'close' } }), 'none'],
    ['the time is skipped by the clocks going forward', (r: Review) => withChairEmail({ ...r, nextMeeting: { ...r.nextMeeting!, proposedDate: '2026-03-29', proposedTime: '01:30' } }), 'no-such-time'],
  ] as const)('books nothing when %s', (_, change, kind) => {
    expect(nextBookingOf(change(completeReview()), RULES).kind).toBe(kind);
  });

  it('sign-off with the rules keeps the booking on the signed-off record, and the minutes say when and where; without them nothing is asked', () => {
    const review = withChairEmail(completeReview());
    const signed = accept(review, { type: 'sign-off', booking: RULES });
    expect(signed.nextMeeting?.booking?.start).toBe('2026-03-30T09:00:00.000Z');
    const entries = minutesOf(signed).flatMap((s) => s.entries);
    expect(entries).toContainEqual({ label: 'Booked for', value: 'Mon 30 Mar 2026, 10:00 to 11:00, in person at Bridge Street Family Centre', audience: 'everyone' });
    expect(bookingAfterSignOff(signed)).toContain('The next meeting is being booked for Mon 30 Mar 2026, 10:00 to 11:00, in person at Bridge Street Family Centre');
    expect(accept(review, { type: 'sign-off' }).nextMeeting?.booking).toBeNull();
    const unbooked = accept(completeReview(), { type: 'sign-off', booking: RULES });
    expect(bookingAfterSignOff(unbooked)).toBe('The next meeting could not be booked: no email address is known for you to organise it. Type "book review CIN-1001" to book it.');
  });

  it('the chair’s email is the one Teams gave, or the one on their own attendee row', () => {
    const review = completeReview();
    const own = { ...review, attendees: review.attendees.map((a, i) => (i === 0 ? { ...a, email: 'chris@council.example' } : a)) };
    expect(nextBookingOf(own, RULES)).toMatchObject({ booking: { organiser: { email: 'chris@council.example' } } });
  });

  it('is online when the family chose Teams, or when each parent answered and any chose it', () => {
    expect(isOnline({ familyPreference: 'online', parentPreferences: [] })).toBe(true);
    expect(isOnline({ familyPreference: 'in-person', parentPreferences: [{ attendeeKey: 'a', mode: 'online' }] })).toBe(false);
    expect(isOnline({ familyPreference: null, parentPreferences: [{ attendeeKey: 'a', mode: 'in-person' }, { attendeeKey: 'b', mode: 'online' }] })).toBe(true);
    expect(isOnline({ familyPreference: null, parentPreferences: [{ attendeeKey: 'a', mode: 'in-person' }] })).toBe(false);
  });

  it('takes a child who attended this meeting to be of school age at the next (no age is recorded)', () => {
    const review = walkTo('next-meeting');
    expect(schoolAgeChildExpected(review)).toBe(false);
    expect(schoolAgeChildExpected({ ...review, childVoices: review.childVoices.map((v) => ({ ...v, attended: 'yes' })) })).toBe(true);
  });

  it('times are said in London wall clock on both sides of a clock change', () => {
    expect(meetingTimeInWords('2027-03-26T15:30:00.000Z', '2027-03-26T16:30:00.000Z')).toBe('Fri 26 Mar 2027, 15:30 to 16:30');
    expect(meetingTimeInWords('2027-03-29T14:30:00.000Z', '2027-03-29T15:30:00.000Z')).toBe('Mon 29 Mar 2027, 15:30 to 16:30');
  });

  it('says whose calendars could not be read, and what to do when nothing is free', () => {
    expect(offerNote(OFFER)).toBe("The times offered are free for everyone whose calendar could be read; Pat Parent's calendar could not be read. Outside school hours, as a child of school age attends.");
    expect(offerNote({ ...OFFER, unreadable: ['Pat', 'Rose', 'Kofi'], schoolAgeChild: false })).toBe("The times offered are free for everyone whose calendar could be read; Pat, Rose and Kofi's calendars could not be read.");
    expect(offerNote({ ...OFFER, slots: [], unreadable: [] })).toBe('No time inside the window is free for everyone whose calendar could be read: type a date and time.');
  });
});

describe('the next-meeting step with times offered', () => {
  const at = () => accept(walkTo('next-meeting'), { type: 'offer-times', offer: OFFER });
  const step: CapturingStep<'next-meeting'> = STEPS['next-meeting'];

  it('offers the times in words, one source of fields, and keeps the offer on the review', () => {
    const review = at();
    expect(review.slotOffer).toEqual(OFFER);
    const inputs = step.form(review, { today: '2026-03-02', packChoices: [], defaultPackId: 'leicestershire' }).flatMap((s) => s.inputs);
    const slot = inputs.find((i) => i.inputId === 'slot')!;
    expect(slot.choices).toEqual([
      { title: 'Tue 31 Mar 2026, 15:30 to 16:30', value: '2026-03-31T14:30:00.000Z' },
      { title: 'Wed 1 Apr 2026, 15:30 to 16:30', value: '2026-04-01T14:30:00.000Z' },
    ]);
    expect(step.fields).toContain(slot.field);
    expect(inputs.find((i) => i.inputId === 'schoolAgeChild')?.stored).toBe('yes');
  });

  it.each([
    [{ slot: '2026-03-31T14:30:00.000Z' }, {}, { proposedDate: '2026-03-31', proposedTime: '15:30' }],
    [{ slot: '2026-03-31T14:30:00.000Z', proposedDate: '2026-03-31', proposedTime: '15:30' }, {}, { proposedDate: '2026-03-31', proposedTime: '15:30' }],
    [{ slot: '2026-03-31T14:30:00.000Z', proposedDate: '2026-04-02' }, { slot: 'Pick a time offered or type another date and time, not both' }, undefined],
    [{ slot: '2026-05-01T14:30:00.000Z' }, { slot: 'That time is no longer offered: pick one of those shown, or type a date and time' }, undefined],
    [{}, { proposedDate: 'Pick one of the times offered, or enter a date' }, undefined],
    [{ proposedDate: '2026-03-30', proposedTime: '10:00' }, {}, { proposedDate: '2026-03-30', proposedTime: '10:00' }],
  ])('%j gives errors %j', (typed, errors, stored) => {
    const result = step.parse({ familyPreference: 'in-person', venue: 'Bridge Street', ...typed }, at(), later(at().updatedAt));
    if (stored) {
      expect(result).toMatchObject({ ok: true, patch: { nextMeeting: stored } });
    } else {
      expect(result).toEqual({ ok: false, fieldErrors: errors });
    }
  });

  it('asks where an in-person meeting with a time is held, and not for one on Teams', () => {
    expect(step.parse({ familyPreference: 'in-person', proposedDate: '2026-03-30', proposedTime: '10:00' }, at(), at().updatedAt)).toEqual({
      ok: false,
      fieldErrors: { venue: 'Say where it will be held: the invitation gives it' },
    });
    expect(step.parse({ familyPreference: 'online', proposedDate: '2026-03-30', proposedTime: '10:00', venue: 'kept?' }, at(), at().updatedAt)).toMatchObject({
      ok: true,
      patch: { nextMeeting: { venue: '' } },
    });
  });

  it('only the chair has times found, and only at the next-meeting step', () => {
    expect(decideAsChair(walkTo('next-meeting'), { type: 'offer-times', offer: OFFER }, { ...CHAIR, teamsUserId: '29:x', aadObjectId: 'aad-x' })).toMatchObject({ ok: false, code: 'NOT_CHAIR' });
    expect(decideAsChair(walkTo('outcome'), { type: 'offer-times', offer: OFFER })).toMatchObject({ ok: false, code: 'STEP_NOT_CURRENT' });
  });

  it('property: any slot offered, picked, is stored as its own London date and time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: OFFER.slots.length - 1 }), (i) => {
        const slot = OFFER.slots[i]!;
        const result = step.parse({ familyPreference: 'online', slot: slot.start }, at(), at().updatedAt);
        return result.ok && result.patch.nextMeeting?.proposedDate === slot.date && result.patch.nextMeeting.proposedTime === slot.time;
      }),
    );
  });
});
