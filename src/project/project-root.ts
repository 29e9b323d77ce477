import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The folder holding package.json, found by walking up from this file, so the shipped cards/,
 * packs/ and data/ are found whether the bot runs from src/ (ts-node) or from a compiled dist/.
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}: cannot find the project's shipped files`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = projectRoot();
