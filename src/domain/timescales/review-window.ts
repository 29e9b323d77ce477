import { CalendarDate, addDays, daysBetween, formatCalendarDate, toDayNumber } from './calendar-date';
import { cite } from './citation';
import { assertCalendarFits } from './deadline';
import { Duration, describeDuration, endOfPeriod } from './duration';
import { MeetingWindowRule, PolicyPack } from './policy-pack-schema';
import { TimescaleInputError, frequencyStillToBeAgreed, variationOf } from './variations';
import { Verdict, accepted, reasonNeeded } from './verdict';
import { WorkingDayCalendar } from './working-day-calendar';

/** What is known about a plan's meetings so far. */
export interface ReviewHistory {
  /** The day the CIN plan started: the initial (planning) meeting that agreed it. */
  readonly planStart: CalendarDate;
  /** The day the Child and Family assessment was completed (needed where a pack counts from it). */
  readonly assessmentDate?: CalendarDate;
  /** The most recent review / progress meeting, when reviewCount > 0. */
  readonly lastReviewDate?: CalendarDate;
  /** Review / progress meetings held since the plan started (the initial meeting is not counted). */
  readonly reviewCount: number;
  /** The pack variation the case is under, e.g. "disabled-childrens-team". */
  readonly variation?: string;
  /** The review interval a manager agreed (with a recorded reason), where the variation allows one. */
  readonly agreedReviewInterval?: Duration;
}

export type MeetingDue = 'initial' | 'first-review' | 'later-review';
export type WindowAnchor = MeetingWindowRule['anchor'];

export interface ReviewWindow {
  readonly packId: string;
  readonly meeting: MeetingDue;
  readonly anchor: { readonly kind: WindowAnchor; readonly date: CalendarDate };
  readonly earliest: CalendarDate;
  /** False when the text sets no earliest: any day after the anchor is inside. */
  readonly earliestStated: boolean;
  readonly latest: CalendarDate;
  /** The date to aim for: the rule's target, moved to the nearest working day inside the window if it is not one. */
  readonly target: CalendarDate;
  readonly targetIsWorkingDay: boolean;
  /** '4-6 weeks after the previous meeting'. */
  readonly rule: string;
  readonly explanation: string;
  readonly citation: string;
  /** How the pack read vague text, when it had to. */
  readonly interpretation?: string;
}

const MEETING_WORDS: Readonly<Record<MeetingDue, string>> = {
  initial: 'initial CIN meeting',
  'first-review': 'first review',
  'later-review': 'next review',
};
const ANCHOR_WORDS: Readonly<Record<WindowAnchor, string>> = {
  assessment: 'the assessment',
  planStart: 'the start of the plan',
  previousMeeting: 'the previous meeting',
};

/** When the initial meeting must be held, counted from the assessment; null where the pack sets no timescale. */
export function initialMeetingWindow(pack: PolicyPack, assessmentDate: CalendarDate, calendar: WorkingDayCalendar): ReviewWindow | null {
  if (pack.initialMeeting === undefined) return null;
  return windowFrom(pack, 'initial', pack.initialMeeting, assessmentDate, calendar);
}

/** The window for the next review of a plan: earliest, latest and the date to aim for. */
export function nextReviewWindow(pack: PolicyPack, history: ReviewHistory, calendar: WorkingDayCalendar): ReviewWindow {
  const basis = nextReviewBasis(pack, history);
  return windowFrom(pack, basis.meeting, basis.rule, basis.anchorDate, calendar);
}

/** Which meeting is next, the rule that times it and the date it counts from. */
export interface ReviewBasis {
  readonly meeting: MeetingDue;
  readonly rule: MeetingWindowRule;
  readonly anchorDate: CalendarDate;
}

/** The rule for the next review (the standard one, or a manager-agreed interval) without building the window. */
export function nextReviewBasis(pack: PolicyPack, history: ReviewHistory): ReviewBasis {
  const meeting: MeetingDue = history.reviewCount === 0 ? 'first-review' : 'later-review';
  const previous = history.reviewCount === 0 ? history.planStart : history.lastReviewDate;
  if (previous === undefined) {
    throw new TimescaleInputError(`${history.reviewCount} reviews have been held, so the date of the last one (lastReviewDate) is needed`);
  }
  const variation = variationOf(pack, history.variation);
  const unagreed = frequencyStillToBeAgreed(pack, history);
  if (unagreed !== undefined) {
    throw new TimescaleInputError(
      `${unagreed.label}: the review frequency must be agreed by a manager with a recorded reason before a window can be given ("${unagreed.source.quote}")`,
    );
  }
  if (variation?.reviewFrequency !== undefined && history.agreedReviewInterval !== undefined) {
    const rule: MeetingWindowRule = {
      anchor: 'previousMeeting',
      earliest: null,
      latest: history.agreedReviewInterval,
      target: history.agreedReviewInterval,
      counting: 'from-next-day',
      source: variation.source,
      interpretation: `${variation.label}: review frequency agreed for this case (every ${describeDuration(history.agreedReviewInterval)}).`,
    };
    return { meeting, rule, anchorDate: previous };
  }
  const rule = meeting === 'first-review' ? pack.firstReview : pack.laterReviews;
  const anchorDate = rule.anchor === 'assessment' ? history.assessmentDate : previous;
  if (anchorDate === undefined) {
    throw new TimescaleInputError(`${pack.authority} counts the first review from the assessment, so assessmentDate is needed`);
  }
  return { meeting, rule, anchorDate };
}

