/**
 * Text a person typed, shown exactly as typed in an Adaptive Card.
 *
 * Teams renders a subset of Markdown in `TextBlock.text`, `Fact.title` and `Fact.value` (Microsoft,
 * "Format cards in Teams"): **bold**, _italic_, bulleted (`- `) and numbered (`1. `) lists, and
 * links `[title](url)`, which show only the title: a pasted `[link](http://x)` became a hidden live
 * link in the minutes. Other CommonMark (headings, quotes, code, `<autolinks>`, `&entities;`) is
 * not in Teams' documented subset but the renderers are CommonMark parsers and some act on it.
 *
 * CommonMark's own escape is used: a backslash before ASCII punctuation shows the punctuation
 * literally and is not shown itself (Teams desktop and web, and the mobile renderers since their
 * 2023-24 fixes, honour it). Only what can start markup is escaped, so a renderer that ignores
 * Markdown shows few backslashes:
 * - anywhere: `\` (the escape itself), `*` and `_` (emphasis), `[` and `]` (links), `` ` `` (code),
 *   `~` (strike-through), `<` (autolinks, HTML) and `&` (an entity such as `&amp;` stays as typed);
 * - at the start of a line (after any indent): `#` (heading), `>` (quote), `-`, `+`, `=` (list
 *   items, headings underlined with `---` or `===`), and the `.` or `)` after a number (`1.`).
 */
const ANYWHERE = /[\\*_[\]`~<&]/g;
const LINE_START = /^([ \t]*)([#>+=-])/gm;
const NUMBERED = /^([ \t]*\d{1,9})([.)])/gm;

export function asPlainText(text: string): string {
  return text
    .replace(ANYWHERE, (c) => `\\${c}`)
    .replace(LINE_START, (_m, indent: string, marker: string) => `${indent}\\${marker}`)
    .replace(NUMBERED, (_m, number: string, dot: string) => `${number}\\${dot}`);
}

/** The properties Teams renders as Markdown: TextBlock and TextRun `text` (and, below, a FactSet's facts). */
const RENDERED_AS_MARKDOWN: Readonly<Record<string, readonly string[]>> = {
  TextBlock: ['text'],
  TextRun: ['text'],
};

/**
 * A rendered card with every piece of text Teams would read as Markdown made plain, so whatever
 * a person typed (bound into the card as data) is shown exactly as typed: one pass over the whole
 * card, whichever template or builder put the text there. Input values and choice titles are not
 * Markdown and are left alone.
 */
export function withTextShownAsTyped<T>(card: T): T {
  return plainIn(card) as T;
}

function plainIn(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(plainIn);
  if (node === null || typeof node !== 'object') return node;
  const element = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const rendered = typeof element.type === 'string' ? (RENDERED_AS_MARKDOWN[element.type] ?? []) : [];
  for (const [key, value] of Object.entries(element)) {
    if (typeof value === 'string' && rendered.includes(key)) out[key] = asPlainText(value);
    else if (element.type === 'FactSet' && key === 'facts' && Array.isArray(value)) out[key] = value.map(plainFact);
    else out[key] = plainIn(value);
  }
  return out;
}

function plainFact(fact: unknown): unknown {
  if (fact === null || typeof fact !== 'object') return fact;
  const f = fact as Record<string, unknown>;
  return {
    ...f,
    ...(typeof f.title === 'string' ? { title: asPlainText(f.title) } : {}),
    ...(typeof f.value === 'string' ? { value: asPlainText(f.value) } : {}),
  };
}
