/**
 * Shared builder for review tests (unit, property and end-to-end): a fresh review, valid form
 * values for every step, and `walkTo(step)` to produce a review at any step of the agenda.
 *
 * The default walk visits every one of the 13 steps: an initial meeting held online (so the
 * explanations step applies), a parent and two professionals present (parents' voice and updates
 * apply) and an outcome of "continue" with closure likely next time (exit planning applies).
 */
import { parentsAndCarers, professionalsPresent } from '../../../src/domain/review/agenda';
import { newReview } from '../../../src/domain/review/new-review';
import { Review, StepId, TeamsPerson } from '../../../src/domain/review/review';
import { Decision, ReviewCommand, decide } from '../../../src/domain/review/review-machine';
import { FormValues } from '../../../src/domain/review/step-forms';

export type FormStep = Exclude<StepId, 'minutes'>;
export type FormBuilder = (review: Review) => FormValues;

export const T0 = '2026-03-02T09:00:00.000Z';
export const MEETING_DATE = '2026-03-02';

export const CHAIR: TeamsPerson = { teamsUserId: '29:chair', aadObjectId: 'aad-chair', name: 'Chris Chair' };
export const OTHER: TeamsPerson = { teamsUserId: '29:other', aadObjectId: 'aad-other', name: 'Olu Other' };

/** An ISO instant `minutes` after `iso`. */
export function later(iso: string, minutes = 1): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

/** A calendar date `days` after `date` ('YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function freshReview(roster: readonly TeamsPerson[] = [], startedBy: TeamsPerson = CHAIR): Review {
  return newReview({ id: 'review-1', conversationId: 'conv-1', tenantId: 'tenant-1', startedBy, roster, now: T0 });
}

const meetingDateOf = (review: Review) => review.setUp?.meetingDate ?? MEETING_DATE;

// ---- composable form pieces -------------------------------------------------------------------

export interface ChildRow { readonly firstName: string; readonly caseReference: string }

export function setUpValues(
  opts: { meetingType?: string; mode?: string; meetingDate?: string; chairName?: string; chairRole?: string; children?: readonly ChildRow[] } = {},
): FormValues {
  const form: Record<string, string> = {
    meetingType: opts.meetingType ?? 'initial',
    chairName: opts.chairName ?? 'Chris Chair',
    chairRole: opts.chairRole ?? 'SSWOP',
    meetingDate: opts.meetingDate ?? MEETING_DATE,
    mode: opts.mode ?? 'online',
    planStartDate: opts.meetingDate ?? MEETING_DATE,
    policyPackId: 'leicestershire',
    leadWorker: 'SW',
  };
  (opts.children ?? [{ firstName: 'Amy', caseReference: 'CIN-1001' }]).forEach((c, i) => {
    form[`children.${i}.firstName`] = c.firstName;
    form[`children.${i}.caseReference`] = c.caseReference;
  });
  return form;
}

export interface AttendeeRow {
  readonly name: string;
  readonly role: string;
  readonly organisation?: string;
  readonly attendance?: string;
  readonly email?: string;
  /** The phone, typed in the input whose id is `contact`. */
  readonly phone?: string;
  readonly receivesMinutes?: boolean;
  readonly doNotShareContact?: boolean;
  readonly remove?: boolean;
}

export const DEFAULT_ATTENDEES: readonly AttendeeRow[] = [
  { name: 'Chris Chair', role: 'social-care', organisation: 'Family Help', attendance: 'present', email: 'chris@example.org' },
  { name: 'Pat Parent', role: 'parent-carer', organisation: '', attendance: 'present', phone: '07700 900001' },
  { name: 'Sam School', role: 'school-nursery', organisation: 'Oak Primary', attendance: 'present', email: 'sam@oak.sch.uk', phone: '0116 496 0000', doNotShareContact: true },
];

export function attendeeValues(rows: readonly AttendeeRow[]): FormValues {
  const form: Record<string, string> = {};
  rows.forEach((a, i) => {
    form[`attendees.${i}.name`] = a.name;
    form[`attendees.${i}.role`] = a.role;
    form[`attendees.${i}.organisation`] = a.organisation ?? '';
    form[`attendees.${i}.attendance`] = a.attendance ?? 'present';
    form[`attendees.${i}.email`] = a.email ?? '';
    form[`attendees.${i}.contact`] = a.phone ?? '';
    if (a.receivesMinutes !== undefined) form[`attendees.${i}.receivesMinutes`] = String(a.receivesMinutes);
    if (a.doNotShareContact !== undefined) form[`attendees.${i}.doNotShareContact`] = String(a.doNotShareContact);
    if (a.remove !== undefined) form[`attendees.${i}.remove`] = String(a.remove);
  });
  return form;
}

