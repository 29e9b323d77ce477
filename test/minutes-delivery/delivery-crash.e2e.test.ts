import Database from 'better-sqlite3';
import { BotProcess, freePort, transpiledBot } from '../support/bot-process';
import { BotUnderTest } from '../support/bot-under-test';
import { MeetingPerson, confirmSignOff, emailsIn, personalCards, walkMeeting } from '../support/delivery-walk';
import { TeamsUser, teamsUser } from '../support/teams-activity';

/**
 * The bot is killed (SIGKILL: no shutdown, no flushing) at a seeded random moment while it delivers
 * the minutes of a review just signed off; a second process on the same SQLite file and mail folder
 * takes over. Every recipient gets their copy. A second copy is allowed only for a Teams send the
 * first process made but had not yet recorded when it died: the test works out which those are from
 * the store and the connector as the dead process left them, expects exactly those, and counts them.
 * Emails are never sent twice (the mail folder writes each delivery's key once). A kill point is a
 * seeded fraction of how long an uncut delivery took in the same run, so it lands before, during or
 * after the sends whatever the machine's speed. DELIVERY_CRASH_TRACE=1 prints each step and the
 * processes' effect logs.
 */
const SEEDS = [1, 2, 3, 4, 5];
const RECIPIENTS = 8;

/** A small seeded generator (mulberry32; the seed is mixed first, as consecutive seeds start alike). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Round r's meeting: its own people (Teams ids and emails), so each 1:1 chat and each address belongs to one round. */
function meetingOf(round: number) {
  const n = (k: number) => 100 * (round + 1) + k;
  const chair = teamsUser('Sam', n(1));
  const teams: TeamsUser[] = [teamsUser('Mum', n(2)), teamsUser('Teacher', n(3)), teamsUser('Nurse', n(4))];
  const people: MeetingPerson[] = [
    { name: 'Mum', role: 'parent-carer', teams: teams[0]! },
    { name: 'Teacher', role: 'school-nursery', teams: teams[1]! },
    { name: 'Nurse', role: 'health', teams: teams[2]! },
    { name: 'Kofi Dad', role: 'parent-carer', attendance: 'apologies', email: `kofi.dad.${round}@example.net` },
    { name: 'Rose Gran', role: 'family-network', email: `rose.gran.${round}@example.net` },
    { name: 'Gita GP', role: 'gp', email: `gita.gp.${round}@nhs.example` },
    { name: 'Pat Police', role: 'police', email: `pat.police.${round}@police.example` },
  ];
  return { chair, teamsRecipients: [chair, ...teams], emailRecipients: people.filter((p) => p.email).map((p) => p.email!), people };
}

interface DeliveryRow {
  readonly name: string;
  readonly channel: string;
  readonly status: string;
}

interface RoundReport {
  readonly seed: number;
  readonly killAfterMs: number;
  /** As the dead process left them. */
  readonly recordedSent: number;
  readonly teamsPostedUnrecorded: number;
  readonly emailsWritten: number;
  readonly duplicates: number;
}

