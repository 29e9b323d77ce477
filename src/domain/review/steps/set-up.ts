import { z } from 'zod';
import { CHAIR_ROLES, Child, LEAD_WORKERS, MEETING_MODES, MEETING_TYPES, Review } from '../review';
import { labelOf } from '../review-labels';
import { HISTORY_SECTION } from '../review-timescales';
import { meetingTimeInWords } from '../next-booking';
import { londonDateOf } from '../../booking/london-wall-clock';
import { TEXT_LIMITS, isBlankRow, keyFor, parseWith, rowsOf, trimmedText } from '../step-forms/form-values';
import { addDays, addMonths, formatCalendarDate } from '../../timescales/calendar-date';
import { choiceField, customField, dateField, longText, objectOf, optionalDateField, shortText } from './fields';
import { CapturingStep, MinutesSection, always, fact, input, minutesSection, range, rowCount, section } from './step-definition';

/** Kept within what one Teams card carries (under 40 KB). */
export const MAX_CHILDREN = 6;

const fields = {
  meetingType: choiceField('meetingType', 'Meeting type', MEETING_TYPES, 'meetingType', 'Choose the meeting type'),
  meetingDate: dateField('meetingDate', 'Meeting date', 'Enter the meeting date'),
  mode: choiceField('mode', 'Held', MEETING_MODES, 'mode', 'Choose online or in person'),
  chairName: shortText('chairName', 'Chair', { required: "Enter the chair's name" }),
  chairRole: choiceField('chairRole', "Chair's role", CHAIR_ROLES, 'chairRole', "Choose the chair's role"),
  planStartDate: dateField('planStartDate', 'The CIN plan started on', 'Enter the date the CIN plan started'),
  // Its choices are the authorities the bot knows, given with the form.
  policyPackId: customField('policyPackId', 'Timescales of', 'choice', trimmedText(TEXT_LIMITS.short).pipe(z.string().min(1, 'Choose the authority whose timescales apply')), TEXT_LIMITS.short),
  leadWorker: choiceField('leadWorker', 'The plan is led by', LEAD_WORKERS, 'leadWorker', 'Say whether a social worker or a key worker leads the plan'),
  timescaleReason: longText('timescaleReason', 'Reason, if outside the timescales', { audience: 'professionals' }),
  // Only for a case the bot holds no review of: what the timescales count from instead.
  lastReviewDate: optionalDateField('lastReviewDate', 'Date of the last CIN review before this one (if any)'),
  caseOpenedDate: optionalDateField('caseOpenedDate', 'Date the case opened'),
};

const childFields = {
  firstName: shortText('firstName', 'First name only', { required: "Enter the child's first name (first name only)" }),
  caseReference: shortText('caseReference', 'Case reference', { required: 'Enter the case reference' }),
};

const childRow = objectOf(childFields).extend({
  caseReference: childFields.caseReference.schema.refine((v) => /^[A-Za-z0-9/-]{1,30}$/.test(v), 'Use letters, digits, "-" or "/" only, up to 30'),
});
const setUpFields = objectOf(fields);

const meta = { id: 'set-up', title: 'Set-up' } as const;