/** The review's current attendees as card rows (so a form keeps them), followed by `extra`. */
export function currentAttendeeRows(review: Review, extra: readonly AttendeeRow[] = []): AttendeeRow[] {
  return [...review.attendees.map((a) => ({ ...a, role: a.role ?? '', remove: false })), ...extra];
}

export function outcomeValues(
  opts: { kind?: string; reason?: string; leadProfessional?: string; closureLikelyNextTime?: boolean; allClosureConditions?: boolean } = {},
): FormValues {
  const tickAll = String(opts.allClosureConditions ?? opts.kind === 'close');
  return {
    kind: opts.kind ?? 'continue',
    reason: opts.reason ?? 'Good progress; the plan needs minor amendments',
    leadProfessional: opts.leadProfessional ?? (opts.kind === 'step-down' ? 'Lee Lead, Early Help' : ''),
    closureLikelyNextTime: String(opts.closureLikelyNextTime ?? true),
    managerAgreement: tickAll,
    closureSummary: tickAll,
    safetyPlanCirculated: tickAll,
    stepAcrossConsidered: tickAll,
  };
}

export interface ActionRow { readonly what: string; readonly who: string; readonly byWhen: string; readonly status?: string; readonly remove?: boolean }

export function planValues(review: Review, newActions?: readonly ActionRow[]): FormValues {
  const form: Record<string, string> = {
    'statements.0.danger': 'Amy may be hurt if the adults argue and drink',
    'statements.0.safetyGoal': 'Amy is safe at home because adults keep arguments away from her',
    statementsAgreedOrReviewed: 'true',
  };
  const existing: ActionRow[] = (review.plan?.actions ?? []).map((a) => ({ ...a, remove: false }));
  const added = newActions ?? [{ what: 'Refer Amy to the young carers group', who: 'Sam School', byWhen: addDays(meetingDateOf(review), 30) }];
  [...existing, ...added].forEach((a, i) => {
    form[`actions.${i}.what`] = a.what;
    form[`actions.${i}.who`] = a.who;
    form[`actions.${i}.byWhen`] = a.byWhen;
    form[`actions.${i}.status`] = a.status ?? 'not-started';
    if (a.remove !== undefined) form[`actions.${i}.remove`] = String(a.remove);
  });
  return form;
}

// ---- valid form values for every step --------------------------------------------------------

export const VALID_FORMS: Readonly<Record<FormStep, FormBuilder>> = {
  'set-up': () => setUpValues(),
  introductions: (review) =>
    attendeeValues(currentAttendeeRows(review, DEFAULT_ATTENDEES.filter((d) => !review.attendees.some((a) => a.name === d.name)))),
  explanations: () => ({ roleAndModelExplained: 'true', camerasOnAsked: 'true' }),
  'child-voice': (review) => {
    const form: Record<string, string> = {};
    (review.setUp?.children ?? []).forEach((child, i) => {
      Object.assign(form, {
        [`voices.${i}.source`]: 'own-words-verbatim',
        [`voices.${i}.ownWords`]: `${child.firstName}: I like my new school`,
        [`voices.${i}.accountBy`]: '',
        [`voices.${i}.account`]: '',
        [`voices.${i}.seenAlone`]: 'yes',
        [`voices.${i}.notSeenAloneReason`]: '',
        [`voices.${i}.interpreter`]: 'not-needed',
        [`voices.${i}.wishesAndFeelings`]: `${child.firstName} wants to see her dad more`,
        [`voices.${i}.feelsSafe`]: 'yes',
      });
    });
    return form;
  },
  'parents-voice': (review) => {
    const form: Record<string, string> = {};
    parentsAndCarers(review).forEach((p, i) => {
      form[`parents.${i}.wantsFromToday`] = `${p.name} wants the social worker to visit less`;
      form[`parents.${i}.raises`] = '';
      form[`parents.${i}.viewsOnPlan`] = 'The plan is helping';
    });
    return form;
  },
  plan: (review) => planValues(review),
  updates: (review) => {
    const form: Record<string, string> = {};
    professionalsPresent(review).forEach((a, i) => (form[`updates.${i}.update`] = `Update from ${a.name}`));
    return form;
  },
  mapping: () => ({
    workingWell: 'Amy attends school every day',
    worries: 'Arguments at home late at night',
    complicatingFactors: 'Dad works away',
    safetyPlan: 'tested',
    safetyPlanNotes: 'Tested once, it held',
    scaleOverall: '6',
    scaleParents: '7',
    scaleProfessionals: '5',
    'childScales.0.score': '8',
  }),
  equality: () => ({
    identityAndCulture: 'Amy attends church with her gran',
    language: 'English is her first language',
    disability: 'None known',
  }),
  outcome: () => outcomeValues(),
  'exit-planning': () => ({ agenciesAsked: 'true', exitStrategies: 'School will continue the weekly check-ins' }),
  'next-meeting': (review) => ({ familyPreference: 'in-person', proposedDate: addDays(meetingDateOf(review), 28), proposedTime: '10:00', venue: 'Bridge Street Family Centre' }),
};

