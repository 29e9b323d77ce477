import Database from 'better-sqlite3';
import { BotProcess, freePort } from '../test/support/bot-process';
import { BotUnderTest } from '../test/support/bot-under-test';
import { actionData, inputsOf } from '../test/support/card-reader';
import { TeamsUser, cardActionActivity, messageActivity, teamsUser } from '../test/support/teams-activity';
import { WALK } from '../test/support/review-walk';

export interface LatencyFigures {
  readonly turns: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

export function figures(latencies: number[], seconds: number): LatencyFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { turns: sorted.length, seconds, perSecond: sorted.length / seconds, p50: at(0.5), p99: at(0.99) };
}

export async function timed<T>(latencies: number[], work: () => Promise<T>): Promise<T> {
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
export async function benchCardActions(reviews: number, options: { signOff?: boolean } = {}): Promise<LatencyFigures & { effects: EffectFigures }> {
  const { harness, bot } = await botInItsOwnProcess('src/main.ts');
  try {
    await walkReviews(harness, await openReviews(harness, 'warm-up', 4), [], options); // JIT and first connections are not measured
    const open = await openReviews(harness, 'bench', reviews);
    const latencies: number[] = [];
    const started = process.hrtime.bigint();
    const since = new Date().toISOString();
    await walkReviews(harness, open, latencies, options);
    const turns = figures(latencies, Number(process.hrtime.bigint() - started) / 1e9);
    return { ...turns, effects: await effectFigures(harness.sqliteFile, since) };
  } finally {
    await stop(harness, bot);
  }
}

export interface EffectFigures {
  readonly effects: number;
  readonly perSecond: number;
  /** From the effect stored (with the change that caused it) to the effect done. */
  readonly delayP50: number;
  readonly delayP99: number;
}

/** The outbox as the bot left it: how many effects were done, how fast, and how long each waited. */
async function effectFigures(sqliteFile: string, since: string): Promise<EffectFigures> {
  const deadline = Date.now() + 60_000;
  const db = new Database(sqliteFile, { readonly: true });
  try {
    while (Date.now() < deadline && (db.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }).n > 0) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const rows = db.prepare(`SELECT created_at, done_at FROM outbox WHERE status = 'done' AND created_at >= ?`).all(since) as Array<{ created_at: string; done_at: string }>;
    const delays = rows.map((r) => Date.parse(r.done_at) - Date.parse(r.created_at));
    const first = Math.min(...rows.map((r) => Date.parse(r.created_at)));
    const last = Math.max(...rows.map((r) => Date.parse(r.done_at)));
    const f = figures(delays, Math.max(0.001, (last - first) / 1000));
    return { effects: rows.length, perSecond: f.perSecond, delayP50: f.p50, delayP99: f.p99 };
  } finally {
    db.close();
  }
}

interface OpenReview {
  readonly chair: TeamsUser;
  readonly where: ReturnType<BotUnderTest['where']>;
  readonly card: Record<string, any>;
}

/**
 * `reviews` chairs each start a review and open its first card (not timed). Opened twenty at a time:
 * `start review` asks Teams for the chat's roster, and a roster that takes over 5 s is given up on.
 */
async function openReviews(harness: BotUnderTest, prefix: string, reviews: number): Promise<OpenReview[]> {
  const opened: OpenReview[] = [];
  for (let from = 0; from < reviews; from += 20) {
    const batch = Array.from({ length: Math.min(20, reviews - from) }, (_, k) => from + k);
    opened.push(
      ...(await Promise.all(
        batch.map(async (i) => {
          const chair = teamsUser(`Chair${i}`, i + 1);
          const where = harness.where({ conversationId: `${prefix}-${i}` });
          await harness.post(messageActivity(where, chair, 'start review'));
          const shared = harness.connector.posted().find((p) => p.conversationId === where.conversationId)!;
          const opened = await harness.post(cardActionActivity(where, chair, 'review.refresh', { reviewId: sharedReviewId(shared.activity) }));
          return { chair, where, card: opened.body.value };
        }),
      )),
    );
  }
  return opened;
}

/** Every chair at once walks their review to the minutes; each press's round trip is timed. */
async function walkReviews(harness: BotUnderTest, open: readonly OpenReview[], latencies: number[], options: { signOff?: boolean }): Promise<void> {
  const presses = [...WALK, ...(options.signOff ? [{ typed: {}, verb: 'review.signOff' }] : [])];
  await Promise.all(
    open.map(async ({ chair, where, card: first }) => {
      let card = first;
      for (const { typed, verb } of presses) {
        const v = verb ?? 'review.continue';
        const activity = cardActionActivity(where, chair, v, { ...inputsOf(card), ...typed, ...actionData(card, v) });
        card = (await timed(latencies, () => harness.post(activity))).body.value;
      }
    }),
  );
}

/**
 * The bot under measurement runs in a process of its own, as `npm start` runs it; the load
 * (requests, the local connector, reading the cards) stays in this one, so it does not eat the
 * bot's time. The echo bot is measured the same way.
 */
export async function botInItsOwnProcess(script: string, env: Record<string, string> = {}): Promise<{ harness: BotUnderTest; bot: BotProcess }> {
  const harness = new BotUnderTest();
  await harness.connector.start();
  // Every chat's roster: its chair (who starts the review) and these two, as the walk expects.
  harness.connector.members = [teamsUser('Mum', 9001), teamsUser('Teacher', 9002)];
  // BOT_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the bot under the load.
  const bot = new BotProcess({ SQLITE_FILE: harness.sqliteFile, LOG_LEVEL: 'error', ...env }, script, (process.env.BOT_NODE_OPTIONS ?? '').split(' ').filter((o) => o !== ''));
  harness.bot = { url: await bot.start(await freePort()) } as never;
  return { harness, bot };
}

export async function stop(harness: BotUnderTest, bot: BotProcess): Promise<void> {
  // A profiled bot (BOT_NODE_OPTIONS=--cpu-prof) is stopped gently, so it writes its profile.
  await bot.kill(process.env.BOT_NODE_OPTIONS ? 'SIGINT' : 'SIGKILL');
  if (process.env.BOT_NODE_OPTIONS) process.stderr.write(bot.output.split('\n').filter((l) => l.startsWith('SQLPROF')).join('\n') + '\n');
  harness.bot = undefined;
  await harness.stop();
}

function sharedReviewId(activity: Record<string, any>): string {
  return activity.attachments[0].content.refresh.action.data.reviewId;
}

/** The same number of conversations and turns against the echo bot. */
export async function benchEcho(conversations: number, turnsEach: number): Promise<LatencyFigures> {
  const { harness, bot } = await botInItsOwnProcess('bench/echo-bot.ts');
  const chat = (prefix: string, count: number, latencies: number[]) =>
    Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const user = teamsUser(`User${i}`, i + 1);
        const where = harness.where({ conversationId: `${prefix}-${i}` });
        for (let t = 0; t < turnsEach; t++) {
          await timed(latencies, () => harness.post(messageActivity(where, user, `turn ${t}`)));
        }
      }),
    );
  try {
    await chat('warm-up', 4, []);
    const latencies: number[] = [];
    const started = process.hrtime.bigint();
    await chat('echo', conversations, latencies);
    return figures(latencies, Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await stop(harness, bot);
  }
}