function windowFrom(
  pack: PolicyPack,
  meeting: MeetingDue,
  rule: MeetingWindowRule,
  anchorDate: CalendarDate,
  calendar: WorkingDayCalendar,
): ReviewWindow {
  assertCalendarFits(pack, calendar);
  const earliest = rule.earliest === null ? addDays(anchorDate, 1) : endOfPeriod(anchorDate, rule.earliest, rule.counting, calendar);
  const latest = endOfPeriod(anchorDate, rule.latest, rule.counting, calendar);
  const target = workingDayNear(endOfPeriod(anchorDate, rule.target, rule.counting, calendar), earliest, latest, calendar);
  const ruleText = describeWindowRule(rule);
  return {
    packId: pack.id,
    meeting,
    anchor: { kind: rule.anchor, date: anchorDate },
    earliest,
    earliestStated: rule.earliest !== null,
    latest,
    target,
    targetIsWorkingDay: calendar.isWorkingDay(target),
    rule: ruleText,
    explanation:
      `${capitalise(MEETING_WORDS[meeting])}: ${rule.earliest === null ? 'by' : `between ${formatCalendarDate(earliest)} and`} ` +
      `${formatCalendarDate(latest)}; aim for ${formatCalendarDate(target)} (${ruleText}, ${formatCalendarDate(anchorDate)}).`,
    citation: cite(pack, rule.source),
    ...(rule.interpretation === undefined ? {} : { interpretation: rule.interpretation }),
  };
}

/** The target if it is a working day; else the working day before it, or after it, that stays in the window. */
function workingDayNear(target: CalendarDate, earliest: CalendarDate, latest: CalendarDate, calendar: WorkingDayCalendar): CalendarDate {
  if (calendar.isWorkingDay(target)) return target;
  const before = calendar.addWorkingDays(target, -1);
  if (before >= earliest) return before;
  const after = calendar.addWorkingDays(target, 1);
  return after <= latest ? after : target;
}

/** '4-6 weeks after the previous meeting', 'within 7 days of the start of the plan'. */
export function describeWindowRule(rule: MeetingWindowRule): string {
  const anchor = ANCHOR_WORDS[rule.anchor];
  const { earliest, latest } = rule;
  if (earliest === null) return `within ${describeDuration(latest)} of ${anchor}`;
  if (earliest.amount === latest.amount && earliest.unit === latest.unit) return `${describeDuration(latest)} after ${anchor}`;
  const span = earliest.unit === latest.unit
    ? `${earliest.amount}-${describeDuration(latest)}`
    : `${describeDuration(earliest)} to ${describeDuration(latest)}`;
  return `${span} after ${anchor}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether a proposed date is inside the window; outside, the flow must ask for and record the reason. */
export function checkProposedDate(window: ReviewWindow, date: CalendarDate): Verdict<'inside-window' | 'before-earliest' | 'after-latest'> {
  toDayNumber(date); // a malformed date throws rather than comparing as a string
  const what = MEETING_WORDS[window.meeting];
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  if (date < window.earliest) {
    const early = daysBetween(date, window.earliest);
    return reasonNeeded(
      'before-earliest',
      `${formatCalendarDate(date)} is ${days(early)} before the earliest date for the ${what} (${formatCalendarDate(window.earliest)}; ` +
        `the rule is ${window.rule}). Record the reason for holding it early.`,
      window.citation,
    );
  }
  if (date > window.latest) {
    const late = daysBetween(window.latest, date);
    return reasonNeeded(
      'after-latest',
      `${formatCalendarDate(date)} is ${days(late)} after the latest date for the ${what} (${formatCalendarDate(window.latest)}; ` +
        `the rule is ${window.rule}). Record the reason for the delay.`,
      window.citation,
    );
  }
  return accepted(
    'inside-window',
    `${formatCalendarDate(date)} is inside the window for the ${what} (${window.earliestStated ? formatCalendarDate(window.earliest) : 'any day'} to ${formatCalendarDate(window.latest)}).`,
    window.citation,
  );
}