// ---- driving the machine ---------------------------------------------------------------------

/** Decide with the chair as actor and a clock one minute after the review's last change. */
export function decideAsChair(review: Review, command: ReviewCommand, actor: TeamsPerson = review.chair, now = later(review.updatedAt)): Decision {
  return decide(review, command, actor, now);
}

/** Like decideAsChair, but the command must be accepted (throws with the refusal otherwise). */
export function accept(review: Review, command: ReviewCommand, actor: TeamsPerson = review.chair, now = later(review.updatedAt)): Review {
  const d = decide(review, command, actor, now);
  if (!d.ok) throw new Error(`${command.type} refused at ${review.currentStep}: ${d.code} ${d.message} ${JSON.stringify(d.fieldErrors ?? {})}`);
  return d.review;
}

export function submit(review: Review, form?: FormValues, intent: 'continue' | 'save' = 'continue'): Review {
  const step = review.currentStep as FormStep;
  return accept(review, { type: 'submit', step, form: form ?? VALID_FORMS[step](review), intent });
}

export interface WalkOptions {
  /** Form builders to use instead of VALID_FORMS for some steps. */
  readonly forms?: Partial<Record<FormStep, FormBuilder>>;
  /** Where to start (default: a fresh review with no roster). */
  readonly from?: Review;
}

/** Submit (continue) each current step until the review stands at `step`. Throws if the walk skips it. */
export function walkTo(step: StepId, options: WalkOptions = {}): Review {
  let review = options.from ?? freshReview();
  for (let guard = 0; review.currentStep !== step; guard++) {
    if (review.currentStep === 'minutes' || guard > 20) throw new Error(`walkTo(${step}): the walk never reached it`);
    const current = review.currentStep as FormStep;
    review = submit(review, (options.forms?.[current] ?? VALID_FORMS[current])(review));
  }
  return review;
}

/** A review with every applicable step completed, standing at the minutes. */
export function completeReview(options: WalkOptions = {}): Review {
  return walkTo('minutes', options);
}

/**
 * A review at `step` whose chat holds the chair and a colleague (OTHER, health), both in the review's
 * tenant by the roster: the chair can be handed to OTHER, and back.
 */
export function withColleague(step: StepId = 'child-voice'): Review {
  const roster = [{ ...CHAIR, tenantId: 'tenant-1' }, { ...OTHER, tenantId: 'tenant-1' }];
  return walkTo(step, {
    from: freshReview(roster),
    forms: {
      introductions: (r) =>
        attendeeValues(currentAttendeeRows(r, DEFAULT_ATTENDEES.slice(1)).map((row) => (row.name === OTHER.name ? { ...row, role: 'health' } : row))),
    },
  });
}

/** OTHER's identity as the review holds it (from the roster). */
export function colleagueOf(review: Review): TeamsPerson {
  const found = review.attendees.find((a) => a.teams?.teamsUserId === OTHER.teamsUserId)?.teams;
  if (!found) throw new Error('OTHER is not an attendee of this review');
  return found;
}
