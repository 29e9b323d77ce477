import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Pool } from 'pg';

export interface ReviewsTable {
  id: string;
  conversation_id: string;
  tenant_id: string;
  status: string;
  version: number;
  updated_at: string;
  signed_off_at: string | null;
  shared_card_activity_id: string | null;
  case_facts: string | null;
  doc: string;
}

export interface ReviewCasesTable {
  review_id: string;
  tenant_id: string;
  case_reference: string;
  status: string | null;
  meeting_date: string | null;
  meeting_type: string | null;
  pack_id: string | null;
  plan_start: string | null;
  lead_worker: string | null;
  chair_key: string | null;
  minutes_due: string | null;
  outcome: string | null;
}

export interface CasesTable {
  tenant_id: string;
  case_reference: string;
  pack_id: string;
  plan_start: string;
  lead_worker: string;
  chair_key: string;
  previous_reviews: number;
  last_review_date: string | null;
  open_meeting_date: string | null;
  open_minutes_due: string | null;
  closed: number;
}

export interface AlertAcknowledgementsTable {
  tenant_id: string;
  case_reference: string;
  alert_id: string;
  due: string;
  by_key: string;
  by_name: string;
  at: string;
}

export interface AppliedActivitiesTable {
  activity_key: string;
  review_id: string;
  applied_at: string;
}

export interface OutboxTable {
  id: string;
  effect_key: string;
  kind: string;
  review_id: string;
  conversation_id: string;
  payload: string;
  status: string;
  attempts: number;
  created_at: string;
  seq: number;
  not_before: string;
  lease_owner: string | null;
  lease_until: string | null;
  done_at: string | null;
  last_error: string | null;
}

export interface ChatAddressesTable {
  conversation_id: string;
  service_url: string;
  tenant_id: string;
  bot_id: string;
  bot_name: string;
  conversation_type: string;
  updated_at: string;
}

export interface TeamsUsersTable {
  tenant_id: string;
  aad_object_id: string;
  teams_user_id: string;
  name: string;
  service_url: string;
  personal_conversation_id: string | null;
  updated_at: string;
}

export interface BookingsTable {
  booking_key: string;
  tenant_id: string;
  review_id: string;
  organiser_email: string;
  start_at: string;
  end_at: string;
  status: string;
  sequence: number;
  doc: string;
  event_id: string | null;
  join_url: string | null;
  join_url_missing: number;
  calendar_sequence: number | null;
  updated_at: string;
}

export interface BookingCasesTable {
  booking_key: string;
  tenant_id: string;
  case_reference: string;
}

export interface LocalCalendarEventsTable {
  event_id: string;
  booking_key: string;
  organiser_email: string;
  start_at: string;
  end_at: string;
  cancelled: number;
  cancel_comment: string | null;
  doc: string;
  created_at: string;
  updated_at: string;
}

export interface ReviewDatabase {
  bookings: BookingsTable;
  booking_cases: BookingCasesTable;
  local_calendar_events: LocalCalendarEventsTable;
  outbox: OutboxTable;
  chat_addresses: ChatAddressesTable;
  teams_users: TeamsUsersTable;
  reviews: ReviewsTable;
  review_cases: ReviewCasesTable;
  applied_activities: AppliedActivitiesTable;
  cases: CasesTable;
  alert_acknowledgements: AlertAcknowledgementsTable;
}

/** The embedded default: one SQLite file, write-ahead log, every commit synced to disk. */
export function openSqlite(file: string): Kysely<ReviewDatabase> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return new Kysely<ReviewDatabase>({ dialect: new SqliteDialect({ database: withPreparedStatements(database) }) });
}

/**
 * Kysely's SQLite driver prepares every statement afresh (about 5% of the bot's time under load);
 * the same SQL text is prepared once and kept. Safe because each use runs to its end before the next
 * (Kysely runs one query at a time on a connection); a statement still being iterated is not reused.
 */
function withPreparedStatements(database: Database.Database, capacity = 256): { prepare(sql: string): Database.Statement; close(): void } {
  const prepared = new Map<string, Database.Statement>();
  return {
    prepare(sql: string) {
      const known = prepared.get(sql);
      if (known && !known.busy) return known;
      const statement = database.prepare(sql);
      if (prepared.size >= capacity) prepared.delete(prepared.keys().next().value as string);
      prepared.set(sql, statement);
      return statement;
    },
    close: () => database.close(),
  };
}

export function openPostgres(connectionString: string): Kysely<ReviewDatabase> {
  return new Kysely<ReviewDatabase>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString, max: 10 }) }) });
}
