import { CaseHistory } from '../review/review-timescales';
import {
  LeadWorker,
  PolicyPack,
  TimescaleInputError,
  WorkingDayCalendar,
  daysBetween,
  driftAlerts,
  formatCalendarDate,
  nextReviewWindow,
} from '../timescales';
import { CaseReview } from './case-review';

/** The reviews signed off for a case before this one: what its next window counts from. */
export function historyOf(reviews: readonly CaseReview[], caseReference: string, excludingReviewId: string): CaseHistory {
  const held = reviews.filter(
    (r) => r.caseReference === caseReference && r.reviewId !== excludingReviewId && r.status === 'signed-off' && r.meetingType !== 'initial',
  );
  const lastReviewDate = held.reduce<string | undefined>((latest, r) => (latest === undefined || r.meetingDate > latest ? r.meetingDate : latest), undefined);
  return { previousReviews: held.length, ...(lastReviewDate ? { lastReviewDate } : {}) };
}

export type DueKind = 'minutes-outstanding' | 'review-overdue' | 'review-due' | 'checkpoint' | 'review-frequency-not-agreed';

export interface DueItem {
  readonly caseReference: string;
  readonly kind: DueKind;
  readonly due: string;
  /** Days past due (negative: days left). */
  readonly daysOverdue: number;
  readonly message: string;
}

/**
 * What is due or overdue across cases on `today`, most urgent first: minutes not signed off,
 * reviews due or overdue, and drift checkpoints reached. Closed and cancelled-only cases drop out.
 */
export function dueItems(
  reviews: readonly CaseReview[],
  packs: ReadonlyMap<string, PolicyPack>,
  calendar: WorkingDayCalendar,
  today: string,
): DueItem[] {
  const items: DueItem[] = [];
  for (const caseReviews of byCase(reviews).values()) items.push(...dueForCase(caseReviews, packs, calendar, today));
  return items.sort((a, b) => b.daysOverdue - a.daysOverdue || a.due.localeCompare(b.due) || a.caseReference.localeCompare(b.caseReference));
}

function byCase(reviews: readonly CaseReview[]): Map<string, CaseReview[]> {
  const cases = new Map<string, CaseReview[]>();
  for (const r of reviews) {
    const key = `${r.tenantId}\u0000${r.caseReference}`;
    const list = cases.get(key);
    if (list) list.push(r);
    else cases.set(key, [r]);
  }
  return cases;
}

function dueForCase(reviews: CaseReview[], packs: ReadonlyMap<string, PolicyPack>, calendar: WorkingDayCalendar, today: string): DueItem[] {
  const latest = reviews.filter((r) => r.status !== 'cancelled').sort((a, b) => b.meetingDate.localeCompare(a.meetingDate))[0];
  if (!latest || (latest.status === 'signed-off' && latest.outcome === 'close')) return [];
  const pack = packs.get(latest.packId);
  if (!pack) return [];
  const ref = latest.caseReference;
  const days = (due: string) => daysBetween(due, today);
  const items: DueItem[] = [];
  const open = reviews.find((r) => r.status === 'in-progress');
  if (open?.minutesDue && open.meetingDate <= today) {
    items.push({
      caseReference: ref,
      kind: 'minutes-outstanding',
      due: open.minutesDue,
      daysOverdue: days(open.minutesDue),
      message: `Minutes of the ${formatCalendarDate(open.meetingDate)} meeting are due by ${formatCalendarDate(open.minutesDue)} and are not signed off.`,
    });
  }
  const history = historyOf(reviews, ref, '');
  const facts = { planStart: latest.planStart, reviewCount: history.previousReviews, ...(history.lastReviewDate ? { lastReviewDate: history.lastReviewDate } : {}), ...leadWorker(latest) };
  for (const alert of driftAlerts(pack, facts, today, calendar)) {
    if (alert.kind === 'review-overdue' && open) continue; // the review is being held
    items.push({ caseReference: ref, kind: alert.kind, due: alert.due, daysOverdue: alert.daysOverdue, message: alert.message });
  }
  if (!open && !items.some((i) => i.kind === 'review-overdue')) {
    try {
      const window = nextReviewWindow(pack, facts, calendar);
      if (today >= window.earliest && today <= window.latest) {
        items.push({
          caseReference: ref,
          kind: 'review-due',
          due: window.latest,
          daysOverdue: days(window.latest),
          message: `The next review is due: between ${formatCalendarDate(window.earliest)} and ${formatCalendarDate(window.latest)}, aim for ${formatCalendarDate(window.target)}.`,
        });
      }
    } catch (error) {
      if (!(error instanceof TimescaleInputError)) throw error;
    }
  }
  return items;
}

function leadWorker(r: CaseReview): { leadWorker?: LeadWorker } {
  return r.leadWorker === 'SW' || r.leadWorker === 'KW' ? { leadWorker: r.leadWorker } : {};
}
