import { choicesOf } from '../domain/review/review-labels';
import { FieldErrors, FormValues } from '../domain/review/step-forms';

export type FieldKind = 'text' | 'multiline' | 'date' | 'time' | 'choice' | 'toggle';

/** One input on a step card, as the step-form template binds it. */
export interface CardField {
  readonly id: string;
  readonly kind: FieldKind;
  readonly label: string;
  readonly value: string;
  readonly maxLength: number;
  readonly choices: ReadonlyArray<{ title: string; value: string }>;
  readonly error: string;
}

export interface CardSection {
  readonly heading: string;
  readonly note: string;
  readonly fields: readonly CardField[];
}

/**
 * Builds fields whose value is what the chair just typed (when a card comes back with errors)
 * or else what is stored: a wrong answer never wipes the others.
 */
export class FieldBuilder {
  constructor(
    private readonly typed: FormValues | undefined,
    private readonly errors: FieldErrors,
  ) {}

  private field(id: string, kind: FieldKind, label: string, stored: string | undefined, extra: Partial<CardField> = {}): CardField {
    return {
      id,
      kind,
      label,
      value: this.typed?.[id] ?? stored ?? '',
      maxLength: kind === 'multiline' ? 4000 : 200,
      choices: [],
      error: this.errors[id] ?? '',
      ...extra,
    };
  }

  text(id: string, label: string, stored?: string): CardField {
    return this.field(id, 'text', label, stored, { maxLength: 100 });
  }

  optionalText(id: string, label: string, stored?: string): CardField {
    return this.field(id, 'text', label, stored, { maxLength: 200 });
  }

  long(id: string, label: string, stored?: string): CardField {
    return this.field(id, 'multiline', label, stored);
  }

  date(id: string, label: string, stored?: string): CardField {
    return this.field(id, 'date', label, stored, { maxLength: 10 });
  }

  time(id: string, label: string, stored?: string): CardField {
    return this.field(id, 'time', label, stored, { maxLength: 5 });
  }

  choice(id: string, label: string, labelKind: string, stored?: string): CardField {
    return this.field(id, 'choice', label, stored, { choices: choicesOf(labelKind) });
  }

  choiceOf(id: string, label: string, choices: Array<{ title: string; value: string }>, stored?: string): CardField {
    return this.field(id, 'choice', label, stored, { choices });
  }

  tick(id: string, label: string, stored?: boolean): CardField {
    return this.field(id, 'toggle', label, stored === undefined ? 'false' : String(stored));
  }

  /** How many rows a list shows: what is stored, what was typed, and one blank to add another. */
  rowCount(list: string, stored: number, max: number): number {
    let typedRows = 0;
    for (const id of Object.keys(this.typed ?? {})) {
      const m = new RegExp(`^${list}\\.(\\d+)\\.`).exec(id);
      if (m) typedRows = Math.max(typedRows, Number(m[1]) + 1);
    }
    return Math.min(Math.max(stored + 1, typedRows), max);
  }
}
