import fc from 'fast-check';
import { CinError } from '../../../src/errors/error-catalogue';
import { Review, STEP_IDS } from '../../../src/domain/review/review';
import { REVIEW_FORMAT_VERSION, readStoredReview, storedReviewOf } from '../../../src/domain/review/review-schema';
import { largeReview } from '../../cards/large-review';
import { CHAIR, accept, colleagueOf, completeReview, outcomeValues, walkTo, withColleague } from './review-builder';

const roundTrip = (review: Review) => readStoredReview(JSON.parse(JSON.stringify(storedReviewOf(review))));

/** Today's stored shape (format 0): no format field, one free-text contact per attendee, no audience marks. */
function asFormat0(review: Review): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      ...review,
      attendees: review.attendees.map(({ email, phone, receivesMinutes: _r, doNotShareContact: _d, ...a }) => ({ ...a, contact: email || phone })),
      updates: review.updates.map(({ notForFamily: _n, ...u }) => u),
      ...(review.plan ? { plan: { ...review.plan, actions: review.plan.actions.map(({ notForFamily: _n, ...a }) => a) } } : {}),
      ...(review.mapping ? { mapping: (({ professionalWorries: _p, ...m }) => m)(review.mapping) } : {}),
    }),
  );
}

function unreadable(doc: unknown): CinError {
  try {
    readStoredReview(doc);
  } catch (error) {
    if (error instanceof CinError) return error;
    throw error;
  }
  throw new Error('read an unreadable document');
}

describe('the stored review', () => {
  it('is written with its format version', () => {
    expect(storedReviewOf(walkTo('plan'))).toMatchObject({ formatVersion: REVIEW_FORMAT_VERSION });
    expect(REVIEW_FORMAT_VERSION).toBe(1);
  });

  const reviews: fc.Arbitrary<Review> = fc.oneof(
    fc.constantFrom(...STEP_IDS).map((step) => walkTo(step)),
    fc.constantFrom('continue', 'close', 'escalate', 'step-down').map((kind) =>
      completeReview({ forms: { outcome: () => outcomeValues({ kind, closureLikelyNextTime: false }) } }),
    ),
    fc.constant(null).map(() => accept(completeReview(), { type: 'sign-off' })),
    fc.constant(null).map(() => {
      const at = withColleague('plan');
      return accept(at, { type: 'hand-chair', to: colleagueOf(at) });
    }),
    fc.record({ suffix: fc.string(), attendees: fc.integer({ min: 1, max: 20 }), actions: fc.integer({ min: 0, max: 30 }), email: fc.option(fc.emailAddress()) }).map(({ suffix, attendees, actions, email }) => {
      const r = largeReview((s) => `${s}${suffix}`, { attendees, children: 3, actions, statements: 2 });
      return { ...r, chair: { ...CHAIR, ...(email ? { email } : {}) }, cancelled: { by: CHAIR, at: '2026-11-24T12:00:00.000Z' }, status: 'cancelled' as const, sharedCardActivityId: 'activity-1' };
    }),
  );

  it('storedReviewOf → JSON → readStoredReview is the identity on every review the builders make', () => {
    fc.assert(fc.property(reviews, (review) => expect(roundTrip(review)).toStrictEqual(JSON.parse(JSON.stringify(review)))), { numRuns: 80 });
  });

  it('reads the JSON text as well as the parsed document', () => {
    const review = walkTo('mapping');
    expect(readStoredReview(JSON.stringify(storedReviewOf(review)))).toEqual(review);
  });
});