export const setUpStep = {
  ...meta,
  applies: always,
  covers: always,
  fields: [...Object.values(fields), ...Object.values(childFields)],
  parse(form, review, now) {
    const parsed = parseWith(setUpFields, form);
    const rows = rowsOf(form, 'children');
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.fieldErrors };
    const children: Child[] = [];
    rows.forEach((row, i) => {
      if (isBlankRow(row)) return;
      const child = parseWith(childRow, row, `children.${i}.`);
      if (!child.ok) Object.assign(errors, child.fieldErrors);
      else children.push({ key: keyFor('child', review.setUp?.children ?? [], i, now), ...child.value });
    });
    if (rows.every((r) => isBlankRow(r)) && !errors['children.0.firstName']) {
      errors['children.0.firstName'] = 'Enter at least one child';
    }
    if (children.length > MAX_CHILDREN) errors['children.0.firstName'] = `At most ${MAX_CHILDREN} children in one review`;
    if (parsed.ok && parsed.value.planStartDate > parsed.value.meetingDate) {
      errors.planStartDate = 'The plan cannot start after this meeting';
    }
    if (parsed.ok) Object.assign(errors, historyErrors(parsed.value));
    if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
    const setUp = { ...parsed.value, children };
    const keys = new Set(children.map((c) => c.key));
    return { ok: true, patch: { setUp, childVoices: review.childVoices.filter((v) => keys.has(v.childKey)) } };
  },
  form(review, { today, packChoices, defaultPackId, typed }) {
    const s = review.setUp;
    const booked = review.bookedAs;
    // A review started from a booking begins with its date, how it is held and its cases.
    const children: ReadonlyArray<Pick<Child, 'firstName' | 'caseReference'>> = s?.children ?? (booked?.caseReferences ?? []).map((caseReference) => ({ firstName: '', caseReference }));
    const bookedDate = booked ? londonDateOf(Date.parse(booked.start)) : undefined;
    const bookedMode = booked ? (booked.online ? 'online' : 'in-person') : undefined;
    return [
      section('The meeting', [
        input(fields.meetingType, s?.meetingType),
        input(fields.meetingDate, s?.meetingDate ?? bookedDate ?? today, undefined, { dateRange: { min: addMonths(today, -12), max: addMonths(today, 12) } }),
        input(fields.mode, s?.mode ?? bookedMode),
        input(fields.chairName, s?.chairName ?? review.chair.name),
        input(fields.chairRole, s?.chairRole),
      ], booked ? `Booked for ${meetingTimeInWords(booked.start, booked.end)}, ${booked.online ? 'on Teams' : `in person at ${booked.location}`}.` : ''),
      section('The case', [
        input(fields.planStartDate, s?.planStartDate, undefined, { dateRange: { max: s?.meetingDate ?? today } }),
        input(fields.policyPackId, s?.policyPackId ?? defaultPackId, undefined, { choices: packChoices }),
        input(fields.leadWorker, s?.leadWorker),
        input(fields.timescaleReason, s?.timescaleReason),
      ], timescaleNote(review)),
      ...(review.timescales?.historyFrom === 'bot' ? [] : [historySection(review, today)]),
      ...range(rowCount(typed, 'children', children.length, MAX_CHILDREN)).map((i) =>
        section(`Child ${i + 1}`, [
          input(childFields.firstName, children[i]?.firstName, { list: 'children', index: i }),
          input(childFields.caseReference, children[i]?.caseReference, { list: 'children', index: i }),
        ], i > 0 && i >= children.length ? 'Leave blank if there is no other child.' : ''),
      ),
    ];
  },
  minutes(review) {
    const s = review.setUp;
    const sections: MinutesSection[] = [
      minutesSection(meta, review, s ? [
        fact(fields.meetingType, 'Meeting', labelOf('meetingType', s.meetingType)),
        fact(fields.meetingDate, 'Date', s.meetingDate),
        fact(fields.mode, 'Held', labelOf('mode', s.mode)),
        fact(fields.chairName, 'Chair', `${s.chairName}, ${labelOf('chairRole', s.chairRole)}`),
        fact(fields.planStartDate, 'Plan started', s.planStartDate),
        fact(fields.leadWorker, 'Plan led by', labelOf('leadWorker', s.leadWorker)),
        s.lastReviewDate !== '' && fact(fields.lastReviewDate, 'Last review before this one (recorded by the chair)', s.lastReviewDate),
        s.caseOpenedDate !== '' && fact(fields.caseOpenedDate, 'Case opened (recorded by the chair)', s.caseOpenedDate),
        ...s.children.map((c, i) => fact(childFields.firstName, `Child ${i + 1}`, `${c.firstName} (case ${c.caseReference})`)),
      ] : []),
    ];
    const t = review.timescales;
    if (t) {
      // What the procedure asks and whether it was met is the professionals' record.
      const line = (label: string, value: string) => fact(fields.timescaleReason, label, value);
      sections.push({
        step: 'set-up',
        title: 'Timescales',
        entries: [
          line('Procedure', t.authority),
          line('Plan week', t.planWeek),
          line('Minutes due', t.minutesDue.date ?? t.minutesDue.explanation),
          ...(t.nextReview ? [line('Next review window', `${t.nextReview.earliest} to ${t.nextReview.latest} (aim for ${t.nextReview.target})`)] : []),
          ...(!t.chair.ok ? [line('Chair', t.chair.message)] : []),
          ...(t.meetingDate && !t.meetingDate.ok ? [line('Meeting date', t.meetingDate.message)] : []),
          ...(s?.timescaleReason ? [line('Reason recorded', s.timescaleReason)] : []),
        ],
      });
    }
    return sections;
  },
} satisfies CapturingStep<'set-up'>;

