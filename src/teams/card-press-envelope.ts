import { z } from 'zod';
import { STEP_IDS } from '../domain/review/review';
import { BookingPress } from '../use-cases/booked-meetings';
import { Acknowledgement } from '../use-cases/case-alerts';
import { CardPress, ReviewVerb } from '../use-cases/review-actions';

const MAX_INPUTS = 800;
/**
 * Far above any field's own limit: an over-long answer reaches its step's form, which says how
 * many characters to remove and keeps the text, rather than the whole press being refused here.
 * (The HTTP layer bounds the whole activity.)
 */
const MAX_INPUT_LENGTH = 50_000;
/** (The steps' own largest limit, MAX_FIELD_LENGTH, is far below this.) */
const RESERVED = new Set(['reviewId', 'version', 'step']);

/** The value of an `adaptiveCard/action` invoke: a verb and its data, checked before anything reads it. */
const envelope = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(64),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
});

export type CardActionRead = { ok: true; verb: string; data: Record<string, unknown> } | { ok: false; problem: string };

export function readCardAction(value: unknown): CardActionRead {
  const parsed = envelope.safeParse(value);
  if (!parsed.success) return { ok: false, problem: problemOf(parsed.error) };
  return { ok: true, verb: parsed.data.action.verb, data: parsed.data.action.data };
}

export function problemOf(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

const inputValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** A press on a review card: which review, at which version and step, and the inputs' values. */
export function reviewPressPayload(verb: ReviewVerb): z.ZodType<CardPress> {
  return z
    .object({
      reviewId: z.string().min(1).max(64),
      version: z.coerce.number().int().positive().optional(),
      step: z.enum(STEP_IDS).optional(),
    })
    .catchall(inputValue.pipe(z.string().max(MAX_INPUT_LENGTH, `An answer is longer than ${MAX_INPUT_LENGTH} characters`)))
    .refine((data) => Object.keys(data).length <= MAX_INPUTS + RESERVED.size, `more than ${MAX_INPUTS} inputs`)
    .transform((data): CardPress => {
      const { reviewId, version, step, ...inputs } = data;
      const form = Object.fromEntries(Object.entries(inputs).filter(([id, v]) => !RESERVED.has(id) && typeof v === 'string')) as Record<string, string>;
      return { verb, reviewId, ...(version !== undefined ? { version } : {}), ...(step !== undefined ? { step } : {}), form };
    });
}

/** A press on the next meeting's booking card: which review, the booking's sequence shown, and what was typed. */
export const bookingPressPayload: z.ZodType<BookingPress> = z
  .object({
    reviewId: z.string().min(1).max(64),
    sequence: z.coerce.number().int().min(0).optional(),
    moveDate: inputValue.pipe(z.string().max(20)).optional(),
    moveTime: inputValue.pipe(z.string().max(20)).optional(),
    cancelReason: inputValue.pipe(z.string().max(2000)).optional(),
  })
  .transform(({ reviewId, sequence, ...typed }): BookingPress => ({
    reviewId,
    ...(sequence !== undefined ? { sequence } : {}),
    form: Object.fromEntries(Object.entries(typed).filter((e): e is [string, string] => typeof e[1] === 'string')),
  }));

/** "I have acted on this" on the due list: which alert of which case; who pressed comes from Teams. */
export const acknowledgementPayload: z.ZodType<Acknowledgement> = z.object({
  caseReference: z.string().regex(/^[A-Za-z0-9/-]{1,30}$/),
  alertId: z.string().min(1).max(64),
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
