import { Logger } from '../../src/logging/logger';
import { OutboxDispatcher } from '../../src/outbox/outbox-dispatcher';
import { Outbox, StoredEffect } from '../../src/ports/outbox';
import { ReviewStore } from '../../src/ports/review-store';
import { reviewIn } from './review-store-contract';
import { effect } from './outbox-contract';

export interface RaceResult {
  /** Every perform, by effect key, in the order they happened. */
  readonly performed: readonly string[];
  readonly queued: readonly string[];
  readonly final: readonly StoredEffect[];
  /** Errors the dispatchers logged (a failed take, complete or retry). */
  readonly errors: ReadonlyArray<{ event: string; fields?: Record<string, unknown> }>;
}

/**
 * Queues `total` effects over several chats through `store`, then races `perOutbox` dispatchers on
 * each outbox (each outbox its own connection or pool to the same database) until every effect was
 * performed at least once, and stops them all.
 */
export async function raceDispatchers(store: ReviewStore, outboxes: readonly Outbox[], total = 200, perOutbox = 2): Promise<RaceResult> {
  const reviews = Array.from({ length: 10 }, (_, i) => reviewIn(`race-chat-${i}`));
  const queued: string[] = [];
  for (const [i, review] of reviews.entries()) {
    const keys = Array.from({ length: total / reviews.length }, (_, j) => `race-${i}-${j}`);
    queued.push(...keys);
    expect(await store.create(review, `race-create-${i}`, keys.map((k) => effect(review, k)))).toBe('created');
  }

  const performed: string[] = [];
  const seen = new Set<string>();
  let allPerformed!: () => void;
  const everything = new Promise<void>((resolve) => (allPerformed = resolve));
  const errors: Array<{ event: string; fields?: Record<string, unknown> }> = [];
  const logger: Logger = { log: (level, event, fields) => void (level === 'error' && errors.push({ event, fields })) };
  const handler = {
    pacedPerChat: false,
    async perform(e: StoredEffect) {
      performed.push(e.key);
      seen.add(e.key);
      await new Promise((r) => setImmediate(r)); // let the others interleave
      if (seen.size === total) allPerformed();
    },
  };
  const dispatchers = outboxes.flatMap((outbox) =>
    Array.from({ length: perOutbox }, () => new OutboxDispatcher({ outbox, handlers: { 'post-message': handler }, logger, pollMs: 5, concurrency: 8 })),
  );
  for (const d of dispatchers) d.start();
  await everything;
  await Promise.all(dispatchers.map((d) => d.stop()));
  const final = (await Promise.all(reviews.map((r) => outboxes[0]!.ofReview(r.id)))).flat();
  return { performed, queued, final, errors };
}

/** The race's verdict: each effect performed exactly once, and all of them done. */
export function expectEachPerformedOnce(result: RaceResult): void {
  const counts = new Map<string, number>();
  for (const key of result.performed) counts.set(key, (counts.get(key) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
  expect(twice).toEqual([]);
  expect([...counts.keys()].sort()).toEqual([...result.queued].sort());
  expect(result.final.filter((e) => e.status !== 'done').map((e) => e.key)).toEqual([]);
  expect(result.final).toHaveLength(result.queued.length);
}
