import { explanationsNeeded, parentsAndCarers, professionalsPresent } from '../domain/review/agenda';
import { labelOf } from '../domain/review/review-labels';
import { Review, StepId } from '../domain/review/review';
import { formatCalendarDate } from '../domain/timescales';
import { MAX_ACTIONS, MAX_ATTENDEES, MAX_CHILDREN, MAX_STATEMENTS } from '../domain/review/step-forms';
import { CardSection, FieldBuilder } from './card-fields';

const section = (heading: string, fields: CardSection['fields'], note = ''): CardSection => ({ heading, note, fields });

export interface SectionContext {
  /** Pre-fills the meeting date. */
  readonly today: string;
  /** The authorities whose timescales the bot knows, and the configured default. */
  readonly packChoices: ReadonlyArray<{ title: string; value: string }>;
  readonly defaultPackId: string;
}

/** What each agenda step asks, as card sections. */
export function sectionsFor(step: StepId, review: Review, f: FieldBuilder, { today, packChoices, defaultPackId }: SectionContext): CardSection[] {
  switch (step) {
    case 'set-up': {
      const s = review.setUp;
      const children = s?.children ?? [];
      return [
        section('The meeting', [
          f.choice('meetingType', 'Meeting type', 'meetingType', s?.meetingType),
          f.date('meetingDate', 'Meeting date', s?.meetingDate ?? today),
          f.choice('mode', 'Held', 'mode', s?.mode),
          f.text('chairName', 'Chair', s?.chairName ?? review.chair.name),
          f.choice('chairRole', "Chair's role", 'chairRole', s?.chairRole),
        ]),
        section('The case', [
          f.date('planStartDate', 'The CIN plan started on', s?.planStartDate),
          f.choiceOf('policyPackId', 'Timescales of', [...packChoices], s?.policyPackId ?? defaultPackId),
          f.choice('leadWorker', 'The plan is led by', 'leadWorker', s?.leadWorker),
          f.long('timescaleReason', 'Reason, if outside the timescales', s?.timescaleReason),
        ], timescaleNote(review)),
        ...range(f.rowCount('children', children.length, MAX_CHILDREN)).map((i) =>
          section(`Child ${i + 1}`, [
            f.text(`children.${i}.firstName`, 'First name only', children[i]?.firstName),
            f.text(`children.${i}.caseReference`, 'Case reference', children[i]?.caseReference),
          ], i > 0 && i >= children.length ? 'Leave blank if there is no other child.' : ''),
        ),
      ];
    }
    case 'introductions':
      return range(f.rowCount('attendees', review.attendees.length, MAX_ATTENDEES)).map((i) => {
        const a = review.attendees[i];
        return section(a ? a.name : 'Add an attendee', [
          f.text(`attendees.${i}.name`, 'Name', a?.name),
          f.choice(`attendees.${i}.role`, 'Role or agency', 'role', a?.role),
          f.optionalText(`attendees.${i}.organisation`, 'Organisation (e.g. school name)', a?.organisation),
          f.choice(`attendees.${i}.attendance`, 'Attendance', 'attendance', a?.attendance ?? 'present'),
          f.optionalText(`attendees.${i}.contact`, 'Contact details (phone or email)', a?.contact),
          // The chair cannot remove themselves: they are chairing.
          ...(a && a.teams?.teamsUserId !== review.chair.teamsUserId ? [f.tick(`attendees.${i}.remove`, 'Remove from this meeting', false)] : []),
        ], a?.teams && a.role === 'other' ? 'In this Teams chat: set their role.' : '');
      });
    case 'explanations': {
      const needed = explanationsNeeded(review);
      const e = review.explanations;
      return [
        section('Before you start', [
          ...(needed.includes('role-and-model')
            ? [f.tick('roleAndModelExplained', 'I have explained my role and the Family Help model', e?.roleAndModelExplained)]
            : []),
          ...(needed.includes('cameras') ? [f.tick('camerasOnAsked', 'I have asked professionals to have cameras on', e?.camerasOnAsked)] : []),
        ]),
      ];
    }
    case 'child-voice':
      return (review.setUp?.children ?? []).map((child, i) => {
        const v = review.childVoices.find((x) => x.childKey === child.key);
        const p = `voices.${i}.`;
        return section(`${child.firstName}'s voice`, [
          f.choice(`${p}source`, "How was the child's voice obtained?", 'source', v?.source),
          f.long(`${p}ownWords`, "The child's own words, verbatim (only what the child said)", v?.ownWords),
          f.optionalText(`${p}accountBy`, 'If someone shared it: who (name and role)', v?.accountBy),
          f.long(`${p}account`, 'What they shared or observed (their account, not the child’s words)', v?.account),
          f.choice(`${p}seenAlone`, 'Seen alone since the last meeting?', 'seenAlone', v?.seenAlone),
          f.long(`${p}notSeenAloneReason`, 'If not, why not', v?.notSeenAloneReason),
          f.choice(`${p}interpreter`, 'Interpreter (not a family member)', 'interpreter', v?.interpreter),
          f.long(`${p}wishesAndFeelings`, "The child's wishes and feelings", v?.wishesAndFeelings),
          f.choice(`${p}feelsSafe`, 'Does the child say they feel safe?', 'feelsSafe', v?.feelsSafe),
        ]);
      });
    case 'parents-voice':
      return parentsAndCarers(review).map((parent, i) => {
        const v = review.parentVoices.find((x) => x.attendeeKey === parent.key);
        const p = `parents.${i}.`;
        return section(`${parent.name} (${labelOf('attendance', parent.attendance)})`, [
          f.long(`${p}wantsFromToday`, 'What they want from today', v?.wantsFromToday),
          f.long(`${p}raises`, 'Anything they raise', v?.raises),
          f.long(`${p}viewsOnPlan`, 'Their views on the plan', v?.viewsOnPlan),
        ]);
      });
    case 'plan':
      return planSections(review, f);
    case 'updates':
      return professionalsPresent(review).map((a, i) => {
        const u = review.updates.find((x) => x.attendeeKey === a.key);
        return section(`${a.name}, ${a.organisation || labelOf('role', a.role)}`, [f.long(`updates.${i}.update`, 'Update', u?.update)]);
      });
    case 'mapping': {
      const m = review.mapping;
      const score = (party: string) => m?.scaling.find((s) => s.party === party)?.score.toString();
      return [
        section('Mapping', [
          f.long('workingWell', 'What is working well', m?.workingWell),
          f.long('worries', 'What are we worried about', m?.worries),
          f.long('complicatingFactors', 'Complicating factors', m?.complicatingFactors),
          f.choice('safetyPlan', 'Safety plan since the last meeting', 'safetyPlan', m?.safetyPlan),
          f.long('safetyPlanNotes', 'Safety plan: what was tested or changed', m?.safetyPlanNotes),
        ]),
        section('Scaling, 0 to 10', [
          f.optionalText('scaleOverall', 'Overall (0-10)', score('Overall')),
          f.optionalText('scaleParents', 'Parents (0-10, optional)', score('Parents')),
          f.optionalText('scaleProfessionals', 'Professionals (0-10, optional)', score('Professionals')),
          f.optionalText('scaleChild', 'Child (0-10, optional)', score('Child')),
        ], '0 means the worries are so serious the child must be protected; 10 means everyone is confident the child is safe.'),
      ];
    }
    case 'equality': {
      const q = review.equality;
      return [
        section('How the child’s needs are met', [
          f.long('identityAndCulture', 'Identity and culture', q?.identityAndCulture),
          f.long('language', 'Language and communication', q?.language),
          f.long('disability', 'Any disability', q?.disability),
        ]),
      ];
    }
    case 'outcome': {
      const o = review.outcome;
      return [
        section('Decision', [
          f.choice('kind', 'Outcome of the review', 'outcome', o?.kind),
          f.long('reason', 'Reason for the decision', o?.reason),
          f.optionalText('leadProfessional', 'Lead professional (step down / across)', o?.leadProfessional),
          f.tick('closureLikelyNextTime', 'Closure is likely at the next meeting', o?.closureLikelyNextTime),
        ]),
        section('Closure conditions (only if closing)', [
          f.tick('managerAgreement', 'Manager agreement captured in supervision / oversight', o?.closure?.managerAgreement),
          f.tick('closureSummary', 'CIN review and closure summary written', o?.closure?.closureSummary),
          f.tick('safetyPlanCirculated', 'Safety plan in place and circulated to the group', o?.closure?.safetyPlanCirculated),
          f.tick('stepAcrossConsidered', 'Step across to Early Help considered', o?.closure?.stepAcrossConsidered),
        ]),
      ];
    }
    case 'exit-planning': {
      const x = review.exitPlanning;
      return [
        section('Closure likely next time', [
          f.tick('agenciesAsked', 'I have said so and asked agencies to prepare exit strategies', x?.agenciesAsked),
          f.long('exitStrategies', 'Exit strategies and contingencies (e.g. school if the child is not in school)', x?.exitStrategies),
        ]),
      ];
    }
    case 'next-meeting': {
      const n = review.nextMeeting;
      return [
        section('Book the next meeting', [
          f.choice('familyPreference', 'The family would like it', 'familyPreference', n?.familyPreference),
          f.date('proposedDate', 'Proposed date', n?.proposedDate),
          f.time('proposedTime', 'Proposed time (optional)', n?.proposedTime),
          f.long('dateReason', 'Reason, if outside the window', n?.dateReason),
        ], [nextWindowNote(review), 'The booking itself is made after sign-off.'].filter((x) => x !== '').join(' ')),
      ];
    }
    case 'minutes':
      return [];
  }
}

