import fc from 'fast-check';
import { CHAT_SEND_LIMITS, ChatSendPace } from '../../src/outbox/chat-send-pace';

/** Runs sends through the pace at non-decreasing times: performs those answered 0, retries the others after the wait (plus some patience). */
function simulate(arrivals: ReadonlyArray<{ chat: string; gap: number; patience: number }>, pace = new ChatSendPace()) {
  const queue: Array<{ t: number; chat: string; patience: number; seq: number }> = [];
  let t = 0;
  let seq = 0;
  for (const a of arrivals) queue.push({ t: (t += a.gap), chat: a.chat, patience: a.patience, seq: seq++ });
  const sent = new Map<string, number[]>();
  let now = 0;
  for (let guard = 0; queue.length > 0; guard++) {
    if (guard > 200_000) throw new Error('the pace never let the sends through');
    queue.sort((x, y) => x.t - y.t || x.seq - y.seq);
    const next = queue.shift()!;
    expect(next.t).toBeGreaterThanOrEqual(now);
    now = next.t;
    const wait = pace.reserve(next.chat, now);
    expect(wait).toBeGreaterThanOrEqual(0);
    if (wait === 0) sent.set(next.chat, [...(sent.get(next.chat) ?? []), now]);
    else queue.push({ ...next, t: now + wait + next.patience, seq: seq++ });
  }
  return sent;
}

/** The most sends of one chat inside any window [s, s + perMs). */
function busiest(times: readonly number[], perMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! <= sorted[i]! - perMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const chats = fc.constantFrom('chat-a', 'chat-b', 'chat-c');
const arrivals = fc.array(
  fc.record({ chat: chats, gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3000 })), patience: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 700 })) }),
  { maxLength: 250 },
);

describe('ChatSendPace', () => {
  it('keeps to Teams\' published limits per chat', () => {
    expect(CHAT_SEND_LIMITS).toEqual([
      { count: 7, perMs: 1000 },
      { count: 8, perMs: 2000 },
      { count: 60, perMs: 30_000 },
    ]);
  });

  it('lets a burst of 7 through, then spaces the rest within 1 s, 2 s and 30 s', () => {
    const pace = new ChatSendPace();
    for (let i = 0; i < 7; i++) expect(pace.reserve('c', 0)).toBe(0);
    expect(pace.reserve('c', 0)).toBe(1001);
    expect(pace.reserve('c', 500)).toBe(501);
    expect(pace.reserve('c', 1001)).toBe(0); // the 8th: 7 in the last second are gone, 8 in 2 s allowed
    expect(pace.reserve('c', 1001)).toBe(1000); // the 9th would be 9 within 2 s
    expect(pace.reserve('c', 2001)).toBe(0);
  });

  it('allows no more than 7 sends in 1 s, 8 in 2 s, 60 in 30 s, to any chat, over any sequence of sends', () => {
    fc.assert(
      fc.property(arrivals, (sends) => {
        const sent = simulate(sends);
        let total = 0;
        for (const times of sent.values()) {
          total += times.length;
          expect(busiest(times, 1000)).toBeLessThanOrEqual(7);
          expect(busiest(times, 2000)).toBeLessThanOrEqual(8);
          expect(busiest(times, 30_000)).toBeLessThanOrEqual(60);
        }
        // Every send went through in the end.
        expect(total).toBe(sends.length);
      }),
      { numRuns: 150 },
    );
  });

  it('allows a send told to wait w when it comes back at t + w', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 120 }), fc.integer({ min: 0, max: 400 }), (gaps, last) => {
        const pace = new ChatSendPace();
        let t = 0;
        for (const gap of gaps) {
          t += gap;
          pace.reserve('c', t);
        }
        t += last;
        const wait = pace.reserve('c', t);
        if (wait > 0) expect(pace.reserve('c', t + wait)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('answers one chat the same whatever is sent to the others', () => {
    fc.assert(
      fc.property(arrivals, (sends) => {
        const together = new ChatSendPace();
        const alone = new ChatSendPace();
        let t = 0;
        for (const s of sends) {
          t += s.gap;
          const answer = together.reserve(s.chat, t);
          if (s.chat === 'chat-a') expect(answer).toBe(alone.reserve('chat-a', t));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lets a second chat send at once while the first is held back', () => {
    const pace = new ChatSendPace();
    for (let i = 0; i < 7; i++) pace.reserve('busy', 0);
    expect(pace.reserve('busy', 0)).toBeGreaterThan(0);
    for (let i = 0; i < 7; i++) expect(pace.reserve('quiet', 0)).toBe(0);
  });
});
