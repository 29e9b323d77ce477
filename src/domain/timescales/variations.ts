import { Duration } from './duration';
import { LeadWorker } from './pack-roles';
import { DriftCheckpoint, PolicyPack, Variation } from './policy-pack-schema';

/** A case's input was incomplete for the rule that applies (a programming or data error, not a rule breach). */
export class TimescaleInputError extends Error {
  override readonly name = 'TimescaleInputError';
}

/** The pack's variation a case is under (e.g. the disabled children's team), or undefined for the standard rules. */
export function variationOf(pack: PolicyPack, variationId: string | undefined): Variation | undefined {
  if (variationId === undefined) return undefined;
  const variation = pack.variations.find((v) => v.id === variationId);
  if (variation === undefined) {
    const known = pack.variations.map((v) => v.id).join(', ') || 'none';
    throw new TimescaleInputError(`the ${pack.id} pack has no variation "${variationId}" (it has: ${known})`);
  }
  return variation;
}

/**
 * The variation, when it says a manager must set the review frequency and none has been agreed yet:
 * then no standard window applies, and someone has to be told.
 */
export function frequencyStillToBeAgreed(
  pack: PolicyPack,
  facts: { readonly variation?: string; readonly agreedReviewInterval?: Duration },
): Variation | undefined {
  const variation = variationOf(pack, facts.variation);
  return variation?.reviewFrequency?.mustBeAgreed === true && facts.agreedReviewInterval === undefined ? variation : undefined;
}

/** The drift checkpoints that apply to a case: the pack's, less those its variation skips, plus its own. */
export function checkpointsFor(pack: PolicyPack, variation: Variation | undefined, leadWorker: LeadWorker | undefined): DriftCheckpoint[] {
  const skipped = new Set(variation?.skipCheckpoints ?? []);
  return [...pack.driftCheckpoints.filter((cp) => !skipped.has(cp.id)), ...(variation?.extraCheckpoints ?? [])].filter(
    (cp) => cp.leadWorker === undefined || cp.leadWorker === leadWorker,
  );
}
