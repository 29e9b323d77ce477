import { CalendarDate, formatCalendarDate } from './calendar-date';
import { cite } from './citation';
import { addCalendarDuration, describeDuration } from './duration';
import { LeadWorker, MeetingType, PackRole, meetingWords, roleList, roleName, withArticle } from './pack-roles';
import { ChairRule, PolicyPack } from './policy-pack-schema';
import { TimescaleInputError, variationOf } from './variations';
import { Verdict, accepted, reasonNeeded } from './verdict';

/** What the chair rules may depend on, besides the meeting type and the plan's age. */
export interface ChairContext {
  /** Whether a social worker or a key worker leads the plan (Leicestershire's rules differ). */
  readonly leadWorker?: LeadWorker;
  /** 1 for the first review after the plan started, 2 for the next... (Hertfordshire's first review differs). */
  readonly reviewNumber?: number;
  readonly variation?: string;
  /**
   * The day the case opened, where known (on or before the plan's start). A pack whose long-running
   * rule concerns how long the case has been open counts from it; without it, from the plan's start.
   */
  readonly caseOpened?: CalendarDate;
}

export type ChairVerdict = Verdict<'named-chair' | 'not-named' | 'no-rule'> & { readonly allowedRoles: readonly PackRole[] };

type RuleMeeting = ChairRule['meeting'];

/**
 * Whether `chairRole` may chair this meeting under the pack. A chair the rule does not name is never
 * silently accepted: the verdict says who the rule names, quotes it, and asks for the reason.
 */
export function checkChairEligibility(
  pack: PolicyPack,
  meetingType: MeetingType,
  chairRole: PackRole,
  planStart: CalendarDate,
  meetingDate: CalendarDate,
  context: ChairContext = {},
): ChairVerdict {
  const what = meetingWords(meetingType);
  const longRunning = pack.chairs.longRunning;
  const open = openSince(longRunning?.countedFrom, planStart, context.caseOpened);
  if (
    longRunning !== undefined &&
    meetingType !== 'initial' &&
    variationOf(pack, context.variation)?.skipLongRunningChair !== true &&
    meetingDate > addCalendarDuration(open.since, longRunning.after)
  ) {
    const why = `the ${open.what} has been open more than ${describeDuration(longRunning.after)} (since ${formatCalendarDate(open.since)})`;
    return verdictFor(pack, chairRole, what, longRunning.roles, cite(pack, longRunning.source), why);
  }
  const rule = ruleFor(pack, meetingType, context);
  if (rule === undefined) {
    return {
      ...accepted('no-rule', `${pack.authority}'s procedures do not say who chairs ${withArticle(what)}; no rule to check.`),
      allowedRoles: [],
    };
  }
  return verdictFor(pack, chairRole, what, rule.roles, cite(pack, rule.source), undefined, rule.unless);
}

/**
 * What a long-running rule counts from: the case's opening where the pack says so and it is known,
 * else the plan's start (a case is open at least as long as its plan, so the earlier of the two).
 */
function openSince(countedFrom: 'planStart' | 'caseOpened' | undefined, planStart: CalendarDate, caseOpened: CalendarDate | undefined) {
  if (countedFrom === 'caseOpened' && caseOpened !== undefined && caseOpened <= planStart) return { what: 'case', since: caseOpened };
  return { what: 'plan', since: planStart };
}

function verdictFor(
  pack: PolicyPack,
  chairRole: PackRole,
  what: string,
  roles: readonly PackRole[],
  citation: string,
  why?: string,
  unless?: string,
): ChairVerdict {
  const because = why === undefined ? '' : ` because ${why}`;
  if (roles.includes(chairRole)) {
    return { ...accepted('named-chair', `A ${roleName(chairRole)} may chair this ${what}${because}.`, citation), allowedRoles: roles };
  }
  const exception = unless === undefined ? '' : ` The procedure allows another chair ${unless}.`;
  return {
    ...reasonNeeded(
      'not-named',
      `${pack.authority}'s rule names the ${roleList(roles)} to chair this ${what}${because}, not a ${roleName(chairRole)}.` +
        `${exception} Record the reason for this chair.`,
      citation,
    ),
    allowedRoles: roles,
  };
}

/** The most specific rule: first review before other reviews, final before progress; the plan's lead worker where rules differ by it. */
function ruleFor(pack: PolicyPack, meetingType: MeetingType, context: ChairContext): ChairRule | undefined {
  const hasRule = (meeting: RuleMeeting) => pack.chairs.rules.some((r) => r.meeting === meeting);
  const reviews: RuleMeeting[] = [];
  if (meetingType !== 'initial' && hasRule('first-review')) {
    if (context.reviewNumber === undefined) {
      throw new TimescaleInputError(`${pack.authority} has a separate chair rule for the first review, so reviewNumber is needed`);
    }
    if (context.reviewNumber === 1) reviews.push('first-review');
  }
  const order: RuleMeeting[] =
    meetingType === 'initial' ? ['initial'] : meetingType === 'final' ? ['final', ...reviews, 'progress'] : [...reviews, 'progress'];
  for (const meeting of order) {
    const rules = pack.chairs.rules.filter((r) => r.meeting === meeting);
    if (rules.length === 0) continue;
    if (rules.some((r) => r.leadWorker !== undefined) && context.leadWorker === undefined) {
      throw new TimescaleInputError(
        `${pack.authority}'s chair rule for ${meeting} meetings depends on whether a social worker or key worker leads the plan, so leadWorker is needed`,
      );
    }
    const rule = rules.find((r) => r.leadWorker === context.leadWorker) ?? rules.find((r) => r.leadWorker === undefined);
    if (rule !== undefined) return rule;
  }
  return undefined;
}