describe("today's stored shape (format 0) is migrated on read", () => {
  const review = largeReview();

  it('an email-shaped contact becomes the email, anything else the phone; everyone receives the minutes and shares contacts', () => {
    const old = asFormat0(review);
    (old.attendees as Array<Record<string, unknown>>)[0]!.contact = ' sam@example.org ';
    (old.attendees as Array<Record<string, unknown>>)[1]!.contact = '07700 900001 (after 4pm)';
    (old.attendees as Array<Record<string, unknown>>)[2]!.contact = '';
    const read = readStoredReview(old);
    expect(read.attendees.slice(0, 3).map(({ email, phone, receivesMinutes, doNotShareContact }) => ({ email, phone, receivesMinutes, doNotShareContact }))).toEqual([
      { email: 'sam@example.org', phone: '', receivesMinutes: true, doNotShareContact: false },
      { email: '', phone: '07700 900001 (after 4pm)', receivesMinutes: true, doNotShareContact: false },
      { email: '', phone: '', receivesMinutes: true, doNotShareContact: false },
    ]);
    expect(read.attendees[0]).not.toHaveProperty('contact');
  });

  it('keeps everything else as it was, with nothing marked "not for the family"', () => {
    const read = readStoredReview(asFormat0(review));
    expect(read.updates.every((u) => !u.notForFamily)).toBe(true);
    expect(read.plan!.actions.every((a) => !a.notForFamily)).toBe(true);
    expect(read.mapping!.professionalWorries).toBe('');
    const strip = (r: Review) => ({ ...r, attendees: r.attendees.map((a) => a.name), updates: r.updates.map((u) => u.update), plan: r.plan!.actions.map((a) => a.what), mapping: r.mapping!.worries });
    expect(strip(read)).toEqual(strip(JSON.parse(JSON.stringify(review))));
  });

  it('reads a literal document as the bot stores it today', () => {
    const doc = {
      id: 'r1', conversationId: '19:x@thread.v2', tenantId: 't', status: 'in-progress', version: 3,
      createdAt: '2026-11-24T09:00:00.000Z', updatedAt: '2026-11-24T09:05:00.000Z',
      startedBy: { teamsUserId: '29:a', aadObjectId: 'aad-a', name: 'Sam' }, chair: { teamsUserId: '29:a', aadObjectId: 'aad-a', name: 'Sam' },
      currentStep: 'explanations', completedSteps: ['set-up', 'introductions'], rosterOffered: [],
      attendees: [
        { key: 'attendee-roster-0', name: 'Sam', role: 'social-care', organisation: '', attendance: 'present', contact: 'sam@council.gov.uk', teams: { teamsUserId: '29:a', name: 'Sam' } },
        { key: 'attendee-x-1', name: 'Mum', role: 'parent-carer', organisation: '', attendance: 'present', contact: '07700 900123' },
      ],
      childVoices: [], parentVoices: [], updates: [],
    };
    const read = readStoredReview(doc);
    expect(read.attendees.map((a) => [a.email, a.phone])).toEqual([['sam@council.gov.uk', ''], ['', '07700 900123']]);
    expect(read.currentStep).toBe('explanations');
  });
});

describe('a review stored before set-up recorded the history of a case new to the bot', () => {
  it('reads with no history recorded and its source not known, so set-up still offers the dates', () => {
    const stored = JSON.parse(JSON.stringify(storedReviewOf(largeReview())));
    delete stored.setUp.lastReviewDate;
    delete stored.setUp.caseOpenedDate;
    delete stored.timescales.historyFrom;
    const read = readStoredReview(stored);
    expect(read.setUp).toMatchObject({ lastReviewDate: '', caseOpenedDate: '' });
    expect(read.timescales?.historyFrom).toBe('none');
    expect({ ...read, setUp: largeReview().setUp, timescales: largeReview().timescales }).toEqual(JSON.parse(JSON.stringify(largeReview())));
  });
});

describe('an unreadable document is refused with REVIEW_UNREADABLE, never cast', () => {
  const good = storedReviewOf(walkTo('plan'));
  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['text that is not JSON', '{"id": '],
    ['an empty object', {}],
    ['a newer format', { ...good, formatVersion: 2 }],
    ['a format that is not a number', { ...good, formatVersion: 'one' }],
    ['an unknown status', { ...good, status: 'archived' }],
    ['an unknown step', { ...good, currentStep: 'lunch' }],
    ['attendees that are not a list', { ...good, attendees: 'Sam, Mum' }],
    ['a score out of range', { ...good, mapping: { workingWell: '', worries: '', complicatingFactors: '', safetyPlan: 'tested', safetyPlanNotes: '', scaling: [{ party: 'Overall', score: 11 }] } }],
    ['a version that is not a number', { ...good, version: '7' }],
  ])('%s', (_case, doc) => {
    const error = unreadable(doc);
    expect(error.code).toBe('REVIEW_UNREADABLE');
    // Where it is wrong, never what it holds.
    expect(error.message).not.toContain('Chris Chair');
  });

  it('arbitrary JSON is refused with the code, never with any other error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => {
        expect(unreadable(doc).code).toBe('REVIEW_UNREADABLE');
      }),
      { numRuns: 200 },
    );
  });
});
