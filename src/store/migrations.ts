import { Kysely, Migration, MigrationProvider, Migrator, sql } from 'kysely';

/** Schema history, oldest first. Never edit a released migration: add the next one. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-reviews': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('signed_off_at', 'text')
        .addColumn('shared_card_activity_id', 'text')
        .addColumn('doc', 'text', (c) => c.notNull())
        .execute();
      // At most one review in progress per conversation: a second `start review` cannot race in.
      await sql`CREATE UNIQUE INDEX reviews_one_open_per_conversation ON reviews (conversation_id) WHERE status = 'in-progress'`.execute(db);
      await db.schema
        .createTable('review_cases')
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('case_reference', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('review_cases_pk', ['review_id', 'case_reference'])
        .execute();
      await db.schema.createIndex('review_cases_by_case').on('review_cases').columns(['tenant_id', 'case_reference']).execute();
      await db.schema
        .createTable('applied_activities')
        .addColumn('activity_key', 'text', (c) => c.primaryKey())
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002-case-index': {
    // review_cases becomes the index of cases: what the timescales and the `due` list need, per review.
    async up(db: Kysely<unknown>) {
      for (const column of ['status', 'meeting_date', 'meeting_type', 'pack_id', 'plan_start', 'lead_worker', 'chair_key', 'minutes_due', 'outcome']) {
        await db.schema.alterTable('review_cases').addColumn(column, 'text').execute();
      }
      await db.schema.createIndex('review_cases_by_chair').on('review_cases').columns(['tenant_id', 'chair_key']).execute();
    },
  },
  '0003-case-summaries': {
    // One row a case, kept with every write, so the daily scan reads each case once.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cases')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('case_reference', 'text', (c) => c.notNull())
        .addColumn('pack_id', 'text', (c) => c.notNull())
        .addColumn('plan_start', 'text', (c) => c.notNull())
        .addColumn('lead_worker', 'text', (c) => c.notNull())
        .addColumn('chair_key', 'text', (c) => c.notNull())
        .addColumn('previous_reviews', 'integer', (c) => c.notNull())
        .addColumn('last_review_date', 'text')
        .addColumn('open_meeting_date', 'text')
        .addColumn('open_minutes_due', 'text')
        .addColumn('closed', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('cases_pk', ['tenant_id', 'case_reference'])
        .execute();
      await db.schema.createIndex('cases_by_chair').on('cases').columns(['tenant_id', 'chair_key']).execute();
    },
  },
  '0004-case-facts': {
    // What the case index was last written from, so a save that does not change it skips the rewrite.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('reviews').addColumn('case_facts', 'text').execute();
    },
  },
  '0005-alert-acknowledgements': {
    // Who recorded acting on a drift alert, and when: an acknowledged alert is not raised again.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('alert_acknowledgements')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('case_reference', 'text', (c) => c.notNull())
        .addColumn('alert_id', 'text', (c) => c.notNull())
        .addColumn('due', 'text', (c) => c.notNull())
        .addColumn('by_key', 'text', (c) => c.notNull())
        .addColumn('by_name', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('alert_acknowledgements_pk', ['tenant_id', 'case_reference', 'alert_id', 'due'])
        .execute();
    },
  },
  '0006-outbox-and-addresses': {
    // Effects performed outside the turn (stored with the change that caused them), and where chats and
    // people are, so the bot can write to them later.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('effect_key', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // The order of effects queued in one transaction (they share created_at).
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('not_before', 'text', (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('done_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema.createIndex('outbox_pending').on('outbox').columns(['status', 'not_before']).execute();
      await db.schema.createIndex('outbox_by_review').on('outbox').columns(['review_id', 'created_at']).execute();
      await db.schema
        .createTable('chat_addresses')
        .addColumn('conversation_id', 'text', (c) => c.primaryKey())
        .addColumn('service_url', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('bot_id', 'text', (c) => c.notNull())
        .addColumn('bot_name', 'text', (c) => c.notNull())
        .addColumn('conversation_type', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('teams_users')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('aad_object_id', 'text', (c) => c.notNull())
        .addColumn('teams_user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('service_url', 'text', (c) => c.notNull())
        .addColumn('personal_conversation_id', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('teams_users_pk', ['tenant_id', 'aad_object_id'])
        .execute();
    },
  },
  '0007-bookings': {
    // The next review booked in a calendar, with the cases it books, and the embedded default's own
    // calendar (used when no Graph is configured).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('bookings')
        .addColumn('booking_key', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('organiser_email', 'text', (c) => c.notNull())
        .addColumn('start_at', 'text', (c) => c.notNull())
        .addColumn('end_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('sequence', 'integer', (c) => c.notNull())
        // What the people decided (attendees, venue, ...), as JSON; what the calendar answered is apart.
        .addColumn('doc', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text')
        .addColumn('join_url', 'text')
        .addColumn('join_url_missing', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('calendar_sequence', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('bookings_by_organiser').on('bookings').columns(['tenant_id', 'organiser_email', 'start_at']).execute();
      await db.schema.createIndex('bookings_by_review').on('bookings').columns(['review_id']).execute();
      await db.schema
        .createTable('booking_cases')
        .addColumn('booking_key', 'text', (c) => c.notNull().references('bookings.booking_key').onDelete('cascade'))
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('case_reference', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('booking_cases_pk', ['booking_key', 'case_reference'])
        .execute();
      await db.schema.createIndex('booking_cases_by_case').on('booking_cases').columns(['tenant_id', 'case_reference']).execute();
      await db.schema
        .createTable('local_calendar_events')
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('booking_key', 'text', (c) => c.notNull().unique())
        .addColumn('organiser_email', 'text', (c) => c.notNull())
        .addColumn('start_at', 'text', (c) => c.notNull())
        .addColumn('end_at', 'text', (c) => c.notNull())
        .addColumn('cancelled', 'integer', (c) => c.notNull())
        .addColumn('cancel_comment', 'text')
        .addColumn('doc', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('local_calendar_events_by_organiser').on('local_calendar_events').columns(['organiser_email', 'start_at']).execute();
    },
  },
  '0008-minutes-deliveries': {
    // One record per recipient of signed-off minutes: channel, version, status, attempts, last error, when sent.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('minutes_deliveries')
        .addColumn('delivery_key', 'text', (c) => c.primaryKey())
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('attendee_key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        // The order of deliveries queued in one transaction (they share created_at).
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('minutes_deliveries_by_review').on('minutes_deliveries').columns(['review_id', 'created_at']).execute();
    },
  },
  '0009-minutes-reports': {
    // The one line each meeting chat is told ("Minutes sent to 7 of 8 attendees"): the message to update.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('minutes_reports')
        .addColumn('review_id', 'text', (c) => c.primaryKey())
        .addColumn('activity_id', 'text', (c) => c.notNull())
        // The line it shows now: an unchanged line is not sent again.
        .addColumn('line', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date. `schema`: a PostgreSQL schema other than the search path's first. */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
