import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { KyselyReviewStore } from '../../src/store/kysely-review-store';
import { migrateToLatest } from '../../src/store/migrations';
import { ReviewDatabase, openSqlite } from '../../src/store/review-database';
import { CardPress, ReviewActions } from '../../src/use-cases/review-actions';
import { englandAndWales, packs } from '../domain/timescales/shipped-timescales';
import { CHAIR, OTHER, setUpValues } from '../domain/review/review-builder';

/** The use case as a short story, on the real SQLite store: load, decide, save with its effects. */
describe('ReviewActions.press', () => {
  let dir: string;
  let db: Kysely<ReviewDatabase>;
  let store: KyselyReviewStore;
  let outbox: KyselyOutbox;
  let queued: number;
  let actions: ReviewActions;
  const conversation = { id: '19:chat@thread.v2', tenantId: 'tenant-1' };
  const now = '2026-11-24T10:00:00.000Z';

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cin-use-case-'));
    db = openSqlite(join(dir, 'r.sqlite'));
    await migrateToLatest(db);
    store = new KyselyReviewStore(db);
    outbox = new KyselyOutbox(db, 'sqlite');
    queued = 0;
    actions = new ReviewActions(store, { packs, defaultPackId: 'leicestershire', calendar: englandAndWales }, () => queued++);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function started() {
    const result = await actions.start(conversation, CHAIR, 'activity-start', async () => [OTHER], now);
    if (result.kind !== 'started') throw new Error(result.kind);
    return result.review;
  }
  const press = (review: { id: string; version: number }, verb: CardPress['verb'], form: Record<string, string>, step: CardPress['step'] = 'set-up'): CardPress => ({
    verb,
    reviewId: review.id,
    version: review.version,
    step,
    form,
  });
  const setUp = { ...setUpValues({ chairRole: 'TM', meetingDate: '2026-11-24' }) };

  it('moving on stores the review and queues the progress update with it; the dispatcher is told', async () => {
    const review = await started();
    const result = await actions.press(conversation, CHAIR, 'a1', press(review, 'review.continue', setUp), now);
    expect(result.kind).toBe('changed');
    expect((await store.get(review.id))?.currentStep).toBe('introductions');
    expect((await outbox.ofReview(review.id)).map((e) => [e.kind, e.payload])).toEqual([['progress-card.update', { version: 2 }]]);
    expect(queued).toBe(1);
  });

  it('a refused press stores nothing and queues nothing', async () => {
    const review = await started();
    const notChair = await actions.press(conversation, OTHER, 'a1', press(review, 'review.continue', setUp), now);
    expect(notChair).toMatchObject({ kind: 'refused', code: 'NOT_CHAIR' });
    const invalid = await actions.press(conversation, CHAIR, 'a2', press(review, 'review.continue', { ...setUp, meetingDate: 'soon' }), now);
    expect(invalid.kind).toBe('invalid');
    expect((await store.get(review.id))?.version).toBe(1);
    expect(await outbox.ofReview(review.id)).toEqual([]);
    expect(queued).toBe(0);
  });

  it('a redelivered press is applied once', async () => {
    const review = await started();
    await actions.press(conversation, CHAIR, 'same', press(review, 'review.continue', setUp), now);
    const again = await actions.press(conversation, CHAIR, 'same', press(review, 'review.continue', setUp), now);
    expect(again.kind).toBe('duplicate');
    expect((await store.get(review.id))?.version).toBe(2);
    expect(await outbox.ofReview(review.id)).toHaveLength(1);
  });

  it('a stale press on an earlier step brings that step back with the text kept, and saves none of it', async () => {
    const review = await started();
    await actions.press(conversation, CHAIR, 'a1', press(review, 'review.continue', setUp), now);
    const typed = { ...setUp, 'children.0.firstName': 'Typed-On-The-Old-Card' };
    const stale = await actions.press(conversation, CHAIR, 'a2', press(review, 'review.continue', typed), now);
    expect(stale.kind).toBe('conflict');
    if (stale.kind !== 'conflict') return;
    expect(stale.review.currentStep).toBe('set-up');
    expect(stale.typed['children.0.firstName']).toBe('Typed-On-The-Old-Card');
    expect((await store.get(review.id))?.setUp?.children[0]?.firstName).toBe('Amy');
  });
});
