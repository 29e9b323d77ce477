/** Reads a rendered card the way a Teams client would: its inputs, its actions, its text. */

type Json = Record<string, any>;

function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (node && typeof node === 'object') {
    visit(node as Json);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

/** Every input's id and the value the card shows, as Teams submits them (all strings). */
export function inputsOf(card: Json): Record<string, string> {
  const inputs: Record<string, string> = {};
  walk(card.body, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') {
      const value = n.value ?? (n.type === 'Input.Toggle' ? (n.valueOff ?? 'false') : '');
      inputs[n.id] = String(value);
    }
  });
  return inputs;
}

export function actionsOf(card: Json): Json[] {
  const actions: Json[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute') actions.push(n);
  });
  return actions;
}

export function actionData(card: Json, verb: string, step?: string): Json {
  const action = actionsOf(card).find((a) => a.verb === verb && (step === undefined || a.data?.step === step));
  if (!action) throw new Error(`No ${verb}${step ? ` for ${step}` : ''} action on card: ${textOf(card).slice(0, 300)}`);
  return action.data ?? {};
}

/** All the visible text of a card: text blocks, facts, labels and input values. */
/**
 * Text as Teams shows it: the card marks what people typed as plain (CommonMark backslash escapes
 * before punctuation that could start Markdown), and Teams shows the punctuation without the backslash.
 */
export function shown(text: string): string {
  return text.replace(/\\([!-\/:-@[-`{-~])/g, '$1');
}

/** Everything a card says: the text of its blocks and facts as shown, and its inputs' labels and values as they are. */
export function textOf(card: Json | undefined): string {
  const parts: string[] = [];
  walk(card?.body, (n) => {
    const rendered = n.type === 'TextBlock' || n.type === 'TextRun' || n.type === undefined;
    for (const key of ['text', 'title', 'value', 'label']) {
      if (typeof n[key] === 'string') parts.push(rendered && key !== 'label' ? shown(n[key]) : n[key]);
    }
  });
  return parts.join('\n');
}

export function errorsOf(card: Json): string[] {
  const errors: string[] = [];
  walk(card.body, (n) => {
    if (n.type === 'TextBlock' && n.color === 'Attention' && n.size === 'Small') errors.push(n.text);
  });
  return errors;
}
