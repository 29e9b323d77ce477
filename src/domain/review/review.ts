/**
 * The record of one Child in Need review meeting, as the chair builds it step by step.
 * Pure data: no I/O, no card shapes. Dates are calendar dates ('YYYY-MM-DD'); instants are ISO strings.
 */

import { CHAIR_ROLES, ChairRole, LEAD_WORKERS, LeadWorker, MEETING_TYPES, MeetingType } from '../timescales/pack-roles';

// The meeting types, chair roles and lead workers are the timescales' words: the review uses them.
export { CHAIR_ROLES, LEAD_WORKERS, MEETING_TYPES };
export type { ChairRole, LeadWorker, MeetingType };
export * from './review-next-meeting';
export * from './review-sign-off';
import type { BookedAs, MeetingMode, NextMeeting, SlotOffer } from './review-next-meeting';
import type { MinutesChoices, SignOff } from './review-sign-off';

// Who is in the meeting: the attendees, the children, and the Teams identities the bot trusts.
export * from './review-people';
import type { Attendee, Child, TeamsPerson } from './review-people';

export const VOICE_SOURCES = [
  'child-in-meeting',
  'own-words-verbatim',
  'drawing-or-writing',
  'mind-of-my-own',
  'shared-by-professional',
  'shared-by-family',
  'observations',
] as const;
export type VoiceSource = (typeof VOICE_SOURCES)[number];

export const YES_NO = ['yes', 'no'] as const;
export const INTERPRETER = ['not-needed', 'non-family-interpreter', 'needed-not-used'] as const;
export const FEELS_SAFE = ['yes', 'no', 'unsure', 'not-asked'] as const;

/**
 * The child's voice. The child's own words and someone else's account of them are kept apart,
 * each with who said it: they are never merged into one text.
 */
export interface ChildVoice {
  readonly childKey: string;
  readonly source: VoiceSource;
  /** The child's own words, verbatim. Empty when the child gave none. */
  readonly ownWords: string;
  /** What another person said of the child's wishes and feelings, and who they are. */
  readonly accountBy: string;
  readonly account: string;
  readonly seenAlone: (typeof YES_NO)[number];
  readonly notSeenAloneReason: string;
  readonly interpreter: (typeof INTERPRETER)[number];
  readonly wishesAndFeelings: string;
  readonly feelsSafe: (typeof FEELS_SAFE)[number];
  /** Whether the child attended the meeting; null when not recorded. */
  readonly attended: (typeof YES_NO)[number] | null;
  /** 001 §1: why not, when the child did not attend. */
  readonly notAttendingReason: string;
}

export interface ParentVoice {
  readonly attendeeKey: string;
  readonly wantsFromToday: string;
  readonly raises: string;
  readonly viewsOnPlan: string;
}

export interface DangerStatement {
  readonly key: string;
  readonly danger: string;
  readonly safetyGoal: string;
}

