import { Kysely } from 'kysely';
import { chairKeyOf } from '../domain/cases/case-review';
import { Review, TeamsPerson } from '../domain/review/review';
import { storedReviewOf } from '../domain/review/review-schema';
import { samePerson } from '../domain/review/same-person';
import { canonicalEntraId } from '../domain/identity/entra-id';
import { StoredReviewReader } from './stored-review-reader';
import { CaseReview, CaseSummary, CreateResult, ReviewStore, SaveResult } from '../ports/review-store';
import { NewEffect } from '../ports/outbox';
import { queueEffects } from './kysely-outbox';
import { caseFactsOf, caseReviewsOf, replaceCases } from './kysely-case-index';
import { ReviewDatabase } from './review-database';

class Rollback extends Error {
  constructor(readonly result: SaveResult | CreateResult) {
    super(result);
  }
}

/** The review store over SQLite or PostgreSQL: one implementation, Kysely speaks both. */
export class KyselyReviewStore implements ReviewStore {
  constructor(
    private readonly db: Kysely<ReviewDatabase>,
    /** The outbox's own clock (real time), apart from the review's `now`, which tests may set. */
    private readonly queueClock: () => string = () => new Date().toISOString(),
  ) {}

  async findOpen(conversationId: string): Promise<Review | undefined> {
    const row = await this.db
      .selectFrom('reviews')
      .select(['doc', 'shared_card_activity_id'])
      .where('conversation_id', '=', conversationId)
      .where('status', '=', 'in-progress')
      .executeTakeFirst();
    return row ? parse(row) : undefined;
  }

  async get(reviewId: string): Promise<Review | undefined> {
    const row = await this.db.selectFrom('reviews').select(['doc', 'shared_card_activity_id']).where('id', '=', reviewId).executeTakeFirst();
    return row ? parse(row) : undefined;
  }

  async latestFinished(conversationId: string): Promise<Review | undefined> {
    const row = await this.db
      .selectFrom('reviews')
      .select(['doc', 'shared_card_activity_id'])
      .where('conversation_id', '=', conversationId)
      .where('status', '!=', 'in-progress')
      // A finished review changes no more: its last change is when it finished.
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? parse(row) : undefined;
  }

  async appliedBy(activityKey: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('applied_activities')
      .select('review_id')
      .where('activity_key', '=', activityKey)
      .executeTakeFirst();
    return row?.review_id;
  }

  async create(review: Review, activityKey: string, effects: readonly NewEffect[] = []): Promise<CreateResult> {
    return this.inTransaction<CreateResult>('already-open', async (trx) => {
      if (!(await markApplied(trx, activityKey, review))) throw new Rollback('duplicate');
      const open = await trx
        .selectFrom('reviews')
        .select('id')
        .where('conversation_id', '=', review.conversationId)
        .where('status', '=', 'in-progress')
        .executeTakeFirst();
      if (open) throw new Rollback('already-open');
      await trx.insertInto('reviews').values(rowOf(review)).execute();
      await replaceCases(trx, review);
      await queueEffects(trx, effects, this.queueClock());
      return 'created';
    });
  }

