import { Kysely } from 'kysely';
import { openPostgres } from '../../src/store/review-database';
import { BotProcess, freePort, transpiledBot } from '../support/bot-process';
import { BotUnderTest } from '../support/bot-under-test';
import { MeetingPerson, confirmSignOff, emailsIn, personalCards, walkMeeting } from '../support/delivery-walk';
import { postgresSchemas } from '../support/postgres-schemas';
import { teamsUser } from '../support/teams-activity';

const chair = teamsUser('Sam', 1);
const TEAMS = [teamsUser('Mum', 2), teamsUser('Teacher', 3), teamsUser('Nurse', 4)];
const PEOPLE: readonly MeetingPerson[] = [
  { name: 'Mum', role: 'parent-carer', teams: TEAMS[0]! },
  { name: 'Teacher', role: 'school-nursery', teams: TEAMS[1]! },
  { name: 'Nurse', role: 'health', teams: TEAMS[2]! },
  { name: 'Kofi Dad', role: 'parent-carer', attendance: 'apologies', email: 'kofi.dad@example.net' },
  { name: 'Rose Gran', role: 'family-network', email: 'rose.gran@example.net' },
  { name: 'Gita GP', role: 'gp', email: 'gita.gp@nhs.example' },
  { name: 'Pat Police', role: 'police', email: 'pat.police@police.example' },
];
const EMAILS = PEOPLE.filter((p) => p.email).map((p) => p.email!);

/** The minutes effects a process logged as done, by kind (LOG_LEVEL=info writes one JSON line each). */
function effectsDone(output: string): Record<string, number> {
  const done: Record<string, number> = {};
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { event?: string; kind?: string };
    if (entry.event === 'effect.done' && entry.kind?.startsWith('minutes.')) done[entry.kind] = (done[entry.kind] ?? 0) + 1;
  }
  return done;
}

/**
 * Two bot processes (`npm start` each) on one PostgreSQL schema and one mail folder, both
 * dispatchers running. The first post into each 1:1 chat is refused (503, as Teams does), so the
 * Teams sends are retried when they fall due, and both dispatchers, each sleeping until the next
 * effect is due, reach for them at once.
 */
describe('two bot processes on one PostgreSQL deliver the minutes once to each recipient', () => {
  const newSchema = postgresSchemas('delivery2');
  const harness = new BotUnderTest();
  const mailDir = harness.mailDir;
  const processes: BotProcess[] = [];
  let db: Kysely<any> | undefined;

  beforeAll(async () => {
    await harness.connector.start();
  });
  afterAll(async () => {
    for (const p of processes) await p.kill();
    await db?.destroy();
    harness.bot = undefined;
    await harness.stop();
  });

  it('each recipient: exactly one card in their 1:1 chat, or exactly one email', async () => {
    const url = await newSchema();
    db = openPostgres(url) as unknown as Kysely<any>;
    const env = { NODE_ENV: 'development', DATABASE_URL: url, MAIL_DIR: mailDir, LOG_LEVEL: 'info', OUTBOX_LEASE_SECONDS: '2', OUTBOX_CALL_TIMEOUT_SECONDS: '1' };
    const script = transpiledBot();
    processes.push(new BotProcess(env, script), new BotProcess(env, script));
    const [urlA, urlB] = await Promise.all(processes.map(async (p) => p.start(await freePort())));
    // The review is walked on A; the sign-off reaches B, as a load balancer may send it.
    harness.bot = { url: urlA! } as never;
    const { reviewId, minutesCard } = await walkMeeting(harness, { chair, people: PEOPLE });
    harness.connector.failPersonalPosts(503, TEAMS.length + 1);
    harness.bot = { url: urlB! } as never;
    await confirmSignOff(harness, chair, minutesCard);

    // Settled: every delivery recorded sent, and no minutes effect left to perform (nothing more can be sent).
    const until = Date.now() + 30_000;
    for (;;) {
      const statuses = (await db.selectFrom('minutes_deliveries').select('status').where('review_id', '=', reviewId).execute()).map((r) => r.status);
      // (The check a working day before the deadline sends nothing once all are sent: not waited for.)
      const open = await db.selectFrom('outbox').select('id').where('review_id', '=', reviewId).where('status', '=', 'pending').where('kind', '!=', 'minutes.deadline').execute();
      if (statuses.length === TEAMS.length + 1 + EMAILS.length && statuses.every((s) => s === 'sent') && open.length === 0) break;
      if (Date.now() > until) throw new Error(`not settled: ${JSON.stringify(statuses)}, ${open.length} effects pending`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Both stopped, and every socket of theirs closed: whatever either sent has reached the connector.
    for (const p of processes) await p.kill();
    await harness.connector.idle();
    for (const person of [chair, ...TEAMS]) expect([person.name, personalCards(harness, person).length]).toEqual([person.name, 1]);
    const emails = await emailsIn(mailDir);
    expect(emails.map((e) => e.to).sort()).toEqual([...EMAILS].sort());
    const [doneA, doneB] = processes.map((p) => effectsDone(p.output));
    process.stdout.write(`\nTwo processes on one PostgreSQL, review ${reviewId}: process A performed ${JSON.stringify(doneA)}, process B ${JSON.stringify(doneB)}\n`);
  }, 120_000);
});
