import { InvalidFileError, problemsOf } from './invalid-file';
import { PolicyPack, policyPackSchema } from './policy-pack-schema';

/**
 * Checks one parsed pack file. A pack that does not validate throws an InvalidFileError whose message
 * names the file, each field at fault and the problem, e.g.
 * "packs/leicestershire.json: laterReviews.latest.amount: must be a positive whole number (got -6)".
 */
export function loadPolicyPack(json: unknown, fileName: string): PolicyPack {
  const parsed = policyPackSchema.safeParse(json);
  if (!parsed.success) throw new InvalidFileError(fileName, 'Policy pack', problemsOf(parsed.error, json));
  return parsed.data;
}

/** Packs by id, checked as a set: two files may not claim the same authority id. */
export function policyPacksById(files: ReadonlyArray<{ readonly fileName: string; readonly json: unknown }>): ReadonlyMap<string, PolicyPack> {
  const packs = new Map<string, PolicyPack>();
  const fileOf = new Map<string, string>();
  for (const { fileName, json } of files) {
    const pack = loadPolicyPack(json, fileName);
    const other = fileOf.get(pack.id);
    if (other !== undefined) {
      throw new InvalidFileError(fileName, 'Policy pack', [{ field: 'id', problem: `"${pack.id}" is already the id of ${other}` }]);
    }
    packs.set(pack.id, pack);
    fileOf.set(pack.id, fileName);
  }
  return packs;
}

/**
 * The pack for a case: the one the case names, else the configured default. An unknown id is an
 * error, never a silent fall-back to another authority's rules.
 */
export function selectPolicyPack(
  packs: ReadonlyMap<string, PolicyPack>,
  casePackId: string | undefined,
  defaultPackId: string,
): PolicyPack {
  const id = casePackId ?? defaultPackId;
  const pack = packs.get(id);
  if (pack === undefined) {
    const known = [...packs.keys()].join(', ') || 'none loaded';
    throw new RangeError(
      `no policy pack has the id "${id}" (${casePackId === undefined ? 'the configured default' : "the case's pack"}); packs loaded: ${known}`,
    );
  }
  return pack;
}