describe('killed at random points while delivering the minutes, a second process on the same store finishes the job', () => {
  const harness = new BotUnderTest();
  const mailDir = harness.mailDir;
  const env = {
    NODE_ENV: 'development',
    SQLITE_FILE: harness.sqliteFile,
    MAIL_DIR: mailDir,
    LOG_LEVEL: process.env.DELIVERY_CRASH_TRACE ? 'info' : 'error',
    OUTBOX_LEASE_SECONDS: '2',
    OUTBOX_CALL_TIMEOUT_SECONDS: '1',
  };
  let running: BotProcess | undefined;
  const started: BotProcess[] = [];
  // Six starts: the bot is transpiled once, not at each.
  let script = '';
  const progress = (line: string) => process.env.DELIVERY_CRASH_TRACE && process.stderr.write(`${new Date().toISOString()} ${line}\n`);

  const startProcess = async () => {
    const bot = new BotProcess(env, script);
    started.push(bot);
    harness.bot = { url: await bot.start(await freePort()) } as never;
    progress(`process ${started.length} started`);
    running = bot;
    return bot;
  };

  const deliveriesOf = (reviewId: string): DeliveryRow[] => {
    const db = new Database(harness.sqliteFile, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(`SELECT name, channel, status FROM minutes_deliveries WHERE review_id = ? ORDER BY seq`).all(reviewId) as DeliveryRow[];
    } finally {
      db.close();
    }
  };

  const allSent = async (reviewId: string, timeoutMs = 20_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const rows = deliveriesOf(reviewId);
      if (rows.length === RECIPIENTS && rows.every((r) => r.status === 'sent')) return;
      if (Date.now() > until) throw new Error(`not all sent after ${timeoutMs} ms: ${JSON.stringify(rows)}\n${running?.output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  /** A review of round r walked to the minutes on the running process, and signed off. */
  const signedOffRound = async (round: number) => {
    harness.conversationId = `19:meeting_round${round}@thread.v2`;
    const meeting = meetingOf(round);
    const { reviewId, minutesCard } = await walkMeeting(harness, { chair: meeting.chair, people: meeting.people });
    await confirmSignOff(harness, meeting.chair, minutesCard);
    return { ...meeting, reviewId };
  };

  /** Every recipient has their copy: each Teams one in their 1:1 chat, each email once, as a parsed .eml with its PDF. */
  const expectEveryoneReached = async (meeting: ReturnType<typeof meetingOf>, reviewId: string, copiesExpected: (person: TeamsUser) => number) => {
    expect(deliveriesOf(reviewId).map((d) => d.status)).toEqual(Array(RECIPIENTS).fill('sent'));
    for (const person of meeting.teamsRecipients) expect([person.name, personalCards(harness, person).length]).toEqual([person.name, copiesExpected(person)]);
    const emails = (await emailsIn(mailDir)).filter((e) => meeting.emailRecipients.includes(e.to));
    expect(emails.map((e) => e.to).sort()).toEqual([...meeting.emailRecipients].sort());
    for (const { mail } of emails) expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
  };

  beforeAll(async () => {
    script = transpiledBot();
    await harness.connector.start();
    // Teams answers a post after a while: a kill in that window leaves a card sent and not recorded.
    harness.connector.personalPostDelayMs = 300;
  });
  afterAll(async () => {
    for (const bot of started) await bot.kill();
    harness.bot = undefined;
    await harness.stop();
  });

  it('reaches every recipient; a second copy only for a Teams send made but not recorded before the kill (counted)', async () => {
    await startProcess();
    // Round 0 is not killed: it measures how long delivering takes, and the kill points are spread over that time.
    const calm = await signedOffRound(0);
    const from = Date.now();
    await allSent(calm.reviewId);
    const deliveryMs = Date.now() - from;
    await expectEveryoneReached(calm, calm.reviewId, () => 1);

    const reports: RoundReport[] = [];
    for (const [i, seed] of SEEDS.entries()) {
      const round = i + 1;
      const killAfterMs = Math.floor(seeded(Math.imul(seed, 0x9e3779b1))() * deliveryMs);
      const meeting = await signedOffRound(round);
      progress(`round ${round} signed off; killing in ${killAfterMs} ms`);
      await new Promise((r) => setTimeout(r, killAfterMs));
      await running!.kill();
      // What the dead process left: its records, and what reached the connector before its sockets closed.
      await harness.connector.idle();
      const atKill = new Map(deliveriesOf(meeting.reviewId).map((d) => [d.name, d.status]));
      const postedAtKill = new Map(meeting.teamsRecipients.map((p) => [p.name, personalCards(harness, p).length]));
      const unrecorded = new Set(meeting.teamsRecipients.filter((p) => postedAtKill.get(p.name)! > 0 && atKill.get(p.name) !== 'sent').map((p) => p.name));
      const emailsAtKill = (await emailsIn(mailDir)).filter((e) => meeting.emailRecipients.includes(e.to)).length;
      // A dead process never sent anything twice itself.
      for (const n of postedAtKill.values()) expect(n).toBeLessThanOrEqual(1);

      await startProcess();
      await allSent(meeting.reviewId);
      progress(`round ${round} delivered; the killed process wrote:\n${started.at(-2)!.output.split('\n').filter((l) => l.includes('effect.')).join('\n')}\nthe next:\n${running!.output.split('\n').filter((l) => l.includes('effect.')).join('\n')}`);
      await expectEveryoneReached(meeting, meeting.reviewId, (p) => (unrecorded.has(p.name) ? 2 : 1));
      reports.push({
        seed,
        killAfterMs,
        recordedSent: [...atKill.values()].filter((s) => s === 'sent').length,
        teamsPostedUnrecorded: unrecorded.size,
        emailsWritten: emailsAtKill,
        duplicates: meeting.teamsRecipients.reduce((sum, p) => sum + personalCards(harness, p).length - 1, 0),
      });
    }
    const lines = reports.map(
      (r) =>
        `seed ${r.seed}: killed ${String(r.killAfterMs).padStart(4)} ms after sign-off; recorded sent ${r.recordedSent}/${RECIPIENTS}, emails written ${r.emailsWritten}/4, Teams sent but unrecorded ${r.teamsPostedUnrecorded}; second copies ${r.duplicates}`,
    );
    const total = reports.reduce((sum, r) => sum + r.duplicates, 0);
    const emailFiles = (await emailsIn(mailDir)).length;
    const emailRecipients = (SEEDS.length + 1) * 4;
    process.stdout.write(
      `\nDelivery under SIGKILL (${RECIPIENTS} recipients: 4 Teams, 4 email; uncut delivery took ${deliveryMs} ms):\n${lines.join('\n')}\nsecond copies in all: ${total} (each a Teams send made but not recorded when the process died); emails: ${emailFiles} files for ${emailRecipients} email recipients\n`,
    );
    expect(reports).toHaveLength(SEEDS.length);
  }, 300_000);
});
