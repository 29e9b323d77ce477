import { ReviewStatus } from '../review/review';

/** One review of one case, as the case index holds it: enough for timescales without the whole record. */
export interface CaseReview {
  readonly reviewId: string;
  readonly tenantId: string;
  readonly caseReference: string;
  readonly status: ReviewStatus;
  readonly meetingDate: string;
  readonly meetingType: string;
  readonly packId: string;
  readonly planStart: string;
  readonly leadWorker: string;
  /** The chair's Entra id, or Teams id when Teams gave none. */
  readonly chairKey: string;
  readonly minutesDue: string | null;
  readonly outcome: string | null;
}

/** How the case index names a chair: the Entra id, or the Teams id when Teams gave none. */
export function chairKeyOf(person: { readonly aadObjectId?: string; readonly teamsUserId: string }): string {
  return person.aadObjectId ?? person.teamsUserId;
}

/** A case as the daily scan and `due` see it: its latest facts and its review history, one row a case. */
export interface CaseSummary {
  readonly tenantId: string;
  readonly caseReference: string;
  readonly packId: string;
  readonly planStart: string;
  readonly leadWorker: string;
  /** Who chaired the latest meeting. */
  readonly chairKey: string;
  /** Reviews (not the initial meeting) signed off, and the date of the last one. */
  readonly previousReviews: number;
  readonly lastReviewDate: string | null;
  /** A meeting in progress: its date and when its minutes are due. */
  readonly openMeetingDate: string | null;
  readonly openMinutesDue: string | null;
  /** Signed off with the outcome "close": nothing more is due. */
  readonly closed: boolean;
  /** Alerts someone has recorded acting on (by alert id and the due date they were for): not raised again. */
  readonly acknowledged: ReadonlyArray<{ readonly id: string; readonly due: string }>;
}

/** Sums up a case from all its reviews; undefined when no review of it has reached set-up. */
export function summariseCase(reviews: readonly CaseReview[]): CaseSummary | undefined {
  const live = reviews.filter((r) => r.status !== 'cancelled' && r.meetingDate !== '');
  const latest = [...live].sort((a, b) => b.meetingDate.localeCompare(a.meetingDate) || (a.status === 'in-progress' ? -1 : 1))[0];
  if (!latest) return undefined;
  const held = live.filter((r) => r.status === 'signed-off' && r.meetingType !== 'initial');
  const lastReviewDate = held.reduce<string | null>((last, r) => (last === null || r.meetingDate > last ? r.meetingDate : last), null);
  const open = live.find((r) => r.status === 'in-progress');
  return {
    tenantId: latest.tenantId,
    caseReference: latest.caseReference,
    packId: latest.packId,
    planStart: latest.planStart,
    leadWorker: latest.leadWorker,
    chairKey: latest.chairKey,
    previousReviews: held.length,
    lastReviewDate,
    openMeetingDate: open?.meetingDate ?? null,
    openMinutesDue: open?.minutesDue ?? null,
    closed: latest.status === 'signed-off' && latest.outcome === 'close',
    acknowledged: [],
  };
}
