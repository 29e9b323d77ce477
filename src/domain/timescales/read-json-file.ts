import { readFileSync } from 'node:fs';
import { InvalidFileError } from './invalid-file';

export { PROJECT_ROOT } from '../../project/project-root';

/** Reads and parses a JSON file; an unreadable or malformed file stops start-up naming the file. */
export function readJsonFile(filePath: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new InvalidFileError(filePath, what, [{ field: '(whole file)', problem: `cannot be read (${(error as Error).message})` }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidFileError(filePath, what, [{ field: '(whole file)', problem: `is not valid JSON (${(error as Error).message})` }]);
  }
}
