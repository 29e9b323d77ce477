import type { AdaptiveCardJson } from '../cards/card-templates';
import { asPlainText } from '../cards/plain-text';
import type { ChildLetter, MinutesDocument } from '../documents/minutes-document';

/** Teams takes messages of about 100 KB and recommends 80 KB; the card keeps well inside that. */
export const MAX_MINUTES_CARD_BYTES = 76 * 1024;

type Element = Record<string, unknown>;

const text = (value: string, extra: Element = {}): Element => ({ type: 'TextBlock', text: asPlainText(value), wrap: true, ...extra });
const heading = (value: string): Element => text(value, { size: 'Medium', weight: 'Bolder', separator: true, spacing: 'Medium' });

function card(body: readonly Element[]): AdaptiveCardJson {
  return { type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', body: [...body] };
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * The minutes as one Adaptive Card for the recipient's 1:1 chat: title, the meeting's particulars,
 * then each section's lines in order. Every piece of text is shown as typed (no Markdown). A record
 * too long for one Teams message keeps its first sections whole and says what is left out.
 */
export function minutesCard(minutes: MinutesDocument): AdaptiveCardJson {
  const top: Element[] = [
    text(minutes.title, { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text(minutes.subtitle, { isSubtle: true, spacing: 'None' }),
    ...(minutes.meta.length > 0 ? [{ type: 'FactSet', facts: minutes.meta.map((m) => ({ title: asPlainText(m.label), value: asPlainText(m.value) })) }] : []),
  ];
  const blocks = minutes.sections.map((section) => [
    heading(section.heading),
    ...section.entries.map((e) =>
      e.label === ''
        ? text(e.value)
        : { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${asPlainText(e.label)}: `, weight: 'Bolder' }, { type: 'TextRun', text: asPlainText(e.value) }] },
    ),
  ]);
  return withinLimit(top, blocks, 'The rest of the minutes is too long for one Teams message: ask the chair for the PDF.');
}

/** The child's letter as a card: greeting, what we talked about, their words, the three houses, when we meet again. */
export function childLetterCard(letter: ChildLetter): AdaptiveCardJson {
  const list = (items: readonly string[], empty: string) => (items.length === 0 ? [text(empty, { isSubtle: true })] : items.map((i) => text(`• ${i}`, { spacing: 'Small' })));
  const top: Element[] = [
    text(`A letter for ${letter.firstName} about your meeting`, { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text(letter.greeting, { size: 'Medium' }),
    ...letter.paragraphs.map((p) => text(p, { size: 'Medium' })),
  ];
  const blocks: Element[][] = [
    ...(letter.ownWords.length > 0 ? [[heading('What you told us'), ...letter.ownWords.map((w) => text(`“${w}”`, { size: 'Medium', color: 'Accent' }))]] : []),
    [heading('The house of good things'), text('These are the things that are going well.'), ...list(letter.goodThings, 'We did not write anything here this time.')],
    [heading('The house of worries'), text('These are the things people are worried about.'), ...list(letter.worries, 'Nobody told us about a worry this time.')],
    [heading('The house of dreams'), text('These are the things you and your family hope for.'), ...list(letter.dreams, 'We did not write anything here this time.')],
    [heading('When we meet again'), text(letter.nextMeeting, { size: 'Medium' }), text(letter.signOff, { spacing: 'Large' })],
  ];
  return withinLimit(top, blocks, 'There is more in your letter: ask the person who chaired your meeting for it.');
}

function withinLimit(top: readonly Element[], blocks: readonly Element[][], tooLong: string): AdaptiveCardJson {
  const whole = card([...top, ...blocks.flat()]);
  if (bytesOf(whole) <= MAX_MINUTES_CARD_BYTES) return whole;
  const note = text(tooLong, { weight: 'Bolder', separator: true });
  const body = [...top];
  let size = bytesOf(card([...body, note]));
  for (const element of blocks.flat()) {
    const more = bytesOf(element) + 1;
    if (size + more > MAX_MINUTES_CARD_BYTES) break;
    body.push(element);
    size += more;
  }
  return card([...body, note]);
}
