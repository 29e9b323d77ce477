import { z } from 'zod';
import { isCalendarDate } from '../../timescales/calendar-date';
import { Review } from '../review';

export { isCalendarDate };

/** What a card submits: flat input ids ("children.0.firstName") to the text typed. */
export type FormValues = Readonly<Record<string, string>>;

/** Field id to the message shown next to that field. */
export type FieldErrors = Readonly<Record<string, string>>;

export type StepResult =
  | { readonly ok: true; readonly patch: Partial<Review> }
  | { readonly ok: false; readonly fieldErrors: FieldErrors };

export interface StepForm {
  parse(form: FormValues, review: Review, now: string): StepResult;
}

/**
 * Rows of a list input ("actions.3.what") by their index on the card. The array is sparse: a row
 * the client did not send is a hole, so every row keeps the index (and key) it was shown with.
 */
export function rowsOf(form: FormValues, list: string): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  const prefix = `${list}.`;
  for (const [id, value] of Object.entries(form)) {
    if (!id.startsWith(prefix)) continue;
    const [index, field, ...rest] = id.slice(prefix.length).split('.');
    const n = Number(index);
    if (!/^\d+$/.test(index ?? '') || n > 500 || field === undefined || rest.length > 0) continue;
    const row = rows[n] ?? {};
    row[field] = value;
    rows[n] = row;
  }
  return rows;
}

/** A row the chair left blank (every text empty, toggles off) is not an entry. */
export function isBlankRow(row: Record<string, string>, ignore: readonly string[] = []): boolean {
  return Object.entries(row).every(([k, v]) => ignore.includes(k) || v.trim() === '' || v === 'false');
}

export function fieldErrorsFrom(error: z.ZodError, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const id = prefix + issue.path.map(String).join('.');
    if (!(id in errors)) errors[id] = issue.message;
  }
  return errors;
}

export function parseWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
  prefix = '',
): { ok: true; value: T } | { ok: false; fieldErrors: Record<string, string> } {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, fieldErrors: fieldErrorsFrom(result.error, prefix) };
}

/** Every text limit, written once: a card's maxLength and the schema's max both come from here. */
export const TEXT_LIMITS = {
  /** Names, references. */
  short: 100,
  /** Organisations, who shared an account, short optional answers. */
  optionalShort: 200,
  /** What people said: generous but bounded. */
  long: 4000,
  email: 254,
  phone: 100,
} as const;

/** A missing answer reads as an empty one, so it gets the same plain message. */
export const trimmedText = (max: number) =>
  z
    .string()
    .default('')
    .pipe(z.string().trim().max(max, { error: (issue) => tooLong(String(issue.input ?? '').length, max) }));

/** Never cut typed text: say by how much it is over, so the chair can shorten it themselves. */
export function tooLong(length: number, max: number): string {
  const over = length - max;
  return `Remove ${count(over)} character${over === 1 ? '' : 's'}: this is ${count(length)} characters and the limit is ${count(max)}`;
}

const count = (n: number) => n.toLocaleString('en-GB');

export const text = {
  /** Names, roles, references. */
  short: (message: string) => trimmedText(TEXT_LIMITS.short).pipe(z.string().min(1, message)),
  optionalShort: () => trimmedText(TEXT_LIMITS.optionalShort),
  /** What people said: generous but bounded. */
  long: (message: string) => trimmedText(TEXT_LIMITS.long).pipe(z.string().min(1, message)),
  optionalLong: () => trimmedText(TEXT_LIMITS.long),
};

/** The years a date typed on a card may fall in: anything else is a typing slip. */
export const DATE_YEARS = { earliest: 2000, latest: 2100 } as const;

/** A real calendar date in the years a review can speak of. */
export function isSensibleDate(value: string): boolean {
  if (!isCalendarDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= DATE_YEARS.earliest && year <= DATE_YEARS.latest;
}

export const calendarDate = (message: string) =>
  z
    .string()
    .default('')
    .pipe(z.string().trim().min(1, message).refine(isSensibleDate, 'Enter a real date (for example 2026-12-01)'));

export const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: () => message });

export const tick = z
  .string()
  .default('false')
  .transform((v) => v === 'true');

export function keyFor(prefix: string, existing: readonly { key: string }[], index: number, now: string): string {
  return existing[index]?.key ?? `${prefix}-${Date.parse(now).toString(36)}-${index}`;
}

export function stepResult(errors: FieldErrors, patch: Partial<Review>): StepResult {
  return Object.keys(errors).length > 0 ? { ok: false, fieldErrors: errors } : { ok: true, patch };
}
