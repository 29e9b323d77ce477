/**
 * Teams' published limits per bot per thread: 7 messages a second, 8 in 2 s, 60 in 30 s
 * (msteams-docs, bots/how-to/rate-limit.md). Sends to one chat are paced inside them; one process
 * keeps its own count, so several processes each stay inside the limit only with the margin below.
 */
export const CHAT_SEND_LIMITS: ReadonlyArray<{ readonly count: number; readonly perMs: number }> = [
  { count: 7, perMs: 1000 },
  { count: 8, perMs: 2000 },
  { count: 60, perMs: 30_000 },
];

/** Sliding windows of recent sends per chat. `reserve` says 0 and counts the send, or how long to wait. */
export class ChatSendPace {
  private readonly sent = new Map<string, number[]>();

  constructor(private readonly limits = CHAT_SEND_LIMITS) {}

  reserve(conversationId: string, nowMs: number): number {
    const longest = Math.max(...this.limits.map((l) => l.perMs));
    const recent = (this.sent.get(conversationId) ?? []).filter((t) => t > nowMs - longest);
    let wait = 0;
    for (const limit of this.limits) {
      const inWindow = recent.filter((t) => t > nowMs - limit.perMs);
      if (inWindow.length >= limit.count) {
        const oldest = inWindow[inWindow.length - limit.count] as number;
        wait = Math.max(wait, oldest + limit.perMs - nowMs + 1);
      }
    }
    if (wait === 0) recent.push(nowMs);
    if (recent.length === 0) this.sent.delete(conversationId);
    else this.sent.set(conversationId, recent);
    return wait;
  }
}
