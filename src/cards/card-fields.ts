import { FieldErrors, FormValues } from '../domain/review/step-forms';
import { Choice, DateRange, Field, FieldKind, FormInput, FormSection } from '../domain/review/steps';
import { CardElement, detailsElements, elementsOf, rowElements } from './card-inputs';

export type { FieldKind };

/** One input on a step card, as the step-form template binds it. */
export interface CardField {
  readonly id: string;
  readonly kind: FieldKind;
  readonly label: string;
  readonly value: string;
  readonly maxLength: number;
  /** What an empty input shows: a short text's limit. */
  readonly placeholder: string;
  readonly choices: readonly Choice[];
  /** For a number: the least and most it takes. */
  readonly range?: { readonly min: number; readonly max: number };
  /** For a date: the earliest and latest offered. */
  readonly dateRange?: DateRange;
  readonly error: string;
}

export interface CardSection {
  readonly heading: string;
  readonly note: string;
  readonly fields: readonly CardField[];
  /** The fields as card elements, as the template places them. */
  readonly elements: readonly CardElement[];
}

/**
 * A step's input as a card field. Its value is what the chair just typed (when a card comes back
 * with errors) or else what is stored: a wrong answer never wipes the others. Label, kind, choices
 * and limit are the step's field's own.
 */
export function cardFieldOf(input: FormInput, typed: FormValues | undefined, errors: FieldErrors): CardField {
  const field = cardField(input.field, input.inputId, typed?.[input.inputId] ?? input.stored, errors[input.inputId] ?? '', input.label, input.choices);
  return input.dateRange ? { ...field, dateRange: input.dateRange } : field;
}

/**
 * Text is never cut: each text input says its limit (a long answer in its label, a short one as its
 * placeholder), and an answer already over it comes back whole, with room to shorten it.
 */
function cardField(field: Field, id: string, value: string, error: string, label = field.label, choices = field.choices): CardField {
  const limit = `${field.maxLength.toLocaleString('en-GB')} characters`;
  return {
    id,
    kind: field.kind,
    label: field.kind === 'multiline' ? `${label} (up to ${limit})` : label,
    value,
    maxLength: Math.max(field.maxLength, value.length),
    placeholder: field.kind === 'text' ? `Up to ${limit}` : '',
    choices,
    ...(field.range ? { range: field.range } : {}),
    error,
  };
}

export function cardSectionOf(section: FormSection, typed: FormValues | undefined, errors: FieldErrors, index = 0): CardSection {
  const fields = section.inputs.map((i) => cardFieldOf(i, typed, errors));
  const details = (section.details?.inputs ?? []).map((i) => cardFieldOf(i, typed, errors));
  return {
    heading: section.heading,
    note: section.note,
    fields: [...fields, ...details],
    elements:
      section.layout === 'row'
        ? rowElements(fields, section.details ? { id: `details-${index}`, title: section.details.title, fields: details } : undefined)
        : [...elementsOf(fields), ...(section.details ? detailsElements(`details-${index}`, section.details.title, details) : [])],
  };
}

/** Fields outside a step's sections (e.g. "Add an attendee"), blank, at `prefix` + their id. */
export function blankFields(fields: readonly Field[], prefix: string, defaults: Readonly<Record<string, string>> = {}): CardField[] {
  return fields.map((field) => cardField(field, `${prefix}${field.id}`, defaults[field.id] ?? '', ''));
}
