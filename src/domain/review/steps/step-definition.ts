import { z } from 'zod';
import { Review, StepId } from '../review';
import { FormValues, StepResult } from '../step-forms/form-values';

/**
 * Who may read what a field holds once the minutes go out: everyone (the family's copy too),
 * professionals only, or the chair only (working marks such as "remove this row", never minuted).
 */
export type Audience = 'everyone' | 'professionals' | 'chair';

/** Which copy of the minutes: the professionals' keeps contacts (unless withheld), the family's keeps none. */
export type MinutesAudience = 'professionals' | 'family';

export type FieldKind = 'text' | 'multiline' | 'date' | 'time' | 'choice' | 'toggle' | 'number';

export interface Choice {
  readonly title: string;
  readonly value: string;
}

/** One answer a step asks for: the single source of its label, kind, choices, limit, audience and validation. */
export interface Field<S extends z.ZodType = z.ZodType> {
  readonly id: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly audience: Audience;
  /** The most characters the card lets a client type, and the schema accepts. */
  readonly maxLength: number;
  readonly choices: readonly Choice[];
  /** For a number: the least and most it takes. */
  readonly range?: { readonly min: number; readonly max: number };
  readonly schema: S;
}

/** One input of a step's form as the chair sees it: which field, its input id on the card, what is stored. */
export interface FormInput {
  readonly field: Field;
  readonly inputId: string;
  readonly stored: string;
  /** Where the words depend on the review (a person's name, the meeting type). */
  readonly label?: string;
  readonly choices?: readonly Choice[];
  /** For a date: the earliest and latest the card offers. */
  readonly dateRange?: DateRange;
}

export interface DateRange {
  readonly min?: string;
  readonly max?: string;
}

export interface FormSection {
  readonly heading: string;
  readonly note: string;
  readonly inputs: readonly FormInput[];
  /** Inputs shown on demand (folded under the section), to keep a long list compact. */
  readonly details?: { readonly title: string; readonly inputs: readonly FormInput[] };
  /** 'row': the inputs side by side, one row (a list of people), rather than one under another. */
  readonly layout?: 'row';
}

/** What a form needs beyond the review: today (to pre-fill), and the authorities whose timescales are known. */
export interface FormContext {
  readonly today: string;
  readonly packChoices: readonly Choice[];
  readonly defaultPackId: string;
  /** What the chair just typed, when a card comes back: lists show as many rows as were typed. */
  readonly typed?: FormValues;
}

export interface MinutesEntry {
  readonly label: string;
  readonly value: string;
  /** Who may read this line: an entry for professionals never reaches the family's copy. */
  readonly audience: Exclude<Audience, 'chair'>;
}

export interface MinutesSection {
  readonly step: StepId;
  readonly title: string;
  readonly entries: readonly MinutesEntry[];
}

/** One agenda step: everything about it in one module. */
export interface StepDefinition<Id extends StepId = StepId> {
  readonly id: Id;
  /** The agenda's name for the step. */
  readonly title: string;
  /** The step's title for this review, where part of it does not apply. */
  titleFor?(review: Review): string;
  /** Whether the step applies to this review, given what is known so far. */
  applies(review: Review): boolean;
  /** Once completed: whether it still covers everyone it is about (someone added later reopens it). */
  covers(review: Review): boolean;
  /** Every field the step asks for. */
  readonly fields: readonly Field[];
  /** The form the chair fills in, as sections of inputs. */
  form(review: Review, context: FormContext): FormSection[];
  /** Its part of the minutes, for one audience. */
  minutes(review: Review, audience: MinutesAudience): MinutesSection[];
}

/** A step that captures something: its form becomes the step's record. */
export interface CapturingStep<Id extends StepId = StepId> extends StepDefinition<Id> {
  parse(form: FormValues, review: Review, now: string): StepResult;
}

export const always = (): boolean => true;

/** A section of the minutes for a step, with the step's title. */
export function minutesSection(step: Pick<StepDefinition, 'id' | 'title' | 'titleFor'>, review: Review, entries: readonly (MinutesEntry | null | undefined | false)[]): MinutesSection {
  return { step: step.id, title: step.titleFor?.(review) ?? step.title, entries: entries.filter((e): e is MinutesEntry => !!e) };
}

/** A line of the minutes whose audience is the field's, or narrower when the record says so. */
export function fact(field: Field, label: string, value: string, notForFamily = false): MinutesEntry {
  const audience = field.audience === 'everyone' && !notForFamily ? 'everyone' : 'professionals';
  return { label, value, audience };
}

/** An input for a field, at its id or at a row of a list ("actions.3.what"). */
export function input(field: Field, stored: string | boolean | number | undefined, row?: { list: string; index: number }, extra: Partial<FormInput> = {}): FormInput {
  const inputId = row ? `${row.list}.${row.index}.${field.id}` : field.id;
  return { field, inputId, stored: stored === undefined ? '' : String(stored), ...extra };
}

export const section = (heading: string, inputs: readonly FormInput[], note = ''): FormSection => ({ heading, note, inputs });

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** How many rows a list shows: what is stored, what was typed, and one blank to add another. */
export function rowCount(typed: FormValues | undefined, list: string, stored: number, max: number): number {
  let typedRows = 0;
  const prefix = `${list}.`;
  for (const id of Object.keys(typed ?? {})) {
    if (!id.startsWith(prefix)) continue;
    const index = id.slice(prefix.length).split('.')[0] ?? '';
    if (/^\d+$/.test(index)) typedRows = Math.max(typedRows, Number(index) + 1);
  }
  return Math.min(Math.max(stored + 1, typedRows), max);
}
