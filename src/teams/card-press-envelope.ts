import { z } from 'zod';
import { STEP_IDS } from '../domain/review/review';
import { Acknowledgement } from '../use-cases/case-alerts';
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

/** "I have acted on this" on the due list: which alert of which case; who pressed comes from Teams. */
const acknowledgement = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.literal('case.acknowledge'),
    data: z.object({
      caseReference: z.string().regex(/^[A-Za-z0-9/-]{1,30}$/),
      alertId: z.string().min(1).max(64),
      due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
  }),
});

export type EnvelopeResult =
  | { ok: true; kind: 'review'; press: CardPress }
  | { ok: true; kind: 'acknowledge'; acknowledgement: Acknowledgement }
  | { ok: false; problem: string; unknownVerb: boolean };

export function parseCardPress(value: unknown): EnvelopeResult {
  const ack = acknowledgement.safeParse(value);
  if (ack.success) return { ok: true, kind: 'acknowledge', acknowledgement: ack.data.action.data };
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
    kind: 'review',
    press: {
      verb: parsed.data.action.verb,
      reviewId,
      ...(version !== undefined ? { version } : {}),
      ...(step !== undefined ? { step } : {}),
      form,
    },
  };
}
