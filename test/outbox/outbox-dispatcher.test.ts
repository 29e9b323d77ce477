import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { Review } from '../../src/domain/review/review';
import { Logger, LogLevel } from '../../src/logging/logger';
import { DispatcherOptions, EffectHandler, OutboxDispatcher } from '../../src/outbox/outbox-dispatcher';
import { EffectFailure } from '../../src/ports/effect-failure';
import { NewEffect, Outbox, StoredEffect } from '../../src/ports/outbox';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { KyselyReviewStore } from '../../src/store/kysely-review-store';
import { migrateToLatest } from '../../src/store/migrations';
import { ReviewDatabase, openSqlite } from '../../src/store/review-database';
import { reviewIn } from '../store/review-store-contract';

const directory = mkdtempSync(join(tmpdir(), 'cin-dispatcher-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let files = 0;

const T0 = Date.parse('2026-11-24T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A promise and the hand that settles it. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

let now: number;
let db: Kysely<ReviewDatabase>;
let store: KyselyReviewStore;
let outbox: KyselyOutbox;
let review: Review;
let logs: Array<{ level: LogLevel; event: string; fields?: Record<string, unknown> }>;
const logger: Logger = { log: (level, event, fields) => void logs.push({ level, event, fields }) };
const started: OutboxDispatcher[] = [];

beforeEach(async () => {
  now = T0;
  logs = [];
  db = openSqlite(join(directory, `dispatcher-${++files}.sqlite`));
  await migrateToLatest(db);
  store = new KyselyReviewStore(db, () => iso(now));
  outbox = new KyselyOutbox(db, 'sqlite');
  review = reviewIn('chat-a');
  expect(await store.create(review, 'create')).toBe('created');
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((d) => d.stop()));
  await db.destroy();
});

/** Queues effects with a save of the review, as a decision does. */
async function queue(...effects: Array<Partial<NewEffect> & { key: string }>): Promise<void> {
  const current = (await store.get(review.id))!;
  const saved = await store.save({ ...current, version: current.version + 1 }, current.version, null, effects.map((e) => ({
    kind: 'post-message', reviewId: review.id, conversationId: 'chat-a', payload: { text: e.key }, ...e,
  })));
  expect(saved).toBe('saved');
}

const stored = async (key: string): Promise<StoredEffect> => (await outbox.ofReview(review.id)).find((e) => e.key === key)!;

function dispatcher(handlers: Record<string, EffectHandler>, options: Partial<DispatcherOptions> = {}): OutboxDispatcher {
  return new OutboxDispatcher({ outbox, handlers, logger, clock: () => now, random: () => 0.5, ...options });
}

/** A handler that records each effect it performs and does what `act` says. */
function recording(act: (effect: StoredEffect, call: number) => Promise<void> = async () => undefined, pacedPerChat = false) {
  const performed: StoredEffect[] = [];
  const handler: EffectHandler = {
    pacedPerChat,
    perform: (effect) => {
      performed.push(effect);
      return act(effect, performed.length);
    },
  };
  return { handler, performed, keys: () => performed.map((e) => e.key) };
}

describe('OutboxDispatcher.runOnce', () => {
  it('performs a due effect and completes it', async () => {
    await queue({ key: 'hello', payload: { text: 'Hello' } });
    const h = recording();
    expect(await dispatcher({ 'post-message': h.handler }).runOnce()).toBe(1);
    expect(h.performed).toMatchObject([{ key: 'hello', payload: { text: 'Hello' }, conversationId: 'chat-a' }]);
    expect(await stored('hello')).toMatchObject({ status: 'done', doneAt: iso(now), lastError: null });
    expect(await dispatcher({ 'post-message': h.handler }).runOnce()).toBe(0);
    expect(h.performed).toHaveLength(1);
  });

  it('retries a retryable failure no sooner than Retry-After, counting the attempt', async () => {
    await queue({ key: 'throttled' });
    const h = recording(async (_, call) => {
      if (call === 1) throw new EffectFailure('THROTTLED', 'Too many requests', { retryable: true, retryAfterMs: 30_000 });
    });
    const d = dispatcher({ 'post-message': h.handler }, { random: () => 0.99 });
    await d.runOnce();
    const after = await stored('throttled');
    expect(after).toMatchObject({ status: 'pending', attempts: 1 });
    expect(after.lastError).toMatch(/^THROTTLED/);
    expect(Date.parse(after.notBefore)).toBeGreaterThanOrEqual(now + 30_000);
    now += 29_999;
    expect(await d.runOnce()).toBe(0);
    now = Date.parse(after.notBefore);
    expect(await d.runOnce()).toBe(1);
    expect(await stored('throttled')).toMatchObject({ status: 'done' });
    expect(h.keys()).toEqual(['throttled', 'throttled']);
  });

  it('backs off with jitter when the other side names no wait', async () => {
    await queue({ key: 'flaky' });
    const h = recording(async () => {
      throw new EffectFailure('SERVER_ERROR', '502', { retryable: true });
    });
    await dispatcher({ 'post-message': h.handler }, { random: () => 0.5, retry: { baseMs: 1000, capMs: 60_000, maxAttempts: 5 } }).runOnce();
    expect(await stored('flaky')).toMatchObject({ status: 'pending', attempts: 1, notBefore: iso(now + 500) });
  });

  it('fails a refusal that will not change at once', async () => {
    await queue({ key: 'refused' });
    const h = recording(async () => {
      throw new EffectFailure('NOT_INSTALLED', 'the bot is not in that chat', { retryable: false });
    });
    const d = dispatcher({ 'post-message': h.handler });
    await d.runOnce();
    const after = await stored('refused');
    expect(after).toMatchObject({ status: 'failed', attempts: 1 });
    expect(after.lastError).toMatch(/^NOT_INSTALLED/);
    now += 3_600_000;
    expect(await d.runOnce()).toBe(0);
    expect(h.performed).toHaveLength(1);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', event: 'effect.failed', fields: expect.objectContaining({ code: 'NOT_INSTALLED' }) }));
  });

  it('fails an effect of a kind nobody performs', async () => {
    await queue({ key: 'mystery', kind: 'send-carrier-pigeon' });
    const h = recording();
    await dispatcher({ 'post-message': h.handler }).runOnce();
    expect(await stored('mystery')).toMatchObject({ status: 'failed', lastError: 'UNKNOWN_EFFECT' });
    expect(h.performed).toEqual([]);
  });

  it('gives up on a call that never answers at the time limit, and tries it again', async () => {
    await queue({ key: 'silent' });
    const h = recording((_, call) => (call === 1 ? new Promise<void>(() => undefined) : Promise.resolve()));
    const d = dispatcher({ 'post-message': h.handler }, { callTimeoutMs: 20 });
    await d.runOnce();
    const after = await stored('silent');
    expect(after).toMatchObject({ status: 'pending', attempts: 1 });
    expect(after.lastError).toMatch(/^TIMEOUT/);
    now = Date.parse(after.notBefore);
    await d.runOnce();
    expect(await stored('silent')).toMatchObject({ status: 'done' });
    expect(h.performed).toHaveLength(2);
  });

  it('does not try a timed-out call again before the lease it was taken under runs out: it may still land', async () => {
    await queue({ key: 'slow' });
    const h = recording((_, call) => (call === 1 ? new Promise<void>(() => undefined) : Promise.resolve()));
    const d = dispatcher({ 'post-message': h.handler }, { callTimeoutMs: 20, leaseMs: 30_000, random: () => 0 });
    await d.runOnce();
    const after = await stored('slow');
    expect(after).toMatchObject({ status: 'pending', attempts: 1 });
    expect(Date.parse(after.notBefore)).toBeGreaterThanOrEqual(T0 + 30_000);
    now = T0 + 29_999;
    expect(await d.runOnce()).toBe(0);
    now = Date.parse(after.notBefore);
    await d.runOnce();
    expect(h.performed).toHaveLength(2);
    expect(await stored('slow')).toMatchObject({ status: 'done' });
  });

  it('fails an effect after maxAttempts tries', async () => {
    await queue({ key: 'doomed' });
    const h = recording(async () => {
      throw new Error('boom'); // not an EffectFailure: retryable, may have happened
    });
    const d = dispatcher({ 'post-message': h.handler }, { retry: { baseMs: 100, capMs: 100, maxAttempts: 3 } });
    for (let i = 0; i < 10 && (await stored('doomed')).status === 'pending'; i++) {
      await d.runOnce();
      now += 1000;
    }
    expect(await stored('doomed')).toMatchObject({ status: 'failed', attempts: 3, lastError: 'UNEXPECTED: boom' });
    expect(h.performed).toHaveLength(3);
  });

  it('defers a send to a busy chat without counting an attempt, and sends it once the chat has room', async () => {
    const keys = Array.from({ length: 9 }, (_, i) => `burst-${i}`);
    await queue(...keys.map((key) => ({ key })), { key: 'other-chat', conversationId: 'chat-b' });
    const h = recording(async () => undefined, true);
    const d = dispatcher({ 'post-message': h.handler }, { concurrency: 20 });
    await d.runOnce();
    expect(h.keys().filter((k) => k.startsWith('burst'))).toHaveLength(7);
    expect(h.keys()).toContain('other-chat');
    const deferred = (await outbox.ofReview(review.id)).filter((e) => e.status === 'pending');
    expect(deferred).toHaveLength(2);
    for (const e of deferred) {
      expect(e).toMatchObject({ attempts: 0, lastError: 'PACED' });
      expect(Date.parse(e.notBefore)).toBeGreaterThan(now);
    }
    for (let i = 0; i < 20 && (await outbox.nextDue()) !== undefined; i++) {
      now = Math.max(now, Date.parse((await outbox.nextDue())!));
      await d.runOnce();
    }
    expect((await outbox.ofReview(review.id)).map((e) => e.status)).toEqual(Array(10).fill('done'));
    expect(h.keys().sort()).toEqual([...keys, 'other-chat'].sort());
  });

  it('performs the effects of one chat one at a time, in the order queued, while other chats go at once', async () => {
    const chatA = Array.from({ length: 6 }, (_, i) => `a-${i}`);
    await queue(...chatA.slice(0, 4).map((key) => ({ key })), { key: 'b-0', conversationId: 'chat-b' });
    now += 1;
    await queue(...chatA.slice(4).map((key) => ({ key })), { key: 'b-1', conversationId: 'chat-b' });
    const inHand = new Map<string, number>();
    let overlapped = false;
    const h = recording(async (effect) => {
      const n = (inHand.get(effect.conversationId) ?? 0) + 1;
      inHand.set(effect.conversationId, n);
      if (n > 1) overlapped = true;
      await tick();
      inHand.set(effect.conversationId, n - 1);
    });
    await dispatcher({ 'post-message': h.handler }, { concurrency: 20 }).runOnce();
    expect(h.performed.filter((e) => e.conversationId === 'chat-a').map((e) => e.key)).toEqual(chatA);
    expect(h.performed.filter((e) => e.conversationId === 'chat-b').map((e) => e.key)).toEqual(['b-0', 'b-1']);
    expect(overlapped).toBe(false);
    // chat-b's first effect did not wait for the whole of chat-a's queue.
    expect(h.keys().indexOf('b-0')).toBeLessThan(h.keys().indexOf('a-5'));
  });

  it('says so when its lease ran out and someone else took the effect while it was in hand', async () => {
    await queue({ key: 'slow' });
    const release = deferred();
    const called = deferred();
    const h = recording(() => {
      called.resolve();
      return release.promise;
    });
    const d = dispatcher({ 'post-message': h.handler }, { leaseMs: 1000 });
    const run = d.runOnce();
    await called.promise;
    now += 2000;
    expect(await outbox.take('another-dispatcher', iso(now), iso(now + 60_000), 10)).toHaveLength(1);
    release.resolve();
    await run;
    expect(await stored('slow')).toMatchObject({ status: 'pending' });
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', event: 'effect.lease-lost' }));
  });
});

/** The outbox, with a hook on nextDue (when the running dispatcher decides how long to sleep). */
function watchedOutbox(beforeAnswer: () => Promise<void> = async () => undefined) {
  const asked: Array<() => void> = [];
  let calls = 0;
  const watched: Outbox = {
    take: (...a) => outbox.take(...a),
    complete: (...a) => outbox.complete(...a),
    completeMany: (...a) => outbox.completeMany(...a),
    hasLater: (...a) => outbox.hasLater(...a),
    retryAt: (...a) => outbox.retryAt(...a),
    fail: (...a) => outbox.fail(...a),
    ofReview: (...a) => outbox.ofReview(...a),
    nextDue: async () => {
      const due = await outbox.nextDue();
      await beforeAnswer();
      calls++;
      asked.splice(0).forEach((f) => f());
      return due;
    },
  };
  /** Resolves once the dispatcher has asked (and been answered) `n` times in all. */
  const answered = async (n: number): Promise<void> => {
    while (calls < n) await new Promise<void>((r) => asked.push(r));
  };
  return { watched, answered };
}

describe('OutboxDispatcher running', () => {
  const NEVER_BY_POLL = 1_000_000_000; // about 11 days: nothing is found by polling during a test

  it('stops taking effects, and waits for the one in hand before it says it has stopped', async () => {
    await queue({ key: 'in-hand' });
    const release = deferred();
    const called = deferred();
    const h = recording(() => {
      called.resolve();
      return release.promise;
    });
    const d = dispatcher({ 'post-message': h.handler }, { pollMs: NEVER_BY_POLL });
    d.start();
    await called.promise;
    let stopped = false;
    const stopping = d.stop().then(() => (stopped = true));
    for (let i = 0; i < 5; i++) await tick();
    expect(stopped).toBe(false);
    expect((await stored('in-hand')).status).toBe('pending');
    release.resolve();
    await stopping;
    expect(await stored('in-hand')).toMatchObject({ status: 'done' });
    await queue({ key: 'after-stop' });
    d.wake();
    for (let i = 0; i < 5; i++) await tick();
    expect(h.keys()).toEqual(['in-hand']);
  });

  it('performs a newly queued effect when woken, without waiting for the poll', async () => {
    const { watched, answered } = watchedOutbox();
    const called = deferred();
    const h = recording(async () => called.resolve());
    const d = dispatcher({ 'post-message': h.handler }, { outbox: watched, pollMs: NEVER_BY_POLL });
    started.push(d);
    d.start();
    await answered(1); // found nothing, and is going to sleep for the poll
    await tick();
    await queue({ key: 'woken' });
    d.wake();
    await called.promise;
    expect(h.keys()).toEqual(['woken']);
  }, 10_000);

  it('does not lose a wake that comes while it is working out how long to sleep', async () => {
    const gate = deferred();
    let gated = true;
    const reached = deferred();
    const { watched } = watchedOutbox(async () => {
      if (!gated) return;
      reached.resolve();
      await gate.promise;
    });
    const called = deferred();
    const h = recording(async () => called.resolve());
    const d = dispatcher({ 'post-message': h.handler }, { outbox: watched, pollMs: NEVER_BY_POLL });
    started.push(d);
    d.start();
    await reached.promise; // took nothing; now asking when the next effect is due
    await queue({ key: 'queued-meanwhile' });
    d.wake();
    gated = false;
    gate.resolve();
    await called.promise; // with the wake lost, this waits for the poll (days): the test times out
    expect(h.keys()).toEqual(['queued-meanwhile']);
  }, 10_000);
});