/**
 * The history of a case the bot has never seen, as the chair records it. The last review is one
 * after the initial meeting (so after the plan's start) and before this meeting; the case opened on
 * or before the plan's start (a plan is made on an open case), so never after this meeting either.
 */
function historyErrors(v: SetUpFields): Record<string, string> {
  const errors: Record<string, string> = {};
  if (v.lastReviewDate !== '') {
    if (v.meetingType === 'initial') errors.lastReviewDate = 'An initial meeting has no review before it: leave this blank';
    else if (v.lastReviewDate <= v.planStartDate) {
      errors.lastReviewDate = `The last review must be after the plan started (${formatCalendarDate(v.planStartDate)}): the initial meeting is not a review`;
    } else if (v.lastReviewDate >= v.meetingDate) errors.lastReviewDate = 'The last review must be before this meeting';
  }
  if (v.caseOpenedDate !== '' && v.caseOpenedDate > v.planStartDate) {
    errors.caseOpenedDate = `The case opened on or before the day its plan started (${formatCalendarDate(v.planStartDate)})`;
  }
  return errors;
}

/**
 * Shown until a save shows the bot holds the case: on a fresh set-up (the case is not typed yet, and
 * a chair who knows it began before the bot can answer in one go), and while none of it is known.
 */
function historySection(review: Review, today: string) {
  const s = review.setUp;
  const meeting = s?.meetingDate ?? today;
  const planStart = s?.planStartDate;
  const from = review.timescales?.historyFrom;
  const note =
    from === undefined
      ? 'Only for a case the bot has not seen before (its earlier reviews were held without the bot). Leave blank if this is the first review since the plan started. The date the case opened counts where the procedure times how long a case is open.'
      : from === 'chair'
        ? 'The bot holds no earlier review of this case: its timescales count from the dates recorded here.'
        : 'The bot holds no earlier review of this case, so this meeting is timed as the first review since the plan started. If the case had a review before, enter its date.';
  return section(HISTORY_SECTION, [
    input(fields.lastReviewDate, s?.lastReviewDate, undefined, { dateRange: { ...(planStart ? { min: addDays(planStart, 1) } : {}), max: addDays(meeting, -1) } }),
    input(fields.caseOpenedDate, s?.caseOpenedDate, undefined, { dateRange: { max: planStart ?? meeting } }),
  ], note);
}

/** The timescales as judged at the last save of set-up: plan week, minutes due, next window, warnings. */
export function timescaleNote(review: Review): string {
  const t = review.timescales;
  if (!t) return 'Save to see the timescales for this meeting.';
  const lines = [
    `${t.authority}: ${t.planWeek}.`,
    t.minutesDue.date ? `Minutes due by ${formatCalendarDate(t.minutesDue.date)}.` : t.minutesDue.explanation,
    nextWindowNote(review),
    historyNote(review),
    ...[t.chair, t.meetingDate].filter((v) => v !== null && !v.ok).map((v) => `⚠ ${v!.message}`),
  ];
  return lines.filter((l) => l !== '').join(' ');
}

/** Where this meeting's timing counts from, when the bot does not hold the case's reviews. */
function historyNote(review: Review): string {
  const t = review.timescales;
  // An initial meeting has no window of its own to judge, nor a review before it.
  if (!t || t.meetingDate === null) return '';
  if (t.historyFrom === 'chair') return 'Timed from the last review recorded below.';
  if (t.historyFrom === 'none') return 'No earlier review of this case is known: this meeting is timed as the first review.';
  return '';
}

export function nextWindowNote(review: Review): string {
  const t = review.timescales;
  if (!t) return '';
  if (!t.nextReview) return t.nextReviewNote;
  const w = t.nextReview;
  return `Next review between ${formatCalendarDate(w.earliest)} and ${formatCalendarDate(w.latest)}; aim for ${formatCalendarDate(w.target)}.`;
}

export type SetUpFields = z.infer<typeof setUpFields>;
