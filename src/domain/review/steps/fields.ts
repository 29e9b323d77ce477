import { z } from 'zod';
import { choicesOf } from '../review-labels';
import { TEXT_LIMITS, calendarDate, choice, isSensibleDate, tick, trimmedText } from '../step-forms/form-values';
import { Audience, Field } from './step-definition';

export { TEXT_LIMITS };

interface Options {
  readonly audience?: Audience;
}

function field<S extends z.ZodType>(id: string, label: string, kind: Field['kind'], schema: S, maxLength: number, opts: Options, choices: Field['choices'] = []): Field<S> {
  return { id, label, kind, schema, maxLength, choices, audience: opts.audience ?? 'everyone' };
}

/** A one-line text: required when `required` gives the message for an empty answer. */
export function shortText(id: string, label: string, opts: Options & { required?: string; max?: number } = {}) {
  const max = opts.max ?? (opts.required ? TEXT_LIMITS.short : TEXT_LIMITS.optionalShort);
  const base = trimmedText(max);
  const schema = opts.required ? base.pipe(z.string().min(1, opts.required)) : base;
  return field(id, label, 'text', schema, max, opts);
}

/** A multi-line text of what people said. */
export function longText(id: string, label: string, opts: Options & { required?: string } = {}) {
  const max = TEXT_LIMITS.long;
  const base = trimmedText(max);
  const schema = opts.required ? base.pipe(z.string().min(1, opts.required)) : base;
  return field(id, label, 'multiline', schema, max, opts);
}

/** One of the coded answers in `values`, labelled from the review's label table `labelKind`. */
export function choiceField<const T extends readonly [string, ...string[]]>(id: string, label: string, values: T, labelKind: string, message: string, opts: Options = {}) {
  return field(id, label, 'choice', choice(values, message), TEXT_LIMITS.optionalShort, opts, choicesOf(labelKind));
}

/** One of `values`, or blank (read as null) where the answer is optional. */
export function optionalChoiceField<const T extends readonly [string, ...string[]]>(id: string, label: string, values: T, labelKind: string, message: string, opts: Options = {}) {
  const schema = z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || (values as readonly string[]).includes(v), message)
    .transform((v) => (v === '' ? null : (v as T[number])));
  return field(id, label, 'choice', schema, TEXT_LIMITS.optionalShort, opts, choicesOf(labelKind));
}

export function tickField(id: string, label: string, opts: Options = {}) {
  return field(id, label, 'toggle', tick, 5, opts);
}

export function dateField(id: string, label: string, message: string, opts: Options = {}) {
  return field(id, label, 'date', calendarDate(message), 10, opts);
}

/** A date that may be left blank ('' when it is). */
export function optionalDateField(id: string, label: string, opts: Options = {}) {
  const schema = z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || isSensibleDate(v), 'Enter a real date (for example 2026-12-01), or leave it blank');
  return field(id, label, 'date', schema, 10, opts);
}

export function timeField(id: string, label: string, opts: Options = {}) {
  const schema = z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'Enter a time as HH:MM');
  return field(id, label, 'time', schema, 5, opts);
}

/** A whole number from `min` to `max`, or blank unless `required` gives the message for a blank. */
export function wholeNumberField(id: string, label: string, range: { min: number; max: number }, message: string, opts: Options & { required?: string } = {}) {
  const number = z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) >= range.min && Number(v) <= range.max), message);
  const schema = opts.required ? number.refine((v) => v !== '', opts.required) : number;
  return { ...field(id, label, 'number', schema, String(range.max).length, opts), range };
}

/** A custom schema, for answers that need more than the shapes above. */
export function customField<S extends z.ZodType>(id: string, label: string, kind: Field['kind'], schema: S, maxLength: number, opts: Options = {}) {
  return field(id, label, kind, schema, maxLength, opts);
}

/** The zod object of a group of fields, keyed by their ids. */
export function objectOf<F extends Record<string, Field>>(fields: F): z.ZodObject<{ [K in keyof F]: F[K]['schema'] }> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, f] of Object.entries(fields)) shape[key] = f.schema;
  return z.object(shape) as never;
}