function planSections(review: Review, f: FieldBuilder): CardSection[] {
  const plan = review.plan;
  const statements = plan?.dangerStatements ?? [];
  const actions = plan?.actions ?? [];
  const initial = review.setUp?.meetingType === 'initial';
  return [
    ...range(f.rowCount('statements', statements.length, MAX_STATEMENTS)).map((i) =>
      section(`Danger statement and safety goal ${i + 1}`, [
        f.long(`statements.${i}.danger`, 'Danger statement', statements[i]?.danger),
        f.long(`statements.${i}.safetyGoal`, 'Safety goal', statements[i]?.safetyGoal),
        ...(statements[i] ? [f.tick(`statements.${i}.remove`, 'Remove', false)] : []),
      ]),
    ),
    section('', [
      f.tick(
        'statementsAgreedOrReviewed',
        initial ? 'The danger statements and safety goals are agreed' : 'The danger statements and safety goals have been reviewed',
        plan?.statementsAgreedOrReviewed,
      ),
    ]),
    ...range(f.rowCount('actions', actions.length, MAX_ACTIONS)).map((i) => {
      const a = actions[i];
      return section(a ? `Action ${i + 1}${a.carriedForward ? ' (carried forward)' : ''}` : 'New action', [
        f.long(`actions.${i}.what`, 'What', a?.what),
        f.text(`actions.${i}.who`, 'Who', a?.who),
        f.date(`actions.${i}.byWhen`, 'By when', a?.byWhen),
        f.choice(`actions.${i}.status`, 'Status', 'status', a?.status ?? 'not-started'),
        ...(a ? [f.tick(`actions.${i}.remove`, 'Remove', false)] : []),
      ]);
    }),
  ];
}

/** The timescales as judged at the last save of set-up: plan week, minutes due, next window, warnings. */
export function timescaleNote(review: Review): string {
  const t = review.timescales;
  if (!t) return 'Save to see the timescales for this meeting.';
  const lines = [
    `${t.authority}: ${t.planWeek}.`,
    t.minutesDue.date ? `Minutes due by ${formatCalendarDate(t.minutesDue.date)}.` : t.minutesDue.explanation,
    nextWindowNote(review),
    ...[t.chair, t.meetingDate].filter((v) => v !== null && !v.ok).map((v) => `⚠ ${v!.message}`),
  ];
  return lines.filter((l) => l !== '').join(' ');
}

function nextWindowNote(review: Review): string {
  const t = review.timescales;
  if (!t) return '';
  if (!t.nextReview) return t.nextReviewNote;
  const w = t.nextReview;
  return `Next review between ${formatCalendarDate(w.earliest)} and ${formatCalendarDate(w.latest)}; aim for ${formatCalendarDate(w.target)}.`;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
