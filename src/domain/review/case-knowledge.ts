import { PolicyPack, WorkingDayCalendar } from '../timescales';
import { Review, ReviewStatus, SetUp } from './review';
import { CaseHistory } from './review-timescales';

/** One earlier or open review of a case, as the case index holds it. */
export interface PastReview {
  readonly reviewId: string;
  readonly caseReference: string;
  readonly status: ReviewStatus;
  readonly meetingDate: string;
  readonly meetingType: string;
}

/** What the case remembers from its last review: set-up fills what the chair leaves blank from it. */
export interface RememberedCase {
  readonly caseReference: string;
  readonly planStart: string;
  readonly packId: string;
  readonly leadWorker: string;
  readonly previousReviews: number;
}

/**
 * Everything outside the review that a decision needs, loaded by the use case before deciding:
 * the authorities' packs and calendar, and what is known of the cases the press names.
 */
export interface DecisionContext {
  readonly packs: ReadonlyMap<string, PolicyPack>;
  readonly calendar: WorkingDayCalendar;
  readonly pastReviews: readonly PastReview[];
  readonly remembered: readonly RememberedCase[];
  /** The latest signed-off review of any of the cases: its unfinished actions come forward. */
  readonly lastSignedOff?: Review;
}

/** The case's review history before this meeting: signed-off reviews, not counting the initial meeting. */
export function historyOf(reviews: readonly PastReview[], caseReference: string, excludingReviewId: string): CaseHistory {
  const held = reviews.filter(
    (r) => r.caseReference === caseReference && r.reviewId !== excludingReviewId && r.status === 'signed-off' && r.meetingType !== 'initial',
  );
  const lastReviewDate = held.reduce<string | undefined>((latest, r) => (latest === undefined || r.meetingDate > latest ? r.meetingDate : latest), undefined);
  return { previousReviews: held.length, ...(lastReviewDate ? { lastReviewDate } : {}) };
}

/** The history of the case with the most reviews among these, which the review's timescales count from. */
export function longestHistory(reviews: readonly PastReview[], caseReferences: readonly string[], excludingReviewId: string): CaseHistory {
  const histories = caseReferences.map((ref) => historyOf(reviews, ref, excludingReviewId));
  return histories.reduce((most, h) => (h.previousReviews > most.previousReviews ? h : most), histories[0] ?? { previousReviews: 0 });
}

/**
 * Whether the bot holds a meeting of any of these cases that was signed off (the initial meeting
 * too: then it knows no review has been held yet). An open or cancelled review tells it nothing.
 */
export function isKnownCase(reviews: readonly PastReview[], caseReferences: readonly string[], excludingReviewId: string): boolean {
  const refs = new Set(caseReferences);
  return reviews.some((r) => refs.has(r.caseReference) && r.reviewId !== excludingReviewId && r.status === 'signed-off');
}

/**
 * The history this meeting is timed from. The bot's own record wins whenever it holds any of the
 * cases; for a case it has never seen (it began before the bot), the last review the chair recorded
 * at set-up (so at least one review was held); with neither, none: the meeting is the first review.
 */
export function caseHistoryFor(
  reviews: readonly PastReview[],
  caseReferences: readonly string[],
  excludingReviewId: string,
  recorded: Pick<SetUp, 'lastReviewDate'>,
): CaseHistory & { readonly source: NonNullable<CaseHistory['source']> } {
  if (isKnownCase(reviews, caseReferences, excludingReviewId)) {
    return { ...longestHistory(reviews, caseReferences, excludingReviewId), source: 'bot' };
  }
  if (recorded.lastReviewDate !== '') return { previousReviews: 1, lastReviewDate: recorded.lastReviewDate, source: 'chair' };
  return { previousReviews: 0, source: 'none' };
}
