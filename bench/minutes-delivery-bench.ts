import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AttendeeRole } from '../src/domain/review/review';
import { confirmSignOff, MeetingPerson, walkMeeting } from '../test/support/delivery-walk';
import { teamsUser } from '../test/support/teams-activity';
import { botInItsOwnProcess, stop } from './card-action-bench';

export interface DeliveryFigures {
  readonly runs: number;
  readonly recipients: { readonly teams: number; readonly email: number };
  readonly p50: number;
  readonly p99: number;
}

const TEAMS_ROLES: readonly AttendeeRole[] = ['parent-carer', 'school-nursery', 'health', 'gp', 'police', 'social-care', 'family-network', 'other', 'health', 'school-nursery', 'social-care'];
const EMAIL_ROLES: readonly AttendeeRole[] = ['parent-carer', 'family-network', 'gp', 'police', 'health', 'school-nursery', 'other', 'family-network'];

/** Meeting r of the bench: the chair and 11 others in the chat (Teams), 8 known only by email: 20 attendees. */
function meetingOf(run: number) {
  const n = (k: number) => 1000 * (run + 1) + k;
  const chair = teamsUser('Chair', n(0));
  const people: MeetingPerson[] = [
    ...TEAMS_ROLES.map((role, i): MeetingPerson => ({ name: `Member${i + 1}`, role, teams: teamsUser(`Member${i + 1}`, n(i + 1)) })),
    ...EMAIL_ROLES.map((role, i): MeetingPerson => ({ name: `Guest${i + 1} Person`, role, email: `guest${i + 1}.run${run}@example.org` })),
  ];
  return { chair, people };
}

/**
 * A 20-attendee review is walked to its minutes through HTTP (not timed), then the chair confirms
 * sign-off: timed from that press until the last of its 20 deliveries is recorded sent (12 cards into
 * 1:1 chats through the local connector, each chat started first; 8 tagged PDFs as .eml files in the
 * mail folder). The bot runs in its own process, as `npm start` runs it.
 */
export async function benchMinutesDelivery(runs = 10): Promise<DeliveryFigures> {
  const mailDir = mkdtempSync(join(tmpdir(), 'cin-bench-mail-'));
  const { harness, bot } = await botInItsOwnProcess('src/main.ts', { MAIL_DIR: mailDir });
  const db = () => new Database(harness.sqliteFile, { readonly: true, fileMustExist: true });
  const times: number[] = [];
  try {
    for (let run = -1; run < runs; run++) {
      // Run -1 warms up (first PDF, first 1:1 chats): not measured.
      harness.conversationId = `19:meeting_delivery_${run + 1}@thread.v2`;
      const meeting = meetingOf(run + 1);
      const { reviewId, minutesCard } = await walkMeeting(harness, meeting);
      const pressed = Date.now();
      await confirmSignOff(harness, meeting.chair, minutesCard);
      const last = await lastSent(db, reviewId, meeting.people.length + 1);
      if (run >= 0) times.push(last - pressed);
    }
  } finally {
    await stop(harness, bot);
    rmSync(mailDir, { recursive: true, force: true });
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { runs, recipients: { teams: 12, email: 8 }, p50: at(0.5), p99: at(0.99) };
}

/** Waits until every delivery of the review is recorded sent; the time of the last, as the bot recorded it. */
async function lastSent(open: () => Database.Database, reviewId: string, recipients: number): Promise<number> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const db = open();
    try {
      const rows = db.prepare(`SELECT status, sent_at FROM minutes_deliveries WHERE review_id = ?`).all(reviewId) as Array<{ status: string; sent_at: string | null }>;
      if (rows.length === recipients && rows.every((r) => r.status === 'sent')) return Math.max(...rows.map((r) => Date.parse(r.sent_at!)));
      if (rows.some((r) => r.status === 'failed' || r.status === 'needs-chair')) throw new Error(`a delivery did not go: ${JSON.stringify(rows)}`);
    } finally {
      db.close();
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the minutes were not all delivered within 120 s');
}
