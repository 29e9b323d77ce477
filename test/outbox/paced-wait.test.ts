import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/logging/logger';
import { OutboxDispatcher } from '../../src/outbox/outbox-dispatcher';
import { CHAT_SEND_LIMITS } from '../../src/outbox/chat-send-pace';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { KyselyReviewStore } from '../../src/store/kysely-review-store';
import { migrateToLatest } from '../../src/store/migrations';
import { openSqlite } from '../../src/store/review-database';
import { reviewIn } from '../store/review-store-contract';

/** A short pacing wait is waited out in the process (no write to give the effect back), still inside Teams' limits. */
describe('OutboxDispatcher with maxPacedWaitMs', () => {
  const directory = mkdtempSync(join(tmpdir(), 'cin-paced-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('performs a burst to one chat without giving any effect back, and no 1 s window holds more than 7 sends', async () => {
    const db = openSqlite(join(directory, 'paced.sqlite'));
    await migrateToLatest(db);
    const store = new KyselyReviewStore(db);
    const outbox = new KyselyOutbox(db, 'sqlite');
    const review = reviewIn('chat-a');
    await store.create(review, 'create');
    const effects = Array.from({ length: 10 }, (_, i) => ({ kind: 'send', key: `k${i}`, reviewId: review.id, conversationId: 'chat-a', payload: {} }));
    await store.save({ ...review, version: review.version + 1 }, review.version, null, effects);
    const sentAt: number[] = [];
    const dispatcher = new OutboxDispatcher({
      outbox,
      logger: silentLogger,
      handlers: { send: { pacedPerChat: true, perform: async () => void sentAt.push(Date.now()) } },
      maxPacedWaitMs: 1500,
      concurrency: 10,
    });
    // Bounded: a burst given back to the outbox (not due yet) would otherwise spin here.
    for (let round = 0; sentAt.length < 10 && round < 50; round++) await dispatcher.runOnce();
    const stored = await outbox.ofReview(review.id);
    expect(stored.map((e) => e.status)).toEqual(Array(10).fill('done'));
    // Waited in the process: nothing was given back to the outbox as PACED.
    expect(stored.every((e) => e.lastError === null && e.attempts === 0)).toBe(true);
    const perSecond = CHAT_SEND_LIMITS[0]!;
    for (const t of sentAt) expect(sentAt.filter((u) => u >= t && u < t + perSecond.perMs).length).toBeLessThanOrEqual(perSecond.count);
    await db.destroy();
  });
});
