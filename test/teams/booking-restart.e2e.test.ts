import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { KyselyLocalCalendar } from '../../src/store/kysely-local-calendar';
import { ReviewDatabase, openSqlite } from '../../src/store/review-database';
import { BotUnderTest } from '../support/bot-under-test';
import { BotProcess, freePort } from '../support/bot-process';
import { bookingKeyOf, invitationsIn, slotChoices, walkToNextMeeting } from '../support/booking-walk';
import { actionData, errorsOf } from '../support/card-reader';
import { openAsChair, signOff } from '../support/review-walk';
import { teamsUser } from '../support/teams-activity';

const chair = teamsUser('Sam', 1);
const BOOKING_KINDS = ['booking.request', 'booking.create'];

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a booking retried after the bot is killed is still one event', () => {
  let harness: BotUnderTest;
  let first: BotProcess | undefined;
  let second: BotProcess | undefined;
  let db: Kysely<ReviewDatabase> | undefined;

  beforeAll(async () => {
    harness = new BotUnderTest();
    await harness.connector.start();
    harness.connector.members = [chair, { ...teamsUser('Mum', 2), email: 'mum@example.org' }, { ...teamsUser('Teacher', 3), email: 'teacher@school.example.org' }] as never;
  });
  afterAll(async () => {
    await first?.kill();
    await second?.kill();
    await db?.destroy();
    harness.bot = undefined;
    await harness.stop();
  });

  it('killed after the event and invitations were made but before that was recorded: the second process does it again, making nothing twice', async () => {
    const mailDir = join(harness.directory, 'mail');
    const env = { NODE_ENV: 'development', SQLITE_FILE: harness.sqliteFile, MAIL_DIR: mailDir, LOG_LEVEL: 'error', OUTBOX_LEASE_SECONDS: '2', OUTBOX_CALL_TIMEOUT_SECONDS: '1' };
    first = new BotProcess(env);
    harness.bot = { url: await first.start(await freePort()) } as never;
    await harness.say(chair, 'start review');
    const atNext = await walkToNextMeeting(harness, chair, await openAsChair(harness, chair));
    const slot = slotChoices(atNext.card!)[0]!;
    const minutes = await harness.pressOn(chair, atNext.card!, 'review.continue', { familyPreference: 'in-person', slot: slot.value, venue: 'Bridge Street Family Centre' });
    expect(errorsOf(minutes.card!)).toEqual([]);
    const reviewId = actionData(minutes.card!, 'review.signOff').reviewId as string;
    await signOff(harness, chair, minutes.card!);

    db = openSqlite(harness.sqliteFile);
    const calendar = new KyselyLocalCalendar(db);
    const key = bookingKeyOf(reviewId);
    await until('the event and its three invitations', async () => (await calendar.countFor(key)) === 1 && (await invitationsIn(mailDir)).length === 3);
    await first.kill();

    // As if the process had died after doing the work but before recording it done: pending again.
    const reset = await db
      .updateTable('outbox')
      .set({ status: 'pending', done_at: null, lease_owner: null, lease_until: null, not_before: '2000-01-01T00:00:00.000Z' })
      .where('kind', 'in', BOOKING_KINDS)
      .where('review_id', '=', reviewId)
      .executeTakeFirst();
    expect(Number(reset.numUpdatedRows)).toBe(2);
    const written = new Map((await invitationsIn(mailDir)).map((i) => [i.file, readFileSync(join(mailDir, i.file))]));

    second = new BotProcess(env);
    harness.bot = { url: await second.start(await freePort()) } as never;
    await until('the second process to do the booking effects again', async () => {
      const rows = await db!.selectFrom('outbox').select(['status']).where('kind', 'in', BOOKING_KINDS).where('review_id', '=', reviewId).execute();
      return rows.length === 2 && rows.every((r) => r.status === 'done');
    });

    expect(await calendar.countFor(key)).toBe(1);
    const invitations = await invitationsIn(mailDir);
    expect(invitations.map((i) => i.to).sort()).toEqual(['kofi@example.org', 'mum@example.org', 'teacher@school.example.org']);
    // Each invitation was written once: the files are as the first process left them.
    for (const i of invitations) expect(readFileSync(join(mailDir, i.file)).equals(written.get(i.file)!)).toBe(true);
    const bookings = await db.selectFrom('bookings').select(['booking_key', 'status', 'start_at']).where('review_id', '=', reviewId).execute();
    expect(bookings).toEqual([{ booking_key: key, status: 'booked', start_at: slot.value }]);
  });
});
