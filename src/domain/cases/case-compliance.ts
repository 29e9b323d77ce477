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
import { CaseSummary } from './case-review';
import { meetingTimeInWords } from '../review/next-booking';

/** When a case's next review is booked (its soonest upcoming booking), by case reference. */
export type BookedReviews = ReadonlyMap<string, { readonly start: string; readonly end: string }>;

/** The reviews signed off for a case before this one: what its next window counts from. */
export { historyOf } from '../review/case-knowledge';

export type DueKind = 'minutes-outstanding' | 'minutes-undelivered' | 'review-overdue' | 'review-due' | 'checkpoint' | 'review-frequency-not-agreed';

export interface DueItem {
  readonly caseReference: string;
  readonly kind: DueKind;
  readonly due: string;
  /** Days past due (negative: days left). */
  readonly daysOverdue: number;
  readonly message: string;
  /** For a drift alert: its id, so whoever acts on it can record that they did. */
  readonly alertId?: string;
}

/**
 * The daily compliance scan: what needs acting on today across cases, most urgent first: minutes
 * not signed off, reviews overdue, drift checkpoints reached. Closed cases drop out.
 */
export function complianceAlerts(
  cases: readonly CaseSummary[],
  packs: ReadonlyMap<string, PolicyPack>,
  calendar: WorkingDayCalendar,
  today: string,
): DueItem[] {
  return collect(cases, packs, calendar, today, false);
}

/** `due`: the compliance alerts, and also the reviews whose window is open now. */
export function dueItems(
  cases: readonly CaseSummary[],
  packs: ReadonlyMap<string, PolicyPack>,
  calendar: WorkingDayCalendar,
  today: string,
  booked: BookedReviews = new Map(),
): DueItem[] {
  return collect(cases, packs, calendar, today, true).map((item) => withBooking(item, booked.get(item.caseReference)));
}

/** A review due or overdue that is already booked says when: "The next review is booked for Tue 12 Jan 2027, 15:30 to 16:30." */
function withBooking(item: DueItem, booking: { readonly start: string; readonly end: string } | undefined): DueItem {
  if (!booking || (item.kind !== 'review-due' && item.kind !== 'review-overdue')) return item;
  return { ...item, message: `${item.message} The next review is booked for ${meetingTimeInWords(booking.start, booking.end)}.` };
}

function collect(
  cases: readonly CaseSummary[],
  packs: ReadonlyMap<string, PolicyPack>,
  calendar: WorkingDayCalendar,
  today: string,
  withReviewsDue: boolean,
): DueItem[] {
  const items: DueItem[] = [];
  for (const summary of cases) {
    if (!summary.closed) dueForCase(summary, packs, calendar, today, items, withReviewsDue);
  }
  return items.sort((a, b) => b.daysOverdue - a.daysOverdue || compare(a.due, b.due) || compare(a.caseReference, b.caseReference));
}

/** Plain code-unit order: ISO dates and case references sort correctly without a locale's cost. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dueForCase(
  c: CaseSummary,
  packs: ReadonlyMap<string, PolicyPack>,
  calendar: WorkingDayCalendar,
  today: string,
  items: DueItem[],
  withReviewsDue: boolean,
): void {
  const pack = packs.get(c.packId);
  if (!pack) return;
  const ref = c.caseReference;
  const open = c.openMeetingDate !== null;
  if (c.openMeetingDate !== null && c.openMinutesDue !== null && c.openMeetingDate <= today) {
    items.push({
      caseReference: ref,
      kind: 'minutes-outstanding',
      due: c.openMinutesDue,
      daysOverdue: daysBetween(c.openMinutesDue, today),
      message: `Minutes of the ${formatCalendarDate(c.openMeetingDate)} meeting are due by ${formatCalendarDate(c.openMinutesDue)} and are not signed off.`,
    });
  }
  const facts = {
    planStart: c.planStart,
    reviewCount: c.previousReviews,
    ...(c.lastReviewDate ? { lastReviewDate: c.lastReviewDate } : {}),
    ...(c.leadWorker === 'SW' || c.leadWorker === 'KW' ? { leadWorker: c.leadWorker as LeadWorker } : {}),
    ...(c.acknowledged.length > 0 ? { acknowledged: c.acknowledged } : {}),
  };
  let overdue = false;
  for (const alert of driftAlerts(pack, facts, today, calendar)) {
    if (alert.kind === 'review-overdue') {
      if (open) continue; // the review is being held
      overdue = true;
    }
    items.push({ caseReference: ref, kind: alert.kind, due: alert.due, daysOverdue: alert.daysOverdue, message: alert.message, alertId: alert.id });
  }
  if (open || overdue || !withReviewsDue) return;
  try {
    const window = nextReviewWindow(pack, facts, calendar);
    if (today >= window.earliest && today <= window.latest) {
      items.push({
        caseReference: ref,
        kind: 'review-due',
        due: window.latest,
        daysOverdue: daysBetween(window.latest, today),
        message: `The next review is due: between ${formatCalendarDate(window.earliest)} and ${formatCalendarDate(window.latest)}, aim for ${formatCalendarDate(window.target)}.`,
      });
    }
  } catch (error) {
    if (!(error instanceof TimescaleInputError)) throw error;
  }
}
