/**
 * The answer to "may we do this?". Never a bare boolean: a date outside its window, or a chair the
 * rule does not name, comes back with reasonRequired and a message the review flow shows while it
 * asks for, and records, the reason.
 */
export type Verdict<Code extends string = string> =
  | { readonly ok: true; readonly reasonRequired: false; readonly code: Code; readonly message: string; readonly citation?: string }
  | { readonly ok: false; readonly reasonRequired: true; readonly code: Code; readonly message: string; readonly citation?: string };

export function accepted<Code extends string>(code: Code, message: string, citation?: string): Verdict<Code> {
  return { ok: true, reasonRequired: false, code, message, ...(citation === undefined ? {} : { citation }) };
}

export function reasonNeeded<Code extends string>(code: Code, message: string, citation?: string): Verdict<Code> {
  return { ok: false, reasonRequired: true, code, message, ...(citation === undefined ? {} : { citation }) };
}
