import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/logging/logger';
import { OutboxDispatcher } from '../../src/outbox/outbox-dispatcher';
import { Outbox } from '../../src/ports/outbox';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { KyselyReviewStore } from '../../src/store/kysely-review-store';
import { migrateToLatest } from '../../src/store/migrations';
import { openSqlite } from '../../src/store/review-database';
import { reviewIn } from '../store/review-store-contract';

/** Effects that do no harm when repeated are recorded done with their batch, in one write; others at once. */
describe('repeatable effects', () => {
  const directory = mkdtempSync(join(tmpdir(), 'cin-repeatable-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  async function outboxWith(effects: number, kind: string) {
    const db = openSqlite(join(directory, `${kind}-${Math.random().toString(36).slice(2)}.sqlite`));
    await migrateToLatest(db);
    const store = new KyselyReviewStore(db);
    const outbox = new KyselyOutbox(db, 'sqlite');
    const review = reviewIn('chat-a');
    await store.create(review, 'create');
    const queued = Array.from({ length: effects }, (_, i) => ({ kind, key: `${kind}-${i}`, reviewId: review.id, conversationId: `chat-${i}`, payload: {} }));
    await store.save({ ...review, version: review.version + 1 }, review.version, null, queued);
    const calls = { complete: 0, completeMany: 0 };
    const counted: Outbox = {
      take: (...a) => outbox.take(...a),
      complete: (...a) => (calls.complete++, outbox.complete(...a)),
      completeMany: (...a) => (calls.completeMany++, outbox.completeMany(...a)),
      hasLater: (...a) => outbox.hasLater(...a),
      retryAt: (...a) => outbox.retryAt(...a),
      fail: (...a) => outbox.fail(...a),
      nextDue: () => outbox.nextDue(),
      ofReview: (...a) => outbox.ofReview(...a),
    };
    return { db, outbox, counted, calls, review };
  }

  it('a batch of repeatable effects is recorded done in one write; a not-repeatable one each at once', async () => {
    for (const repeatable of [true, false]) {
      const { db, outbox, counted, calls, review } = await outboxWith(6, repeatable ? 'card' : 'send');
      const dispatcher = new OutboxDispatcher({
        outbox: counted,
        logger: silentLogger,
        concurrency: 8,
        handlers: { [repeatable ? 'card' : 'send']: { pacedPerChat: false, repeatable, perform: async () => undefined } },
      });
      expect(await dispatcher.runOnce()).toBe(6);
      expect((await outbox.ofReview(review.id)).map((e) => e.status)).toEqual(Array(6).fill('done'));
      expect(calls).toEqual(repeatable ? { complete: 0, completeMany: 1 } : { complete: 6, completeMany: 0 });
      await db.destroy();
    }
  });

  it('a superseded effect is done without being performed and without using its chat’s pace', async () => {
    const { db, outbox, review } = await outboxWith(0, 'card');
    // Twelve updates of one chat's card: only the newest is sent; the eleven older ones use no pace.
    const queued = Array.from({ length: 12 }, (_, i) => ({ kind: 'card', key: `card-${i}`, reviewId: review.id, conversationId: 'one-chat', payload: { n: i } }));
    const current = (await new KyselyReviewStore(db).get(review.id))!;
    await new KyselyReviewStore(db).save({ ...current, version: current.version + 1 }, current.version, null, queued);
    const performed: number[] = [];
    const dispatcher = new OutboxDispatcher({
      outbox,
      logger: silentLogger,
      concurrency: 16,
      handlers: {
        card: {
          pacedPerChat: true,
          repeatable: true,
          superseded: async (e) => Number(e.payload.n) < 11,
          perform: async (e) => void performed.push(Number(e.payload.n)),
        },
      },
    });
    expect(await dispatcher.runOnce()).toBe(12);
    expect(performed).toEqual([11]);
    const stored = await outbox.ofReview(review.id);
    expect(stored.filter((e) => e.kind === 'card').map((e) => [e.status, e.lastError])).toEqual(Array(12).fill(['done', null]));
    await db.destroy();
  });

  it('completeMany records only the effects whose lease is still the caller’s', async () => {
    const { db, outbox, review } = await outboxWith(3, 'card');
    const now = new Date().toISOString();
    const later = new Date(Date.now() + 60_000).toISOString();
    const taken = await outbox.take('owner-a', now, later, 2);
    expect(taken).toHaveLength(2);
    expect(await outbox.completeMany(taken.map((e) => e.id), 'owner-b', now)).toEqual([]);
    expect((await outbox.completeMany(taken.map((e) => e.id), 'owner-a', now)).sort()).toEqual(taken.map((e) => e.id).sort());
    expect((await outbox.ofReview(review.id)).filter((e) => e.status === 'done')).toHaveLength(2);
    await db.destroy();
  });
});
