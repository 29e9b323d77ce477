import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { policyPacksById } from './load-policy-pack';
import { PolicyPack } from './policy-pack-schema';
import { PROJECT_ROOT, readJsonFile } from './read-json-file';

/** Where the shipped packs live: one JSON file per authority. */
export const SHIPPED_PACKS_DIRECTORY = path.join(PROJECT_ROOT, 'packs');

/**
 * Reads and checks every pack (*.json) in a directory, by id. Call once at start-up: any invalid pack
 * throws, naming the file, field and problem, so the bot does not start on a wrong rule.
 */
export function loadShippedPolicyPacks(directory: string = SHIPPED_PACKS_DIRECTORY): ReadonlyMap<string, PolicyPack> {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const fileName = path.join(directory, name);
      return { fileName, json: readJsonFile(fileName, 'Policy pack') };
    });
  return policyPacksById(files);
}
