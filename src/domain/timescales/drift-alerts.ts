import { CalendarDate, daysBetween, formatCalendarDate, toDayNumber } from './calendar-date';
import { cite } from './citation';
import { CalendarDuration, Duration, addCalendarDuration, describeDuration, endOfPeriod } from './duration';
import { LeadWorker } from './pack-roles';
import { DriftCheckpoint, PolicyPack, Who } from './policy-pack-schema';
import { describeWindowRule, nextReviewBasis } from './review-window';
import { checkpointsFor, frequencyStillToBeAgreed, variationOf } from './variations';
import { WorkingDayCalendar } from './working-day-calendar';

/** What the daily scan knows about an open case. */
export interface CaseFacts {
  readonly planStart: CalendarDate;
  /** Needed where a checkpoint is for one kind of plan only (Leicestershire's SSWOP check is for key-worker plans). */
  readonly leadWorker?: LeadWorker;
  readonly variation?: string;
  readonly assessmentDate?: CalendarDate;
  /** Given with lastReviewDate, a review past its latest date is an alert too. */
  readonly reviewCount?: number;
  readonly lastReviewDate?: CalendarDate;
  readonly agreedReviewInterval?: Duration;
  /** Alerts already acted on (by id and the due date they were for): they are not raised again. */
  readonly acknowledged?: ReadonlyArray<{ readonly id: string; readonly due: CalendarDate }>;
}

export type DriftAlertKind = 'checkpoint' | 'review-overdue' | 'review-frequency-not-agreed';

export interface DriftAlert {
  readonly kind: DriftAlertKind;
  /** The checkpoint's id, or 'review-overdue' / 'review-frequency-not-agreed'. */
  readonly id: string;
  readonly due: CalendarDate;
  /** 0 on the day it falls due. */
  readonly daysOverdue: number;
  readonly who: Who;
  readonly action: string;
  readonly message: string;
  readonly citation: string;
}

const NO_ONE_NAMED: Who = { roles: [], description: 'the procedure names no one to act; tell the allocated worker and their manager' };

/**
 * The drift alerts due for a case on `today`: each checkpoint the plan has reached and nobody has
 * acknowledged, a review past its latest date, and a manager-set frequency not yet agreed.
 */
export function driftAlerts(pack: PolicyPack, facts: CaseFacts, today: CalendarDate, calendar: WorkingDayCalendar): DriftAlert[] {
  const todayNumber = toDayNumber(today);
  const alerts: DriftAlert[] = [];
  const raise = (alert: Omit<DriftAlert, 'daysOverdue' | 'message'> & { readonly what: string }) => {
    if (facts.acknowledged?.some((a) => a.id === alert.id && a.due === alert.due)) return;
    const { what, ...rest } = alert;
    alerts.push({
      ...rest,
      daysOverdue: todayNumber - toDayNumber(alert.due),
      message: `${what} ${alert.action} To act: ${alert.who.description}.`,
    });
  };

  const variation = variationOf(pack, facts.variation);
  for (const checkpoint of checkpointsFor(pack, variation, facts.leadWorker)) {
    const occurrence = latestOccurrence(checkpoint, facts.planStart, today);
    if (occurrence === undefined) continue;
    const { due, age } = occurrence;
    raise({
      kind: 'checkpoint',
      id: checkpoint.id,
      due,
      who: checkpoint.who,
      action: checkpoint.action,
      citation: cite(pack, checkpoint.source),
      what: `The plan reached ${describeDuration(age)} on ${formatCalendarDate(due)}.`,
    });
  }

  if (facts.reviewCount !== undefined) {
    const unagreed = frequencyStillToBeAgreed(pack, facts);
    if (unagreed?.reviewFrequency !== undefined) {
      raise({
        kind: 'review-frequency-not-agreed',
        id: 'review-frequency-not-agreed',
        due: facts.planStart,
        who: { roles: unagreed.reviewFrequency.agreedBy, description: `for ${unagreed.label}, a manager sets the review frequency` },
        action: 'Agree how often this plan is reviewed and record the reason.',
        citation: cite(pack, unagreed.source),
        what: `No review frequency has been agreed for this ${unagreed.label} plan.`,
      });
    } else {
      const { meeting, rule, anchorDate } = nextReviewBasis(pack, { ...facts, reviewCount: facts.reviewCount });
      const latest = endOfPeriod(anchorDate, rule.latest, rule.counting, calendar);
      if (todayNumber > toDayNumber(latest)) {
        raise({
          kind: 'review-overdue',
          id: 'review-overdue',
          due: latest,
          who: rule.ifMissed?.who ?? NO_ONE_NAMED,
          action: rule.ifMissed?.action ?? 'Hold the review, or record why it is late.',
          citation: cite(pack, (rule.ifMissed ?? rule).source),
          what: `The ${meeting === 'first-review' ? 'first review' : 'next review'} was due by ${formatCalendarDate(latest)} (${describeWindowRule(rule)}).`,
        });
      }
    }
  }
  return alerts;
}

const APPROX_DAYS = { days: 1, weeks: 7, months: 30.44 } as const;

/**
 * The last time a checkpoint fell due on or before today, and the plan's age then. A repeating one
 * ("2 monthly") falls due at `at`, `at + repeatEvery`, ... counted from the plan start, not chained.
 */
function latestOccurrence(
  checkpoint: DriftCheckpoint,
  planStart: CalendarDate,
  today: CalendarDate,
): { readonly due: CalendarDate; readonly age: CalendarDuration } | undefined {
  const { at, repeatEvery } = checkpoint;
  const age = (k: number): CalendarDuration => ({ unit: at.unit, amount: at.amount + k * (repeatEvery?.amount ?? 0) });
  const dueAt = (k: number) => addCalendarDuration(planStart, age(k));
  if (dueAt(0) > today) return undefined;
  let k = 0;
  if (repeatEvery !== undefined) {
    const elapsed = daysBetween(planStart, today) / APPROX_DAYS[at.unit];
    k = Math.max(0, Math.floor((elapsed - at.amount) / repeatEvery.amount));
    while (dueAt(k + 1) <= today) k++;
    while (k > 0 && dueAt(k) > today) k--;
  }
  return { due: dueAt(k), age: age(k) };
}
