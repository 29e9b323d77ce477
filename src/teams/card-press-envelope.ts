import { z } from 'zod';
import { STEP_IDS } from '../domain/review/review';
import { CARD_VERBS, CardPress } from '../use-cases/review-actions';

const MAX_INPUTS = 800;
const MAX_INPUT_LENGTH = 4000;
const RESERVED = new Set(['reviewId', 'version', 'step']);

const inputValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** The value of an `adaptiveCard/action` invoke, checked at the edge before anything reads it. */
const envelope = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.enum(CARD_VERBS),
    data: z
      .object({
        reviewId: z.string().min(1).max(64),
        version: z.coerce.number().int().positive().optional(),
        step: z.enum(STEP_IDS).optional(),
      })
      .catchall(inputValue.pipe(z.string().max(MAX_INPUT_LENGTH, `An answer is longer than ${MAX_INPUT_LENGTH} characters`))),
  }),
});

export type EnvelopeResult = { ok: true; press: CardPress } | { ok: false; problem: string; unknownVerb: boolean };

export function parseCardPress(value: unknown): EnvelopeResult {
  const parsed = envelope.safeParse(value);
  if (!parsed.success) {
    const problem = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    const unknownVerb = parsed.error.issues.some((i) => i.path.join('.') === 'action.verb');
    return { ok: false, problem, unknownVerb };
  }
  const { reviewId, version, step, ...inputs } = parsed.data.action.data;
  const form: Record<string, string> = {};
  let count = 0;
  for (const [id, text] of Object.entries(inputs)) {
    if (RESERVED.has(id) || typeof text !== 'string') continue;
    if (++count > MAX_INPUTS) return { ok: false, problem: `more than ${MAX_INPUTS} inputs`, unknownVerb: false };
    form[id] = text;
  }
  return {
    ok: true,
    press: {
      verb: parsed.data.action.verb,
      reviewId,
      ...(version !== undefined ? { version } : {}),
      ...(step !== undefined ? { step } : {}),
      form,
    },
  };
}
