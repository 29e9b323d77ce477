import { Kysely } from 'kysely';
import { chairKeyOf, summariseCase } from '../domain/cases/case-review';
import { caseReferences } from '../domain/review/new-review';
import { Review } from '../domain/review/review';
import { CaseReview } from '../ports/review-store';
import { ReviewDatabase } from './review-database';

/**
 * The case index, kept with every write of a review: one row per review and case (what the
 * timescales count from), and one summary per case (for `due`, set-up's memory and the daily scan).
 */

/** The case index for this review, then the summary of every case it touches (or touched before). */
export async function replaceCases(trx: Kysely<ReviewDatabase>, review: Review): Promise<void> {
  const before = await trx.selectFrom('review_cases').select('case_reference').where('review_id', '=', review.id).execute();
  await trx.deleteFrom('review_cases').where('review_id', '=', review.id).execute();
  const refs = [...new Set(caseReferences(review))];
  await writeCaseIndex(trx, review, refs);
  const touched = [...new Set([...refs, ...before.map((r) => r.case_reference)])];
  if (touched.length === 0) return;
  const reviews = await caseReviewsOf(trx, review.tenantId, touched);
  for (const ref of touched) {
    const summary = summariseCase(reviews.filter((r) => r.caseReference === ref));
    await trx.deleteFrom('cases').where('tenant_id', '=', review.tenantId).where('case_reference', '=', ref).execute();
    if (!summary) continue;
    await trx
      .insertInto('cases')
      .values({
        tenant_id: summary.tenantId,
        case_reference: summary.caseReference,
        pack_id: summary.packId,
        plan_start: summary.planStart,
        lead_worker: summary.leadWorker,
        chair_key: summary.chairKey,
        previous_reviews: summary.previousReviews,
        last_review_date: summary.lastReviewDate,
        open_meeting_date: summary.openMeetingDate,
        open_minutes_due: summary.openMinutesDue,
        closed: summary.closed ? 1 : 0,
      })
      .execute();
  }
}

export async function caseReviewsOf(db: Kysely<ReviewDatabase>, tenantId: string, refs: readonly string[]): Promise<CaseReview[]> {
  if (refs.length === 0) return [];
  const rows = await db
    .selectFrom('review_cases')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_reference', 'in', [...refs])
    .where('meeting_date', 'is not', null)
    .execute();
  return rows.map((r) => ({
    reviewId: r.review_id,
    tenantId: r.tenant_id,
    caseReference: r.case_reference,
    status: r.status as Review['status'],
    meetingDate: r.meeting_date ?? '',
    meetingType: r.meeting_type ?? '',
    packId: r.pack_id ?? '',
    planStart: r.plan_start ?? '',
    leadWorker: r.lead_worker ?? '',
    chairKey: r.chair_key ?? '',
    minutesDue: r.minutes_due,
    outcome: r.outcome,
  }));
}

async function writeCaseIndex(trx: Kysely<ReviewDatabase>, review: Review, refs: readonly string[]): Promise<void> {
  if (refs.length === 0) return;
  const s = review.setUp;
  const facts = {
    review_id: review.id,
    tenant_id: review.tenantId,
    status: review.status,
    meeting_date: s?.meetingDate ?? null,
    meeting_type: s?.meetingType ?? null,
    pack_id: s?.policyPackId ?? null,
    plan_start: s?.planStartDate ?? null,
    lead_worker: s?.leadWorker ?? null,
    chair_key: chairKeyOf(review.chair),
    minutes_due: review.timescales?.minutesDue.date ?? null,
    outcome: review.outcome?.kind ?? null,
  };
  await trx
    .insertInto('review_cases')
    .values(refs.map((case_reference) => ({ ...facts, case_reference })))
    .execute();
}


/** Everything the case index and case summaries are written from. */
export function caseFactsOf(review: Review): string {
  const s = review.setUp;
  return JSON.stringify([
    caseReferences(review),
    review.status,
    s?.meetingDate,
    s?.meetingType,
    s?.policyPackId,
    s?.planStartDate,
    s?.leadWorker,
    chairKeyOf(review.chair),
    review.timescales?.minutesDue.date,
    review.outcome?.kind,
  ]);
}

/** Read with the stored review's schema: an older format is migrated, an unreadable one refused (REVIEW_UNREADABLE), never cast. */