export const ACTION_STATUSES = ['done', 'on-track', 'not-started', 'drifting'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface PlanAction {
  readonly key: string;
  readonly what: string;
  /** The owner's name, as picked from the attendees or typed. */
  readonly who: string;
  /** The attendee who owns it, when picked from this review's attendees. */
  readonly ownerKey?: string;
  readonly byWhen: string;
  readonly status: ActionStatus;
  /** Brought from the last review of the same case. */
  readonly carriedForward: boolean;
  /** Left out of the family's copy of the minutes. */
  readonly notForFamily: boolean;
}

export interface Plan {
  readonly dangerStatements: readonly DangerStatement[];
  /** At an initial meeting the statements are agreed; later they are reviewed. */
  readonly statementsAgreedOrReviewed: boolean;
  readonly actions: readonly PlanAction[];
  /** 001 §3: what happens if circumstances change significantly or objectives are not met. */
  readonly contingencyPlan: string;
}

export interface AgencyUpdate {
  readonly attendeeKey: string;
  readonly update: string;
  /** Left out of the family's copy of the minutes. */
  readonly notForFamily: boolean;
  /** Sent in writing by an agency that gave its apologies. */
  readonly inWriting: boolean;
}

export const SAFETY_PLAN_STATES = ['tested', 'changed', 'tested-and-changed', 'neither', 'no-safety-plan-yet'] as const;

export interface Scaling {
  /** Who scaled: "Overall", "Parents", "Professionals", or the child's or parent's name when saved. */
  readonly party: string;
  readonly score: number;
  /** Set when a child scaled (or was scaled for). */
  readonly childKey?: string;
  /** Set when one parent or carer scaled. */
  readonly attendeeKey?: string;
}

export interface Mapping {
  readonly workingWell: string;
  readonly worries: string;
  /** Worries shared among professionals only: never in the family's copy. */
  readonly professionalWorries: string;
  readonly complicatingFactors: string;
  readonly safetyPlan: (typeof SAFETY_PLAN_STATES)[number];
  readonly safetyPlanNotes: string;
  readonly scaling: readonly Scaling[];
}

export interface EqualityAndDiversity {
  readonly identityAndCulture: string;
  readonly language: string;
  readonly disability: string;
}

export const OUTCOMES = ['continue', 'step-down', 'close', 'assessment', 'escalate'] as const;
export type OutcomeKind = (typeof OUTCOMES)[number];

export interface ClosureChecklist {
  readonly managerAgreement: boolean;
  readonly closureSummary: boolean;
  readonly safetyPlanCirculated: boolean;
  readonly stepAcrossConsidered: boolean;
}

export interface Outcome {
  readonly kind: OutcomeKind;
  readonly reason: string;
  readonly decidedAt: string;
  readonly leadProfessional: string;
  readonly closure?: ClosureChecklist;
  readonly closureLikelyNextTime: boolean;
  /** When the chair was told what to do next on an escalation. */
  readonly escalationInstructedAt?: string;
}

export interface ExitPlanning {
  readonly agenciesAsked: boolean;
  readonly exitStrategies: string;
}

export interface SetUp {
  readonly meetingType: MeetingType;
  readonly children: readonly Child[];
  readonly chairName: string;
  readonly chairRole: ChairRole;
  readonly meetingDate: string;
  readonly mode: MeetingMode;
  /** The case's timescales: the day the CIN plan started, the authority's policy pack, who leads the plan. */
  readonly planStartDate: string;
  readonly policyPackId: string;
  readonly leadWorker: LeadWorker;
  /** Why, when the meeting is outside its window or the chair is not the one the procedure names. */
  readonly timescaleReason: string;
  /**
   * For a case the bot holds no review of (it began before the bot): the last CIN review before this
   * one and the day the case opened, as the chair records them ('' when not given).
   */
  readonly lastReviewDate: string;
  readonly caseOpenedDate: string;
}

/** The timescales as they stood when the chair set the meeting up: what the minutes record. */
export interface TimescaleRecord {
  readonly packId: string;
  readonly authority: string;
  readonly planWeek: string;
  readonly minutesDue: { readonly date: string | null; readonly explanation: string };
  readonly nextReview: { readonly earliest: string; readonly latest: string; readonly target: string; readonly explanation: string } | null;
  readonly nextReviewNote: string;
  readonly chair: { readonly ok: boolean; readonly message: string };
  readonly meetingDate: { readonly ok: boolean; readonly message: string } | null;
  /** Reviews of this case signed off before this one (at least 1 when the chair recorded the last one). */
  readonly previousReviews: number;
  /** Where the case's history came from: the bot's own reviews, the chair's record at set-up, or none known. */
  readonly historyFrom: HistorySource;
}

export const HISTORY_SOURCES = ['bot', 'chair', 'none'] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];

export interface Explanations {
  readonly roleAndModelExplained: boolean;
  readonly camerasOnAsked: boolean;
}

export interface ChairHandOver {
  readonly from: TeamsPerson;
  readonly to: TeamsPerson;
  readonly at: string;
}

export type ReviewStatus = 'in-progress' | 'signed-off' | 'cancelled';

export interface Review {
  readonly id: string;
  readonly conversationId: string;
  readonly tenantId: string;
  readonly status: ReviewStatus;
  /** Incremented on every accepted change; cards carry it to detect stale presses. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly startedBy: TeamsPerson;
  readonly chair: TeamsPerson;
  /** Every hand-over of the chair, oldest first: the minutes record them. */
  readonly chairHandOvers: readonly ChairHandOver[];
  readonly currentStep: StepId;
  /** Steps the chair has completed at least once. */
  readonly completedSteps: readonly StepId[];
  /** People Teams says are in the chat or meeting, offered as a starting list of attendees. */
  readonly rosterOffered: readonly TeamsPerson[];
  readonly setUp?: SetUp;
  readonly timescales?: TimescaleRecord;
  readonly attendees: readonly Attendee[];
  readonly explanations?: Explanations;
  readonly childVoices: readonly ChildVoice[];
  readonly parentVoices: readonly ParentVoice[];
  readonly plan?: Plan;
  readonly updates: readonly AgencyUpdate[];
  readonly mapping?: Mapping;
  readonly equality?: EqualityAndDiversity;
  readonly outcome?: Outcome;
  readonly exitPlanning?: ExitPlanning;
  readonly nextMeeting?: NextMeeting;
  /** The booking this review was started from, when its last review here booked it. */
  readonly bookedAs?: BookedAs;
  /** The free times found for the next meeting, offered on its step. */
  readonly slotOffer?: SlotOffer;
  readonly signOff?: SignOff;
  /** Set with the sign-off: who receives which letter (each attendee's tick is on the attendee). */
  readonly minutesChoices?: MinutesChoices;
  readonly cancelled?: SignOff;
  /** The shared progress message in the chat, once it has been posted. */
  readonly sharedCardActivityId?: string;
}

export const STEP_IDS = [
  'set-up',
  'introductions',
  'explanations',
  'child-voice',
  'parents-voice',
  'plan',
  'updates',
  'mapping',
  'equality',
  'outcome',
  'exit-planning',
  'next-meeting',
  'minutes',
] as const;
export type StepId = (typeof STEP_IDS)[number];
