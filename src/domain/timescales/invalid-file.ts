import { z } from 'zod';
import { CinError } from '../../errors/error-catalogue';

/** One thing wrong with a data file: the field (a dotted path, '(whole file)' for the top) and the problem. */
export interface FileProblem {
  readonly field: string;
  readonly problem: string;
}

/**
 * A policy pack or bank-holiday file that cannot be used. Thrown at start-up, so it stops the bot with a
 * message naming the file, every field at fault and what is wrong with it.
 */
export class InvalidFileError extends CinError {
  constructor(
    readonly fileName: string,
    readonly what: string,
    readonly problems: readonly FileProblem[],
  ) {
    super(
      'CONFIG_INVALID',
      `${what} ${fileName} is not valid:\n${problems.map((p) => `  - ${fileName}: ${p.field}: ${p.problem}`).join('\n')}`,
    );
    this.name = 'InvalidFileError';
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  }
  return out === '' ? '(whole file)' : out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** zod's issues in a reader's words: a field that is absent is "missing", not "expected string, received undefined". */
export function problemsOf(error: z.ZodError, input: unknown): FileProblem[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { field: fieldPath(issue.path), problem: `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` };
    }
    const missing = issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(input, issue.path) === undefined;
    return {
      field: fieldPath(issue.path),
      problem: missing ? `is missing (expected ${issue.expected})` : issue.message,
    };
  });
}
