import { Kysely } from 'kysely';
import { DeliveryOutcome, DeliveryStore, MinutesDelivery, NewDelivery, ReportMessage, UnsentMinutes } from '../ports/delivery-store';
import { NewEffect } from '../ports/outbox';
import { queueEffects } from './kysely-outbox';
import { ReviewDatabase } from './review-database';

/** The table migration 0008 makes. */
export interface MinutesDeliveriesTable {
  delivery_key: string;
  review_id: string;
  attendee_key: string;
  name: string;
  channel: string;
  version: string;
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  seq: number;
  updated_at: string;
}

/** The table migration 0009 makes. */
export interface MinutesReportsTable {
  review_id: string;
  activity_id: string;
  line: string;
  updated_at: string;
}

type DeliveryDatabase = ReviewDatabase & { minutes_deliveries: MinutesDeliveriesTable; minutes_reports: MinutesReportsTable };

/** Delivery records over SQLite or PostgreSQL, queued in one transaction with their outbox effects. */
export class KyselyDeliveryStore implements DeliveryStore {
  private readonly db: Kysely<DeliveryDatabase>;

  constructor(db: Kysely<ReviewDatabase>) {
    this.db = db.withTables<{ minutes_deliveries: MinutesDeliveriesTable; minutes_reports: MinutesReportsTable }>() as Kysely<DeliveryDatabase>;
  }

  async queue(deliveries: readonly NewDelivery[], effects: readonly NewEffect[], now: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const [seq, d] of deliveries.entries()) {
        await trx
          .insertInto('minutes_deliveries')
          .values({
            delivery_key: d.deliveryKey,
            review_id: d.reviewId,
            attendee_key: d.attendeeKey,
            name: d.name,
            channel: d.channel,
            version: d.version,
            status: d.status,
            attempts: 0,
            last_error: d.status === 'needs-chair' ? (d.reason ?? null) : null,
            sent_at: null,
            created_at: now,
            seq,
            updated_at: now,
          })
          .onConflict((oc) => oc.column('delivery_key').doNothing())
          .execute();
      }
      await queueEffects(trx as unknown as Kysely<ReviewDatabase>, effects, now);
    });
  }

  async record(deliveryKey: string, outcome: DeliveryOutcome, now: string, effects: readonly NewEffect[] = []): Promise<boolean> {
    if (effects.length === 0) return this.recordIn(this.db, deliveryKey, outcome, now);
    return this.db.transaction().execute(async (trx) => {
      const recorded = await this.recordIn(trx, deliveryKey, outcome, now);
      if (recorded) await queueEffects(trx as unknown as Kysely<ReviewDatabase>, effects, now);
      return recorded;
    });
  }

  async unsentOfChair(tenantId: string, chairKey: string): Promise<UnsentMinutes[]> {
    const rows = await this.db
      .selectFrom('minutes_deliveries as d')
      .innerJoin('review_cases as c', 'c.review_id', 'd.review_id')
      .select(['d.review_id', 'd.delivery_key', 'd.status', 'c.case_reference', 'c.meeting_date', 'c.minutes_due'])
      .where('c.tenant_id', '=', tenantId)
      .where('c.chair_key', '=', chairKey)
      .where('d.review_id', 'in', (eb) => eb.selectFrom('minutes_deliveries').select('review_id').where('status', '<>', 'sent'))
      .execute();
    const byReview = new Map<string, { refs: Set<string>; meetingDate: string | null; minutesDue: string | null; statuses: Map<string, string> }>();
    for (const r of rows) {
      const entry = byReview.get(r.review_id) ?? { refs: new Set<string>(), meetingDate: r.meeting_date, minutesDue: r.minutes_due, statuses: new Map<string, string>() };
      entry.refs.add(r.case_reference);
      entry.statuses.set(r.delivery_key, r.status);
      byReview.set(r.review_id, entry);
    }
    return [...byReview.entries()].map(([reviewId, e]) => {
      const statuses = [...e.statuses.values()];
      return {
        reviewId,
        caseReferences: [...e.refs].sort(),
        meetingDate: e.meetingDate,
        minutesDue: e.minutesDue,
        total: statuses.length,
        unsent: statuses.filter((s) => s !== 'sent').length,
        stuck: statuses.filter((s) => s === 'failed' || s === 'needs-chair').length,
      };
    });
  }

  async reportMessage(reviewId: string): Promise<ReportMessage | undefined> {
    const row = await this.db.selectFrom('minutes_reports').select(['activity_id', 'line']).where('review_id', '=', reviewId).executeTakeFirst();
    return row ? { activityId: row.activity_id, line: row.line } : undefined;
  }

  async recordReportMessage(reviewId: string, message: ReportMessage, now: string): Promise<void> {
    await this.db
      .insertInto('minutes_reports')
      .values({ review_id: reviewId, activity_id: message.activityId, line: message.line, updated_at: now })
      .onConflict((oc) => oc.column('review_id').doUpdateSet({ activity_id: message.activityId, line: message.line, updated_at: now }))
      .execute();
  }

  private async recordIn(db: Kysely<DeliveryDatabase>, deliveryKey: string, outcome: DeliveryOutcome, now: string): Promise<boolean> {
    const result = await db
      .updateTable('minutes_deliveries')
      .set((eb) => ({
        status: outcome.status,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
        ...(outcome.status === 'sent' ? { channel: outcome.channel, sent_at: now, last_error: null } : { last_error: outcome.error.slice(0, 500) }),
        ...(outcome.status === 'queued' ? { channel: outcome.channel } : {}),
      }))
      .where('delivery_key', '=', deliveryKey)
      .where('status', '<>', 'sent')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async get(deliveryKey: string): Promise<MinutesDelivery | undefined> {
    const row = await this.db.selectFrom('minutes_deliveries').selectAll().where('delivery_key', '=', deliveryKey).executeTakeFirst();
    return row ? deliveryOf(row) : undefined;
  }

  async ofReview(reviewId: string): Promise<MinutesDelivery[]> {
    const rows = await this.db.selectFrom('minutes_deliveries').selectAll().where('review_id', '=', reviewId).orderBy('created_at').orderBy('seq').execute();
    return rows.map(deliveryOf);
  }
}

function deliveryOf(row: MinutesDeliveriesTable): MinutesDelivery {
  return {
    deliveryKey: row.delivery_key,
    reviewId: row.review_id,
    attendeeKey: row.attendee_key,
    name: row.name,
    channel: row.channel as MinutesDelivery['channel'],
    version: row.version as MinutesDelivery['version'],
    status: row.status as MinutesDelivery['status'],
    attempts: Number(row.attempts),
    lastError: row.last_error,
    sentAt: row.sent_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
