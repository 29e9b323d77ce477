import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { Review } from '../../src/domain/review/review';
import { KyselyBookingStore } from '../../src/store/kysely-booking-store';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { KyselyReviewStore } from '../../src/store/kysely-review-store';
import { migrateToLatest } from '../../src/store/migrations';
import { ReviewDatabase, openSqlite } from '../../src/store/review-database';
import { SlotOfferRequest } from '../../src/use-cases/free-slots';
import { CardPress, ReviewActions } from '../../src/use-cases/review-actions';
import { englandAndWales, packs } from '../domain/timescales/shipped-timescales';
import { CHAIR, OTHER, VALID_FORMS, walkTo } from '../domain/review/review-builder';

const SLOT = { start: '2026-03-31T09:00:00.000Z', end: '2026-03-31T10:00:00.000Z', date: '2026-03-31', time: '10:00', endTime: '11:00' };

/** Times are found when the review arrives at the next-meeting step, and again on "Find times"; sign-off queues the booking. */
describe('ReviewActions and the next meeting', () => {
  let dir: string;
  let db: Kysely<ReviewDatabase>;
  let store: KyselyReviewStore;
  let outbox: KyselyOutbox;
  let asked: SlotOfferRequest[];
  let actions: ReviewActions;
  const now = '2026-03-02T12:00:00.000Z';

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cin-next-meeting-'));
    db = openSqlite(join(dir, 'r.sqlite'));
    await migrateToLatest(db);
    store = new KyselyReviewStore(db);
    outbox = new KyselyOutbox(db, 'sqlite');
    asked = [];
    const freeSlots = { offer: async (request: SlotOfferRequest) => (asked.push(request), { slots: [{ ...SLOT, unknownAttendees: [] }], unreadable: ['Pat Parent'] }) };
    actions = new ReviewActions(store, { packs, defaultPackId: 'leicestershire', calendar: englandAndWales }, () => undefined, {
      freeSlots,
      rules: { sharedOrganiser: 'cin-reviews@council.example', durationMinutes: 60 },
      bookings: new KyselyBookingStore(db),
    });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const conversation = { id: 'conv-1', tenantId: 'tenant-1' };
  const press = (review: Review, verb: CardPress['verb'], form: Record<string, string>): CardPress => ({ verb, reviewId: review.id, version: review.version, step: review.currentStep, form });
  /** The builder's review with the timescales set-up would have judged: the next review's window. */
  async function stored(built: Review): Promise<Review> {
    const timescales = {
      packId: 'leicestershire', authority: 'Leicestershire', planWeek: 'week 1', minutesDue: { date: '2026-03-09', explanation: '' },
      nextReview: { earliest: '2026-03-23', latest: '2026-04-13', target: '2026-03-30', explanation: '4-6 weeks' }, nextReviewNote: '',
      chair: { ok: true, message: '' }, meetingDate: null, previousReviews: 0, historyFrom: 'none' as const,
    };
    const review = { ...built, timescales };
    await store.create(review, `create-${review.id}`);
    return review;
  }

  it('a case with no window for its next review is offered no times: the chair types a date', async () => {
    const atExit = walkTo('exit-planning');
    await store.create(atExit, 'create-bare');
    await actions.press(conversation, CHAIR, 'a1', press(atExit, 'review.continue', VALID_FORMS['exit-planning'](atExit)), now);
    expect(asked).toHaveLength(0);
    expect((await store.get(atExit.id))!.slotOffer).toBeUndefined();
  });

  it('arriving at the step finds times inside the window for everyone, the shared mailbox organising; the chair picks one and sign-off queues the booking', async () => {
    const atExit = await stored(walkTo('exit-planning'));
    const arrived = await actions.press(conversation, CHAIR, 'a1', press(atExit, 'review.continue', VALID_FORMS['exit-planning'](atExit)), now);
    expect(arrived.kind).toBe('changed');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      tenantId: 'tenant-1',
      organiser: { email: 'cin-reviews@council.example' },
      window: atExit.timescales!.nextReview,
      schoolAgeChildAttends: false,
      now,
    });
    expect(asked[0]!.attendees.map((a) => a.name)).toEqual(atExit.attendees.map((a) => a.name));
    const atNext = (await store.get(atExit.id))!;
    expect(atNext.slotOffer).toEqual({ slots: [SLOT], unreadable: ['Pat Parent'], schoolAgeChild: false, at: now });

    const toMinutes = await actions.press(conversation, CHAIR, 'a2', press(atNext, 'review.continue', { familyPreference: 'online', slot: SLOT.start }), now);
    expect(toMinutes.kind).toBe('changed');
    const atMinutes = (await store.get(atExit.id))!;
    expect(atMinutes.nextMeeting).toMatchObject({ proposedDate: '2026-03-31', proposedTime: '10:00' });
    const signed = await actions.press(conversation, CHAIR, 'a3', press(atMinutes, 'review.confirmSignOff', {}), now);
    expect(signed.kind).toBe('changed');
    const review = (await store.get(atExit.id))!;
    expect(review.nextMeeting?.booking).toMatchObject({ start: SLOT.start, end: SLOT.end, online: true, organiser: { email: 'cin-reviews@council.example' } });
    expect((await outbox.ofReview(review.id)).map((e) => e.kind)).toEqual(expect.arrayContaining(['minutes.plan', 'booking.request']));
  });

  it('"Find times" asks again with what the chair said of a school-age child; anyone else pressing it asks nothing', async () => {
    const atExit = await stored(walkTo('exit-planning'));
    await actions.press(conversation, CHAIR, 'a1', press(atExit, 'review.continue', VALID_FORMS['exit-planning'](atExit)), now);
    const atNext = (await store.get(atExit.id))!;

    const refused = await actions.press(conversation, OTHER, 'b1', press(atNext, 'review.findTimes', { schoolAgeChild: 'yes' }), now);
    expect(refused.kind).toBe('refused');
    expect(asked).toHaveLength(1);

    const again = await actions.press(conversation, CHAIR, 'b2', press(atNext, 'review.findTimes', { schoolAgeChild: 'yes', familyPreference: 'online' }), now);
    expect(again).toMatchObject({ kind: 'changed', typed: { schoolAgeChild: 'yes', familyPreference: 'online' } });
    expect(asked).toHaveLength(2);
    expect(asked[1]!.schoolAgeChildAttends).toBe(true);
    expect((await store.get(atExit.id))!.slotOffer?.schoolAgeChild).toBe(true);
  });
});
