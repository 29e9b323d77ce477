import { z } from 'zod';
import { CinError } from '../../errors/error-catalogue';
import {
  ACTION_STATUSES, ATTENDANCE, ATTENDEE_ROLES, CHAIR_ROLES, FEELS_SAFE, HISTORY_SOURCES, INTERPRETER, LEAD_WORKERS, MEETING_MODES, MEETING_TYPES,
  LETTER_PARTS, LetterPart, OUTCOMES, Review, SAFETY_PLAN_STATES, STEP_IDS, VOICE_SOURCES, YES_NO,
} from './review';

/**
 * The stored review: a versioned document, read with a schema, never cast.
 * Version 1 (this one) holds contacts as data. Version 0 (no `formatVersion`) had one free-text
 * `contact` per attendee: on read, an email-shaped contact becomes the email, anything else the phone.
 * Fields added since a version was written are read with their defaults.
 */
export const REVIEW_FORMAT_VERSION = 1;

export type StoredReview = Review & { readonly formatVersion: typeof REVIEW_FORMAT_VERSION };

const str = z.string();
const verdict = z.object({ ok: z.boolean(), message: str });
const teamsPerson = z.object({ teamsUserId: str, aadObjectId: str.optional(), name: str, email: str.optional(), tenantId: str.optional() });
const signed = z.object({ by: teamsPerson, at: str });

const attendeeCommon = {
  key: str,
  name: str,
  role: z.enum(ATTENDEE_ROLES).nullable(),
  organisation: str,
  attendance: z.enum(ATTENDANCE),
  teams: teamsPerson.optional(),
};
const attendee = z.object({
  ...attendeeCommon,
  email: str.default(''),
  phone: str.default(''),
  receivesMinutes: z.boolean().default(true),
  doNotShareContact: z.boolean().default(false),
});

const EMAIL = z.email();
const attendeeV0 = z.object({ ...attendeeCommon, contact: str.default('') }).transform(({ contact, ...rest }) => {
  const isEmail = EMAIL.safeParse(contact.trim()).success;
  return { ...rest, email: isEmail ? contact.trim() : '', phone: isEmail ? '' : contact, receivesMinutes: true, doNotShareContact: false };
});

const setUp = z.object({
  meetingType: z.enum(MEETING_TYPES),
  children: z.array(z.object({ key: str, firstName: str, caseReference: str })),
  chairName: str,
  chairRole: z.enum(CHAIR_ROLES),
  meetingDate: str,
  mode: z.enum(MEETING_MODES),
  planStartDate: str,
  policyPackId: str,
  leadWorker: z.enum(LEAD_WORKERS),
  timescaleReason: str,
  lastReviewDate: str.default(''),
  caseOpenedDate: str.default(''),
});

const timescales = z.object({
  packId: str,
  authority: str,
  planWeek: str,
  minutesDue: z.object({ date: str.nullable(), explanation: str }),
  nextReview: z.object({ earliest: str, latest: str, target: str, explanation: str }).nullable(),
  nextReviewNote: str,
  chair: verdict,
  meetingDate: verdict.nullable(),
  previousReviews: z.number().int().nonnegative(),
  // Written before the history's source was kept: shown as not known, so set-up still offers its dates.
  historyFrom: z.enum(HISTORY_SOURCES).default('none'),
});

const childVoice = z.object({
  childKey: str,
  source: z.enum(VOICE_SOURCES),
  ownWords: str,
  accountBy: str,
  account: str,
  seenAlone: z.enum(YES_NO),
  notSeenAloneReason: str,
  interpreter: z.enum(INTERPRETER),
  wishesAndFeelings: str,
  feelsSafe: z.enum(FEELS_SAFE),
  attended: z.enum(YES_NO).nullable().default(null),
  notAttendingReason: str.default(''),
});

const plan = z.object({
  dangerStatements: z.array(z.object({ key: str, danger: str, safetyGoal: str })),
  statementsAgreedOrReviewed: z.boolean(),
  actions: z.array(
    z.object({
      key: str,
      what: str,
      who: str,
      ownerKey: str.optional(),
      byWhen: str,
      status: z.enum(ACTION_STATUSES),
      carriedForward: z.boolean(),
      notForFamily: z.boolean().default(false),
    }),
  ),
  contingencyPlan: str.default(''),
});

const mapping = z.object({
  workingWell: str,
  worries: str,
  professionalWorries: str.default(''),
  complicatingFactors: str,
  safetyPlan: z.enum(SAFETY_PLAN_STATES),
  safetyPlanNotes: str,
  scaling: z.array(z.object({ party: str, score: z.number().int().min(0).max(10), childKey: str.optional(), attendeeKey: str.optional() })),
});

const outcome = z.object({
  kind: z.enum(OUTCOMES),
  reason: str,
  decidedAt: str,
  leadProfessional: str,
  closure: z
    .object({ managerAgreement: z.boolean(), closureSummary: z.boolean(), safetyPlanCirculated: z.boolean(), stepAcrossConsidered: z.boolean() })
    .optional(),
  closureLikelyNextTime: z.boolean(),
  escalationInstructedAt: str.optional(),
});

