import { EffectQueue, NewEffect, Outbox, StoredEffect } from '../../src/ports/outbox';
import { ReviewStore } from '../../src/ports/review-store';
import { Review } from '../../src/domain/review/review';
import { reviewIn } from './review-store-contract';

/** A review store and the outbox over the same database; `queueClock` stamps the effects it queues. */
export interface OutboxUnderTest {
  readonly store: ReviewStore;
  readonly outbox: Outbox & EffectQueue;
  close(): Promise<void>;
}

export type OpenOutbox = (queueClock: () => string) => Promise<OutboxUnderTest>;

const T0 = Date.parse('2026-11-24T09:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

export function effect(review: Review, key: string, patch: Partial<NewEffect> = {}): NewEffect {
  return { kind: 'post-message', key, reviewId: review.id, conversationId: review.conversationId, payload: { text: `message ${key}` }, ...patch };
}

function next(review: Review): Review {
  return { ...review, version: review.version + 1, updatedAt: at(60_000) };
}

const keysOf = (effects: readonly StoredEffect[]) => effects.map((e) => e.key);
const sorted = (keys: readonly string[]) => [...keys].sort();

/** What every Outbox must do, with the ReviewStore that queues into it, on real SQLite and real PostgreSQL. */
export function outboxContract(name: string, open: OpenOutbox): void {
  describe(`${name} outbox`, () => {
    let queueNow: number;
    let under: OutboxUnderTest;
    let store: ReviewStore;
    let outbox: Outbox & EffectQueue;
    beforeEach(async () => {
      queueNow = 0;
      under = await open(() => at(queueNow));
      ({ store, outbox } = under);
    });
    afterEach(() => under.close());

    it('queues the effects of a create in the same transaction, and none of a refused create', async () => {
      const review = reviewIn('conv-1');
      const payload = { text: "Zoë's review ${x} '; DROP TABLE outbox; --", nested: { n: 3, list: [1, 'two', null] } };
      expect(await store.create(review, 'k1', [effect(review, 'e1', { payload }), effect(review, 'e2', { kind: 'send-email' })])).toBe('created');
      const queued = await outbox.ofReview(review.id);
      expect(sorted(keysOf(queued))).toEqual(['e1', 'e2']);
      expect(queued.find((e) => e.key === 'e1')).toMatchObject({
        kind: 'post-message', reviewId: review.id, conversationId: 'conv-1', payload, status: 'pending',
        attempts: 0, createdAt: at(0), notBefore: at(0), doneAt: null, lastError: null,
      });
      expect(queued.find((e) => e.key === 'e2')?.kind).toBe('send-email');

      const second = reviewIn('conv-1');
      expect(await store.create(second, 'k2', [effect(second, 'refused-open')])).toBe('already-open');
      const third = reviewIn('conv-3');
      expect(await store.create(third, 'k1', [effect(third, 'refused-duplicate')])).toBe('duplicate');
      expect(await outbox.ofReview(second.id)).toEqual([]);
      expect(await outbox.ofReview(third.id)).toEqual([]);
    });

    it('queues the effects of a save with it, and none of a save that loses its version check or repeats an activity', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0');
      const v2 = next(review);
      expect(await store.save(v2, 1, 'k1', [effect(review, 'saved-1'), effect(review, 'saved-2')])).toBe('saved');
      expect(await store.save(next(review), 1, 'k2', [effect(review, 'lost-version')])).toBe('conflict');
      expect(await store.save(next(v2), 2, 'k1', [effect(review, 'repeated-activity')])).toBe('duplicate');
      expect(sorted(keysOf(await outbox.ofReview(review.id)))).toEqual(['saved-1', 'saved-2']);
    });

    it('of racing saves over one version, only the winner queues its effects', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0');
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((k) => store.save(next(review), 1, `race-${k}`, [effect(review, `from-${k}`)])));
      const winner = ['a', 'b', 'c', 'd'][results.indexOf('saved')];
      expect(results.filter((r) => r === 'saved')).toHaveLength(1);
      expect(keysOf(await outbox.ofReview(review.id))).toEqual([`from-${winner}`]);
    });

    it('keeps the same effect key as one effect, the first as queued', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0', [effect(review, 'same', { payload: { n: 1 } }), effect(review, 'same', { payload: { n: 2 } })]);
      queueNow = 5000;
      expect(await store.save(next(review), 1, 'k1', [effect(review, 'same', { payload: { n: 3 } })])).toBe('saved');
      const queued = await outbox.ofReview(review.id);
      expect(queued).toHaveLength(1);
      expect(queued[0]).toMatchObject({ key: 'same', payload: { n: 1 }, createdAt: at(0) });
    });

    it('queues effects on their own (no review write), the same key once, the first as queued', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0');
      await outbox.queue([effect(review, 'alone', { payload: { n: 1 } }), effect(review, 'alone-2')], at(1000));
      await outbox.queue([effect(review, 'alone', { payload: { n: 2 } })], at(2000));
      await outbox.queue([], at(3000));
      const queued = await outbox.ofReview(review.id);
      expect(sorted(keysOf(queued))).toEqual(['alone', 'alone-2']);
      expect(queued.find((e) => e.key === 'alone')).toMatchObject({ payload: { n: 1 }, createdAt: at(1000), status: 'pending', attempts: 0 });
      expect(keysOf(await outbox.take('owner-a', at(1000), at(60_000), 10)).sort()).toEqual(['alone', 'alone-2']);
    });

    it('leases what it takes: a second owner taking at the same instant gets none of it', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0', ['a', 'b', 'c'].map((k) => effect(review, k)));
      const first = await outbox.take('owner-1', at(1000), at(61_000), 2);
      expect(first).toHaveLength(2);
      const second = await outbox.take('owner-2', at(1000), at(61_000), 10);
      expect(second).toHaveLength(1);
      expect(sorted([...keysOf(first), ...keysOf(second)])).toEqual(['a', 'b', 'c']);
      expect(await outbox.take('owner-3', at(1000), at(61_000), 10)).toEqual([]);
      expect(await outbox.take('owner-3', at(60_999), at(120_000), 10)).toEqual([]);
      // The leased effects are still pending (and so still due).
      expect((await outbox.ofReview(review.id)).map((e) => e.status)).toEqual(['pending', 'pending', 'pending']);
    });

    it('does not take an effect before it is due', async () => {
      const review = reviewIn('conv-1');
      queueNow = 10_000;
      await store.create(review, 'k0', [effect(review, 'later')]);
      expect(await outbox.take('owner-1', at(9_999), at(60_000), 10)).toEqual([]);
      expect(keysOf(await outbox.take('owner-1', at(10_000), at(60_000), 10))).toEqual(['later']);
    });

    it('takes again an effect whose lease ran out; the owner who lost it cannot complete it', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0', [effect(review, 'e')]);
      const [taken] = await outbox.take('owner-1', at(0), at(30_000), 1);
      expect(taken?.key).toBe('e');
      const [retaken] = await outbox.take('owner-2', at(30_001), at(90_000), 1);
      expect(retaken?.id).toBe(taken?.id);
      expect(await outbox.complete(taken!.id, 'owner-1', at(30_002))).toBe(false);
      expect((await outbox.ofReview(review.id))[0]?.status).toBe('pending');
      expect(await outbox.complete(taken!.id, 'owner-2', at(30_003))).toBe(true);
      const [done] = await outbox.ofReview(review.id);
      expect(done).toMatchObject({ status: 'done', doneAt: at(30_003), lastError: null });
      expect(await outbox.take('owner-3', at(999_999), at(1_999_999), 10)).toEqual([]);
    });

    it('retries from notBefore, counting an attempt only when attempted', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0', [effect(review, 'e')]);
      const [taken] = await outbox.take('owner-1', at(0), at(60_000), 1);
      await outbox.retryAt(taken!.id, 'owner-1', at(5000), true, 'THROTTLED: slow down');
      expect((await outbox.ofReview(review.id))[0]).toMatchObject({ status: 'pending', attempts: 1, notBefore: at(5000), lastError: 'THROTTLED: slow down' });
      // Hidden until notBefore, then free for anyone (the lease was given back with it).
      expect(await outbox.take('owner-1', at(4999), at(60_000), 1)).toEqual([]);
      const [again] = await outbox.take('owner-2', at(5000), at(60_000), 1);
      expect(again).toMatchObject({ id: taken!.id, attempts: 1 });
      await outbox.retryAt(again!.id, 'owner-2', at(7000), false, 'PACED');
      expect((await outbox.ofReview(review.id))[0]).toMatchObject({ attempts: 1, notBefore: at(7000), lastError: 'PACED' });
      // Someone who does not hold the lease changes nothing.
      const [third] = await outbox.take('owner-3', at(7000), at(60_000), 1);
      await outbox.retryAt(third!.id, 'owner-1', at(99_000), true, 'NOT MINE');
      expect((await outbox.ofReview(review.id))[0]).toMatchObject({ attempts: 1, notBefore: at(7000), lastError: 'PACED' });
    });

    it('fails an effect for good: never taken again, counted as an attempt', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0', [effect(review, 'e'), effect(review, 'other')]);
      const taken = await outbox.take('owner-1', at(0), at(60_000), 2);
      const e = taken.find((t) => t.key === 'e')!;
      await outbox.fail(e.id, 'owner-2', at(10), 'NOT MINE');
      expect((await outbox.ofReview(review.id)).find((x) => x.key === 'e')?.status).toBe('pending');
      await outbox.fail(e.id, 'owner-1', at(20), 'NO_ADDRESS: nobody to send to');
      expect((await outbox.ofReview(review.id)).find((x) => x.key === 'e')).toMatchObject({
        status: 'failed', attempts: 1, doneAt: at(20), lastError: 'NO_ADDRESS: nobody to send to',
      });
      expect(keysOf(await outbox.take('owner-2', at(60_001), at(120_000), 10))).toEqual(['other']);
    });

    it('says when the earliest pending effect falls due', async () => {
      expect(await outbox.nextDue()).toBeUndefined();
      const review = reviewIn('conv-1');
      queueNow = 1000;
      await store.create(review, 'k0', [effect(review, 'a'), effect(review, 'b')]);
      expect(await outbox.nextDue()).toBe(at(1000));
      const taken = await outbox.take('owner-1', at(1000), at(60_000), 2);
      const a = taken.find((t) => t.key === 'a')!;
      const b = taken.find((t) => t.key === 'b')!;
      await outbox.retryAt(a.id, 'owner-1', at(9000), true, 'X');
      await outbox.retryAt(b.id, 'owner-1', at(4000), true, 'X');
      expect(await outbox.nextDue()).toBe(at(4000));
      const [again] = await outbox.take('owner-1', at(4000), at(60_000), 1);
      await outbox.complete(again!.id, 'owner-1', at(4001));
      expect(await outbox.nextDue()).toBe(at(9000));
      const [last] = await outbox.take('owner-1', at(9000), at(60_000), 1);
      await outbox.fail(last!.id, 'owner-1', at(9001), 'X');
      expect(await outbox.nextDue()).toBeUndefined();
    });

    it('lists the effects of one review, oldest first', async () => {
      const review = reviewIn('conv-1');
      const other = reviewIn('conv-2');
      queueNow = 0;
      await store.create(review, 'k0', [effect(review, 'first')]);
      await store.create(other, 'k-other', [effect(other, 'not-this-review')]);
      queueNow = 1000;
      expect(await store.save(next(review), 1, 'k1', [effect(review, 'second')])).toBe('saved');
      queueNow = 2000;
      expect(await store.save(next(next(review)), 2, 'k2', [effect(review, 'third')])).toBe('saved');
      expect(keysOf(await outbox.ofReview(review.id))).toEqual(['first', 'second', 'third']);
      expect(keysOf(await outbox.ofReview(other.id))).toEqual(['not-this-review']);
      expect(await outbox.ofReview('no-such-review')).toEqual([]);
    });

    // One decision often queues several messages to one chat at once: they share a created_at (and a
    // not_before), and must still come back, and be taken to be performed, in the order queued.
    const inOneSave = Array.from({ length: 12 }, (_, i) => `msg-${String(i).padStart(2, '0')}`);

    it('knows whether a later effect of the same kind for the same review was queued (one save, or a later one), and ignores failed ones', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0', [effect(review, 'a'), effect(review, 'b'), effect(review, 'other', { kind: 'send-email' })]);
      const [a, b] = await outbox.ofReview(review.id);
      expect(await outbox.hasLater(a!)).toBe(true);
      expect(await outbox.hasLater(b!)).toBe(false);
      queueNow = 5;
      const current = (await store.get(review.id))!;
      await store.save({ ...current, version: current.version + 1 }, current.version, null, [effect(review, 'c')]);
      expect(await outbox.hasLater(b!)).toBe(true);
      const [c] = (await outbox.ofReview(review.id)).filter((e) => e.key === 'c');
      const taken = await outbox.take('owner', at(10), at(100_000), 10);
      expect(taken.map((e) => e.key)).toContain('c');
      await outbox.fail(c!.id, 'owner', at(10), 'given up');
      expect(await outbox.hasLater(b!)).toBe(false);
    });

    it('tells a later effect still to be performed from one already done', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0', [effect(review, 'a'), effect(review, 'b')]);
      const [a, b] = await outbox.ofReview(review.id);
      expect(await outbox.hasLater(a!, { pendingOnly: true })).toBe(true);
      const taken = await outbox.take('owner', at(10), at(100_000), 10);
      await outbox.complete(taken.find((e) => e.key === 'b')!.id, 'owner', at(11));
      expect(await outbox.hasLater(a!, { pendingOnly: true })).toBe(false);
      expect(await outbox.hasLater(a!)).toBe(true);
      expect(await outbox.hasLater(b!, { pendingOnly: true })).toBe(false);
    });

    it('lists the effects one save queued in the order queued', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0', inOneSave.map((k) => effect(review, k)));
      expect(keysOf(await outbox.ofReview(review.id))).toEqual(inOneSave);
    });

    it('takes the effects one save queued in the order queued', async () => {
      const review = reviewIn('conv-1');
      await store.create(review, 'k0', inOneSave.map((k) => effect(review, k)));
      expect(keysOf(await outbox.take('owner-1', at(0), at(60_000), 100))).toEqual(inOneSave);
    });

    it('takes them in the order queued again after they were given back, whatever the order given back', async () => {
      // As when pacing defers every message of a busy chat to the same instant.
      const review = reviewIn('conv-1');
      await store.create(review, 'k0', inOneSave.map((k) => effect(review, k)));
      const taken = await outbox.take('owner-1', at(0), at(60_000), 100);
      for (const e of [...taken].reverse()) await outbox.retryAt(e.id, 'owner-1', at(2000), false, 'PACED');
      expect(keysOf(await outbox.take('owner-2', at(2000), at(60_000), 100))).toEqual(inOneSave);
    });
  });
}
