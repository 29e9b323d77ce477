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
