import { z } from 'zod';
import { EffectFailure } from '../ports/effect-failure';

/** Checks what Graph answered against the little the adapter relies on (validated at the edge). */
export function parseAnswer<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new EffectFailure('UNEXPECTED_RESPONSE', `Graph answered something unexpected for ${what}`, { retryable: false });
  }
  return result.data;
}
