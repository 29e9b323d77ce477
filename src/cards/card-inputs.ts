import type { CardField } from './card-fields';

/** An Adaptive Card element, as JSON. */
export type CardElement = Readonly<Record<string, unknown>>;

/**
 * The Adaptive Card input for a step's field, and the message under it when it was refused.
 * Built in code rather than in the template so a field costs no wrapping container: a large plan
 * stays under Teams' 40 KB. What the chair typed is only ever a property value: never evaluated.
 */
export function inputElements(field: CardField): CardElement[] {
  const base = { id: field.id, value: field.value };
  const element = ((): CardElement => {
    switch (field.kind) {
      case 'text':
        // A placeholder shows only while the input is empty: a filled one does not carry it.
        return { type: 'Input.Text', ...base, label: field.label, maxLength: field.maxLength, ...(field.value === '' ? { placeholder: field.placeholder } : {}) };
      case 'multiline':
        return { type: 'Input.Text', ...base, label: field.label, maxLength: field.maxLength, isMultiline: true };
      case 'date':
        return { type: 'Input.Date', ...base, label: field.label, ...field.dateRange };
      case 'time':
        return { type: 'Input.Time', ...base, label: field.label };
      case 'number':
        // A number the client cannot show (typed "ten" on an older card) is left blank, its error beside it.
        return {
          type: 'Input.Number',
          id: field.id,
          label: field.label,
          ...(field.range ? { min: field.range.min, max: field.range.max } : {}),
          ...(/^\d+$/.test(field.value.trim()) ? { value: Number(field.value) } : {}),
        };
      case 'choice':
        return { type: 'Input.ChoiceSet', ...base, label: field.label, ...(field.value === '' ? { placeholder: 'Choose…' } : {}), style: 'compact', choices: field.choices };
      case 'toggle':
        // Unticked is the toggle's own default: left unsaid, as every byte counts on a long list.
        return { type: 'Input.Toggle', id: field.id, ...(field.value === 'false' ? {} : { value: field.value }), title: field.label };
    }
  })();
  if (field.error === '') return [element];
  return [element, { type: 'TextBlock', text: field.error, color: 'Attention', size: 'Small', wrap: true, spacing: 'None' }];
}

export function elementsOf(fields: readonly CardField[]): CardElement[] {
  return fields.flatMap(inputElements);
}

/**
 * Inputs folded under a "details" button, to keep a long list compact. Folded open when one of
 * them was refused, so the message is seen. (A client that does not send folded inputs leaves
 * them as stored: the step keeps what was not sent.)
 */
export function detailsElements(id: string, title: string, fields: readonly CardField[]): CardElement[] {
  const open = fields.some((f) => f.error !== '');
  return [
    { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title, targetElements: [id] }] },
    { type: 'Container', id, isVisible: open, items: elementsOf(fields) },
  ];
}

/**
 * A section's inputs side by side in one row (one person of a list), its details button at the end
 * of the row and its folded details beneath: a long list stays one short row a person.
 */
export function rowElements(fields: readonly CardField[], details?: { id: string; title: string; fields: readonly CardField[] }): CardElement[] {
  const columns: CardElement[] = fields.map((field) => ({ type: 'Column', items: inputElements(field) }));
  if (!details) return [{ type: 'ColumnSet', columns }];
  const open = details.fields.some((f) => f.error !== '');
  return [
    {
      type: 'ColumnSet',
      columns: [
        ...columns,
        { type: 'Column', width: 'auto', verticalContentAlignment: 'Bottom', items: [{ type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: details.title, targetElements: [details.id] }] }] },
      ],
    },
    { type: 'Container', id: details.id, isVisible: open, items: elementsOf(details.fields) },
  ];
}
