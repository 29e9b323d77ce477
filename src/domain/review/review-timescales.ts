import {
  PolicyPack,
  ReviewHistory,
  TimescaleInputError,
  WorkingDayCalendar,
  checkChairEligibility,
  checkProposedDate,
  formatCalendarDate,
  minutesDueDate,
  nextReviewWindow,
  planWeek,
} from '../timescales';
import { HistorySource, Review, SetUp, TimescaleRecord } from './review';
import type { FieldErrors } from './step-forms';

/** What is known of a case before this meeting: the reviews signed off so far. */
export interface CaseHistory {
  readonly previousReviews: number;
  readonly lastReviewDate?: string;
  /** Whose record it is: the bot's (the default), the chair's at set-up, or none known. */
  readonly source?: HistorySource;
}

/** Reviews, not the initial meeting that agrees the plan, count towards the review history. */
function reviewsBefore(history: CaseHistory): ReviewHistory['reviewCount'] {
  return history.previousReviews;
}

/**
 * The timescales of this meeting by the case's policy pack: plan week, when the minutes are due,
 * whether this meeting and its chair meet the procedure, and the window for the next review.
 */
export function assessTimescales(setUp: SetUp, pack: PolicyPack, calendar: WorkingDayCalendar, history: CaseHistory): TimescaleRecord {
  const { meetingDate, planStartDate: planStart, meetingType } = setUp;
  const minutes = minutesDueDate(pack, meetingDate, calendar, meetingType);
  const chair = checkChairEligibility(pack, meetingType, setUp.chairRole, planStart, meetingDate, {
    leadWorker: setUp.leadWorker,
    reviewNumber: reviewsBefore(history) + 1,
    ...(setUp.caseOpenedDate ? { caseOpened: setUp.caseOpenedDate } : {}),
  });
  const thisMeeting = meetingType === 'initial' ? null : windowCheck(pack, calendar, { planStart, reviewCount: reviewsBefore(history), ...last(history) }, meetingDate);
  const afterThis: ReviewHistory =
    meetingType === 'initial'
      ? { planStart, reviewCount: 0 }
      : { planStart, reviewCount: reviewsBefore(history) + 1, lastReviewDate: meetingDate };
  let nextReview: TimescaleRecord['nextReview'] = null;
  let nextReviewNote = '';
  if (meetingType !== 'final') {
    try {
      const w = nextReviewWindow(pack, afterThis, calendar);
      nextReview = { earliest: w.earliest, latest: w.latest, target: w.target, explanation: w.explanation };
    } catch (error) {
      if (!(error instanceof TimescaleInputError)) throw error;
      nextReviewNote = error.message;
    }
  }
  return {
    packId: pack.id,
    authority: pack.authority,
    planWeek: planWeek(pack, planStart, meetingDate).label,
    minutesDue: { date: minutes.due, explanation: minutes.explanation },
    nextReview,
    nextReviewNote,
    chair: { ok: chair.ok, message: chair.message },
    meetingDate: thisMeeting,
    previousReviews: history.previousReviews,
    historyFrom: history.source ?? 'bot',
  };
}

function last(history: CaseHistory): { lastReviewDate?: string } {
  return history.lastReviewDate ? { lastReviewDate: history.lastReviewDate } : {};
}

function windowCheck(pack: PolicyPack, calendar: WorkingDayCalendar, history: ReviewHistory, date: string) {
  try {
    const verdict = checkProposedDate(nextReviewWindow(pack, history, calendar), date);
    return { ok: verdict.ok, message: verdict.message };
  } catch (error) {
    if (!(error instanceof TimescaleInputError)) throw error;
    return { ok: false, message: error.message };
  }
}

/** Whether a proposed next meeting falls in the window the procedure sets. */
export function judgeProposedDate(record: TimescaleRecord | undefined, proposedDate: string): { ok: boolean; message: string } | null {
  const w = record?.nextReview;
  if (!w) return null;
  if (proposedDate < w.earliest) {
    return { ok: false, message: `${formatCalendarDate(proposedDate)} is before the earliest date for the next review (${formatCalendarDate(w.earliest)}). ${w.explanation}` };
  }
  if (proposedDate > w.latest) {
    return { ok: false, message: `${formatCalendarDate(proposedDate)} is after the latest date for the next review (${formatCalendarDate(w.latest)}). ${w.explanation}` };
  }
  return { ok: true, message: `Inside the window for the next review (${formatCalendarDate(w.earliest)} to ${formatCalendarDate(w.latest)}).` };
}

/** With no earlier review known, a meeting is judged as the first: a case that began before the bot need not be. */
export function firstReviewHint(t: TimescaleRecord, setUp: SetUp): string {
  if (t.historyFrom !== 'none' || setUp.meetingType === 'initial') return '';
  return ` If this case had a CIN review before this one, enter its date under "${HISTORY_SECTION}" instead: the timescales then count from it.`;
}

/** The set-up section where the chair records the history of a case the bot has not seen. */
export const HISTORY_SECTION = 'A case new to the bot';

/**
 * A rule not met is never silently accepted: a chair the procedure does not name, a meeting outside
 * its window, or a next date outside the next window needs the reason, recorded with the decision.
 */
export function missingReasons(review: Review): FieldErrors {
  const errors: Record<string, string> = {};
  const t = review.timescales;
  const setUp = review.setUp;
  if (t && setUp && setUp.timescaleReason === '') {
    const problems = [t.chair, t.meetingDate].filter((v) => v !== null && !v.ok).map((v) => v!.message);
    if (problems.length > 0) errors.timescaleReason = `Record the reason: ${problems.join(' ')}${firstReviewHint(t, setUp)}`;
  }
  const next = review.nextMeeting;
  if (next?.dateVerdict && !next.dateVerdict.ok && next.dateReason === '') {
    errors.dateReason = `Record the reason: ${next.dateVerdict.message}`;
  }
  return errors;
}
