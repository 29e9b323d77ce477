import { z } from 'zod';
import { DIVISIONS } from './bank-holiday-data';
import { CALENDAR_UNITS, COUNTING_CONVENTIONS, DURATION_UNITS } from './duration';
import { LEAD_WORKERS, MEETING_TYPES, PACK_ROLES } from './pack-roles';
import { checkPackConsistency } from './policy-pack-consistency';

/**
 * The shape of a local authority's policy pack (packs/*.json): its CIN timescales, each rule citing
 * the procedure, section and sentence it encodes. See packs/README.md for a field-by-field guide.
 */

function oneOf<T extends string>(values: readonly T[], what: string): z.ZodType<T> {
  return z.enum(values, {
    error: (iss) => `unknown ${what} ${JSON.stringify(iss.input)} (expected one of ${values.join(', ')})`,
  });
}

/** Where a long-running case's age is counted from: the start of its CIN plan, or the day the case opened. */
export const LONG_RUNNING_FROM = ['planStart', 'caseOpened'] as const;

const role = oneOf(PACK_ROLES, 'role');
const meetingType = oneOf(MEETING_TYPES, 'meeting type');
const leadWorker = oneOf(LEAD_WORKERS, 'lead worker');
const counting = oneOf(COUNTING_CONVENTIONS, 'counting convention');
const text = z.string().trim().min(1, 'must not be empty');

const amount = z
  .number()
  .int('must be a whole number')
  .min(1, { error: (iss) => `must be a positive whole number (got ${String(iss.input)})` });
const duration = z.strictObject({
  amount,
  unit: oneOf(DURATION_UNITS, 'unit'),
});
/** Plan ages (checkpoints, trajectories, long-running chairs) are counted in days, weeks or months, never working days. */
const calendarDuration = z.strictObject({
  amount,
  unit: oneOf(CALENDAR_UNITS, 'unit for a plan age'),
});

/** Where a rule comes from: the procedure (by its number, e.g. "003"), the section, and the sentence itself. */
const source = z.strictObject({
  procedure: z.string().regex(/^\d{3}$/, "must be a procedure number such as '003'"),
  section: text,
  quote: text,
});

const who = z.strictObject({ roles: z.array(role), description: text });

/** When a meeting falls: `anchor` + earliest/latest/target. A null earliest means the text sets none. */
const meetingWindow = <A extends string>(anchor: readonly [A, ...A[]]) =>
  z.strictObject({
    anchor: oneOf(anchor, 'anchor'),
    earliest: duration.nullable(),
    latest: duration,
    target: duration,
    counting,
    source,
    interpretation: text.optional(),
    ifMissed: z.strictObject({ who, action: text, source }).optional(),
  });

const minutesRule = z.strictObject({
  appliesTo: z.array(meetingType).min(1, 'must name at least one meeting type'),
  /** null: the text sets no number (e.g. "as soon as possible"); the quote is shown instead. */
  within: duration.nullable(),
  counting: counting.optional(),
  source,
  interpretation: text.optional(),
});

const chairRule = z.strictObject({
  meeting: oneOf(['initial', 'first-review', 'progress', 'final'], 'meeting'),
  leadWorker: leadWorker.optional(),
  roles: z.array(role).min(1, 'must name at least one role'),
  /** The text's own exception, shown when another chair is proposed ("unless it is recorded in supervision..."). */
  unless: text.optional(),
  source,
  interpretation: text.optional(),
});

const checkpoint = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens'),
  at: calendarDuration,
  repeatEvery: calendarDuration.optional(),
  leadWorker: leadWorker.optional(),
  who,
  action: text,
  source,
  interpretation: text.optional(),
});

const variation = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens'),
  label: text,
  appliesWhen: text,
  source,
  interpretation: text.optional(),
  /** Review frequency set per case by a manager, with a recorded reason. mustBeAgreed: no standard applies meanwhile. */
  reviewFrequency: z.strictObject({ agreedBy: z.array(role).min(1), mustBeAgreed: z.boolean() }).optional(),
  /** The plan's trajectory is set per case (the standard one does not apply). */
  trajectory: z.strictObject({ agreedBy: z.array(role).min(1) }).optional(),
  skipCheckpoints: z.array(z.string()).optional(),
  extraCheckpoints: z.array(checkpoint).optional(),
  skipLongRunningChair: z.boolean().optional(),
});

export const policyPackSchema = z
  .strictObject({
    $comment: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens'),
    authority: text,
    sources: z
      .array(z.strictObject({ procedure: z.string().regex(/^\d{3}$/), file: text, title: text, published: text.optional() }))
      .min(1, 'must list at least one procedure'),
    division: oneOf(DIVISIONS, 'division'),
    initialMeeting: meetingWindow(['assessment']).optional(),
    firstReview: meetingWindow(['planStart', 'assessment']),
    laterReviews: meetingWindow(['previousMeeting']),
    minutes: z.array(minutesRule),
    chairs: z.strictObject({
      rules: z.array(chairRule),
      longRunning: z
        .strictObject({
          after: calendarDuration,
          roles: z.array(role).min(1),
          /** What the age counts from: the plan's start (the default), or the case's opening where the text says "a case is open". */
          countedFrom: oneOf(LONG_RUNNING_FROM, 'start of a long-running case').optional(),
          source,
          interpretation: text.optional(),
        })
        .optional(),
    }),
    trajectory: z.strictObject({ from: calendarDuration.optional(), to: calendarDuration, source, interpretation: text.optional() }).optional(),
    driftCheckpoints: z.array(checkpoint),
    visits: z.strictObject({
      first: z.strictObject({ within: duration, from: oneOf(['allocation'], 'event'), counting, source }).optional(),
      every: duration,
      counting,
      seenAlone: z.boolean(),
      source,
      interpretation: text.optional(),
      exceptions: z.array(text).optional(),
    }),
    variations: z.array(variation),
    notes: z.array(text).optional(),
  })
  .superRefine(checkPackConsistency);

export type PolicyPack = z.infer<typeof policyPackSchema>;
export type SourceRef = PolicyPack['firstReview']['source'];
export type MeetingWindowRule = PolicyPack['laterReviews'] | PolicyPack['firstReview'] | NonNullable<PolicyPack['initialMeeting']>;
export type MinutesRule = PolicyPack['minutes'][number];
export type ChairRule = PolicyPack['chairs']['rules'][number];
export type DriftCheckpoint = PolicyPack['driftCheckpoints'][number];
export type Variation = PolicyPack['variations'][number];
export type Who = DriftCheckpoint['who'];
