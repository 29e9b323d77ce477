import { BotUnderTest } from '../test/support/bot-under-test';
import { actionData, inputsOf } from '../test/support/card-reader';
import { cardActionActivity, messageActivity, teamsUser } from '../test/support/teams-activity';
import { WALK } from '../test/support/review-walk';
import { startEchoBot } from './echo-bot';

export interface LatencyFigures {
  readonly turns: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

function figures(latencies: number[], seconds: number): LatencyFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { turns: sorted.length, seconds, perSecond: sorted.length / seconds, p50: at(0.5), p99: at(0.99) };
}

async function timed<T>(latencies: number[], work: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await work();
  latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
  return result;
}

/**
 * Many reviews at once, each walked from set-up to the minutes by its chair: every press is a
 * Teams-shaped `adaptiveCard/action` invoke through HTTP, validated, decided, stored (SQLite, synced)
 * and answered with the next card; the shared card is updated through the local connector.
 */
export async function benchCardActions(reviews: number): Promise<LatencyFigures> {
  const harness = await new BotUnderTest().start();
  try {
    const chairs = Array.from({ length: reviews }, (_, i) => teamsUser(`Chair${i}`, i + 1));
    harness.connector.members = [];
    const openCards = await Promise.all(
      chairs.map(async (chair, i) => {
        const where = harness.where({ conversationId: `bench-${i}` });
        await harness.post(messageActivity(where, chair, 'start review'));
        const shared = harness.connector.posted().find((p) => p.conversationId === where.conversationId)!;
        const reply = await harness.post(cardActionActivity(where, chair, 'review.refresh', { reviewId: sharedReviewId(shared.activity) }));
        return reply.body.value as Record<string, any>;
      }),
    );
    const latencies: number[] = [];
    const started = process.hrtime.bigint();
    await Promise.all(
      chairs.map(async (chair, i) => {
        const where = harness.where({ conversationId: `bench-${i}` });
        let card = openCards[i]!;
        for (const { typed, verb } of WALK) {
          const v = verb ?? 'review.continue';
          const activity = cardActionActivity(where, chair, v, { ...inputsOf(card), ...typed, ...actionData(card, v) });
          const reply = await timed(latencies, () => harness.post(activity));
          card = reply.body.value;
        }
      }),
    );
    return figures(latencies, Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await harness.stop();
  }
}

function sharedReviewId(activity: Record<string, any>): string {
  return activity.attachments[0].content.refresh.action.data.reviewId;
}

/** The same number of conversations and turns against the echo bot. */
export async function benchEcho(conversations: number, turnsEach: number): Promise<LatencyFigures> {
  const harness = new BotUnderTest();
  await harness.connector.start();
  const echo = await startEchoBot();
  try {
    const latencies: number[] = [];
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: conversations }, async (_, i) => {
        const user = teamsUser(`User${i}`, i + 1);
        const where = harness.where({ conversationId: `echo-${i}` });
        for (let t = 0; t < turnsEach; t++) {
          await timed(latencies, () => harness.post(messageActivity(where, user, `turn ${t}`), echo.url));
        }
      }),
    );
    return figures(latencies, Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await echo.close();
    harness.bot = undefined;
    await harness.stop();
  }
}