const nextMeeting = z.object({
  familyPreference: z.enum(MEETING_MODES).nullable(),
  parentPreferences: z.array(z.object({ attendeeKey: str, mode: z.enum(MEETING_MODES) })).default([]),
  proposedDate: str,
  proposedTime: str,
  dateReason: str,
  dateVerdict: verdict.nullable(),
  venue: str.default(''),
  schoolAgeChild: z.enum(YES_NO).default('no'),
  booking: z
    .object({
      bookingKey: str,
      start: str,
      end: str,
      online: z.boolean(),
      location: str,
      organiser: z.object({ name: str, email: str }),
    })
    .nullable(),
});

const slot = z.object({ start: str, end: str, date: str, time: str, endTime: str });
const slotOffer = z.object({ slots: z.array(slot), unreadable: z.array(str), schoolAgeChild: z.boolean(), at: str });

const stepId = z.enum(STEP_IDS);

const reviewShape = {
  id: str,
  conversationId: str,
  tenantId: str,
  status: z.enum(['in-progress', 'signed-off', 'cancelled']),
  version: z.number().int().positive(),
  createdAt: str,
  updatedAt: str,
  startedBy: teamsPerson,
  chair: teamsPerson,
  chairHandOvers: z.array(z.object({ from: teamsPerson, to: teamsPerson, at: str })).default([]),
  currentStep: stepId,
  completedSteps: z.array(stepId),
  rosterOffered: z.array(teamsPerson),
  setUp: setUp.optional(),
  timescales: timescales.optional(),
  attendees: z.array(attendee),
  explanations: z.object({ roleAndModelExplained: z.boolean(), camerasOnAsked: z.boolean() }).optional(),
  childVoices: z.array(childVoice),
  parentVoices: z.array(z.object({ attendeeKey: str, wantsFromToday: str, raises: str, viewsOnPlan: str })),
  plan: plan.optional(),
  updates: z.array(z.object({ attendeeKey: str, update: str, notForFamily: z.boolean().default(false), inWriting: z.boolean().default(false) })),
  mapping: mapping.optional(),
  equality: z.object({ identityAndCulture: str, language: str, disability: str }).optional(),
  outcome: outcome.optional(),
  exitPlanning: z.object({ agenciesAsked: z.boolean(), exitStrategies: str }).optional(),
  nextMeeting: nextMeeting.optional(),
  slotOffer: slotOffer.optional(),
  bookedAs: z.object({ bookingKey: str, start: str, end: str, online: z.boolean(), location: str, caseReferences: z.array(str) }).optional(),
  signOff: signed.optional(),
  minutesChoices: z
    .object({
      childLetters: z.array(
        z.object({
          attendeeKey: str,
          words: z.object(Object.fromEntries(LETTER_PARTS.map((p) => [p, z.array(str)])) as Record<LetterPart, z.ZodArray<typeof str>>).optional(),
        }),
      ),
    })
    .optional(),
  cancelled: signed.optional(),
  sharedCardActivityId: str.optional(),
};

const reviewV1 = z.object({ formatVersion: z.literal(REVIEW_FORMAT_VERSION), ...reviewShape });
const reviewV0 = z.object({ ...reviewShape, formatVersion: z.undefined().optional(), attendees: z.array(attendeeV0) });

// tsc checks the schema and the type agree both ways: what it reads is a Review, and a Review is readable.
const _reads: (r: z.output<typeof reviewV1>) => Review = (r) => r;
type Writable<T> = T extends readonly (infer U)[] ? Writable<U>[] : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;
const _covers: (r: Writable<StoredReview>) => z.input<typeof reviewV1> = (r) => r;
// ...and that no optional part of a Review is missing from the schema (it would be dropped on read).
type Unread = Exclude<keyof Review, keyof z.output<typeof reviewV1>>;
const _none: [Unread] extends [never] ? true : Unread = true;
void _reads;
void _covers;
void _none;

/** The document to store for a review: the review, with the format it is written in. */
export function storedReviewOf(review: Review): StoredReview {
  return { ...review, formatVersion: REVIEW_FORMAT_VERSION };
}

/**
 * A stored document as a review: today's format read as it is, an older one migrated. A document
 * that is neither (damaged, or written by a newer version) is refused with REVIEW_UNREADABLE and
 * where it is wrong, never what it says. Takes the parsed document, or its JSON text.
 */
export function readStoredReview(stored: unknown): Review {
  const json = typeof stored === 'string' ? parseJson(stored) : stored;
  const version = typeof json === 'object' && json !== null && 'formatVersion' in json ? (json as { formatVersion: unknown }).formatVersion : undefined;
  const schema = version === undefined ? reviewV0 : reviewV1;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join('.') || '(document)'}: ${i.code}`)
      .join('; ');
    throw new CinError('REVIEW_UNREADABLE', `stored review (format ${String(version ?? 0)}) is unreadable: ${where}`);
  }
  const { formatVersion: _version, ...review } = parsed.data;
  return review;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CinError('REVIEW_UNREADABLE', 'stored review is not JSON');
  }
}