  async save(review: Review, expectedVersion: number, activityKey: string | null, effects: readonly NewEffect[] = []): Promise<SaveResult> {
    return this.inTransaction<SaveResult>('conflict', async (trx) => {
      if (activityKey !== null && !(await markApplied(trx, activityKey, review))) throw new Rollback('duplicate');
      const before = await trx.selectFrom('reviews').select('case_facts').where('id', '=', review.id).executeTakeFirst();
      const { id: _id, ...changes } = rowOf(review);
      const result = await trx
        .updateTable('reviews')
        .set(changes)
        .where('id', '=', review.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new Rollback('conflict');
      // Most steps change nothing the case index holds: rewrite it only when they do.
      if (before?.case_facts !== changes.case_facts) await replaceCases(trx, review);
      await queueEffects(trx, effects, this.queueClock());
      return 'saved';
    });
  }

  async recordSharedCard(reviewId: string, activityId: string): Promise<void> {
    await this.db.updateTable('reviews').set({ shared_card_activity_id: activityId }).where('id', '=', reviewId).execute();
  }

  async lastSignedOffForCase(tenantId: string, caseReference: string): Promise<Review | undefined> {
    const row = await this.db
      .selectFrom('reviews')
      .innerJoin('review_cases', 'review_cases.review_id', 'reviews.id')
      .select(['reviews.doc', 'reviews.shared_card_activity_id'])
      .where('review_cases.tenant_id', '=', tenantId)
      .where('review_cases.case_reference', '=', caseReference)
      .where('reviews.status', '=', 'signed-off')
      .orderBy('reviews.signed_off_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? parse(row) : undefined;
  }

  async signedOffChairedBy(filter: { tenantId: string; chair: TeamsPerson; conversationId?: string; limit: number }): Promise<Review[]> {
    // The case index holds each review's chair (one row per case): the reviews are those it names.
    const chaired = this.db
      .selectFrom('review_cases')
      .select('review_id')
      .where('tenant_id', '=', filter.tenantId)
      .where('chair_key', '=', chairKeyOf(filter.chair.aadObjectId ? { ...filter.chair, aadObjectId: canonicalEntraId(filter.chair.aadObjectId) } : filter.chair));
    let query = this.db
      .selectFrom('reviews')
      .select(['doc', 'shared_card_activity_id'])
      .where('id', 'in', chaired)
      .where('tenant_id', '=', filter.tenantId)
      .where('status', '=', 'signed-off');
    if (filter.conversationId !== undefined) query = query.where('conversation_id', '=', filter.conversationId);
    const rows = await query.orderBy('signed_off_at', 'desc').orderBy('id', 'desc').limit(Math.max(0, Math.floor(filter.limit))).execute();
    // The index is kept with each write; the stored review itself has the last word on who chaired it.
    return rows.map(parse).filter((r) => samePerson(r.chair, filter.chair));
  }

  async caseReviews(filter: { tenantId: string; caseReferences: readonly string[] }): Promise<CaseReview[]> {
    return caseReviewsOf(this.db, filter.tenantId, filter.caseReferences);
  }

  async caseSummaries(filter: { tenantId?: string; chairKey?: string; caseReferences?: readonly string[] }): Promise<CaseSummary[]> {
    if (filter.caseReferences?.length === 0) return [];
    let query = this.db.selectFrom('cases').selectAll();
    if (filter.caseReferences !== undefined) query = query.where('case_reference', 'in', [...filter.caseReferences]);
    if (filter.tenantId !== undefined) query = query.where('tenant_id', '=', filter.tenantId);
    if (filter.chairKey !== undefined) query = query.where('chair_key', '=', filter.chairKey);
    const rows = await query.execute();
    const acknowledged = await this.acknowledgementsFor(filter, rows);
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      caseReference: r.case_reference,
      packId: r.pack_id,
      planStart: r.plan_start,
      leadWorker: r.lead_worker,
      chairKey: r.chair_key,
      previousReviews: Number(r.previous_reviews),
      lastReviewDate: r.last_review_date,
      openMeetingDate: r.open_meeting_date,
      openMinutesDue: r.open_minutes_due,
      closed: Number(r.closed) === 1,
      acknowledged: acknowledged.get(`${r.tenant_id}\u0000${r.case_reference}`) ?? [],
    }));
  }

  /** The acknowledgements of the cases read: one query, by tenant (and cases, when few were asked for). */
  private async acknowledgementsFor(
    filter: { tenantId?: string; caseReferences?: readonly string[] },
    rows: ReadonlyArray<{ case_reference: string }>,
  ): Promise<Map<string, Array<{ id: string; due: string }>>> {
    const byCase = new Map<string, Array<{ id: string; due: string }>>();
    if (rows.length === 0) return byCase;
    let query = this.db.selectFrom('alert_acknowledgements').select(['tenant_id', 'case_reference', 'alert_id', 'due']);
    if (filter.tenantId !== undefined) query = query.where('tenant_id', '=', filter.tenantId);
    if (rows.length <= 500) query = query.where('case_reference', 'in', rows.map((r) => r.case_reference));
    for (const a of await query.execute()) {
      const key = `${a.tenant_id}\u0000${a.case_reference}`;
      const list = byCase.get(key) ?? [];
      list.push({ id: a.alert_id, due: a.due });
      byCase.set(key, list);
    }
    return byCase;
  }

  async acknowledgeAlert(tenantId: string, caseReference: string, alert: { id: string; due: string }, by: TeamsPerson, at: string): Promise<void> {
    await this.db
      .insertInto('alert_acknowledgements')
      .values({ tenant_id: tenantId, case_reference: caseReference, alert_id: alert.id, due: alert.due, by_key: chairKeyOf(by), by_name: by.name, at })
      .onConflict((oc) => oc.columns(['tenant_id', 'case_reference', 'alert_id', 'due']).doNothing())
      .execute();
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** Runs `work` in one transaction; a refusal rolls back and is returned; a racing unique insert means `onUnique`. */
  private async inTransaction<T extends SaveResult | CreateResult>(
    onUnique: T,
    work: (trx: Kysely<ReviewDatabase>) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.db.transaction().execute(work);
    } catch (error) {
      if (error instanceof Rollback) return error.result as T;
      if (isUniqueViolation(error)) return onUnique;
      throw error;
    }
  }
}

async function markApplied(trx: Kysely<ReviewDatabase>, activityKey: string, review: Review): Promise<boolean> {
  const result = await trx
    .insertInto('applied_activities')
    .values({ activity_key: activityKey, review_id: review.id, applied_at: review.updatedAt })
    .onConflict((oc) => oc.column('activity_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

function rowOf(review: Review) {
  return {
    id: review.id,
    conversation_id: review.conversationId,
    tenant_id: review.tenantId,
    status: review.status,
    version: review.version,
    updated_at: review.updatedAt,
    signed_off_at: review.signOff?.at ?? null,
    case_facts: caseFactsOf(review),
    doc: JSON.stringify(storedReviewOf({ ...review, sharedCardActivityId: undefined })),
  };
}

const reader = new StoredReviewReader();

function parse(row: { doc: string; shared_card_activity_id: string | null }): Review {
  const review = reader.review(row.doc);
  return row.shared_card_activity_id ? { ...review, sharedCardActivityId: row.shared_card_activity_id } : review;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e.message ?? '');
}
