import type { ChildLetter, MinutesDocument, MinutesEntry, MinutesSection } from './minutes-document';
import { drawHouse, HOUSE_SIZE, type HouseKind } from './three-houses-drawing';
import {
  A4_MARGIN,
  BOLD,
  createTaggedPdf,
  documentRoot,
  finishTaggedPdf,
  HEADING_COLOUR,
  keepTogether,
  type PdfDoc,
  type PdfStruct,
  printable,
  REGULAR,
  TEXT_COLOUR,
  textStructOptions,
} from './tagged-pdf';

const BODY_SIZE = 11;

/**
 * The minutes for professionals or the family as a tagged PDF (PDF/UA): H1 title, the meeting's
 * particulars as a table with row headers, an H2 per section, one paragraph per entry, in reading order.
 */
export function renderMinutesPdf(minutes: MinutesDocument): Promise<Buffer> {
  const doc = createTaggedPdf(minutes.title, { fontSize: BODY_SIZE });
  doc.lineGap(2);
  const root = documentRoot(doc);
  heading(doc, root, 'H1', minutes.title, 20);
  paragraph(doc, root, minutes.subtitle, { size: 12 });
  doc.moveDown(0.5);
  if (minutes.meta.length > 0) particulars(doc, root, minutes.meta);
  for (const section of minutes.sections) sectionOf(doc, root, section);
  root.end();
  return finishTaggedPdf(doc);
}

const CHILD_SIZE = 16;

const HOUSES: readonly { readonly kind: HouseKind; readonly heading: string; readonly intro: string; readonly empty: string }[] = [
  {
    kind: 'good-things',
    heading: 'The house of good things',
    intro: 'These are the things that are going well.',
    empty: 'We did not write anything here this time.',
  },
  {
    kind: 'worries',
    heading: 'The house of worries',
    intro: 'These are the things people are worried about.',
    empty: 'Nobody told us about a worry this time.',
  },
  {
    kind: 'dreams',
    heading: 'The house of dreams',
    intro: 'These are the things you and your family hope for.',
    empty: 'We did not write anything here this time.',
  },
];

/**
 * The child's own letter as a tagged PDF: large, friendly type, what they told us quoted, the three
 * houses (each drawn as a decorative artifact beside its tagged heading and list), and when we meet again.
 */
export function renderChildLetterPdf(letter: ChildLetter): Promise<Buffer> {
  const title = `A letter for ${letter.firstName} about your meeting`;
  const doc = createTaggedPdf(title, { fontSize: CHILD_SIZE });
  doc.lineGap(4);
  const root = documentRoot(doc);
  heading(doc, root, 'H1', title, 26);
  paragraph(doc, root, letter.greeting, { size: CHILD_SIZE });
  for (const text of letter.paragraphs) paragraph(doc, root, text, { size: CHILD_SIZE });

  if (letter.ownWords.length > 0) {
    heading(doc, root, 'H2', 'What you told us', 20);
    for (const words of letter.ownWords) quotation(doc, root, words);
  }
  for (const house of HOUSES) {
    const items = house.kind === 'good-things' ? letter.goodThings : house.kind === 'worries' ? letter.worries : letter.dreams;
    houseSection(doc, root, house, items);
  }
  heading(doc, root, 'H2', 'When we will meet again', 20);
  paragraph(doc, root, letter.nextMeeting, { size: CHILD_SIZE });
  doc.moveDown(0.5);
  paragraph(doc, root, letter.signOff, { size: CHILD_SIZE });
  root.end();
  return finishTaggedPdf(doc);
}

function heading(doc: PdfDoc, parent: PdfStruct, tag: 'H1' | 'H2', text: string, size: number): void {
  const clean = printable(text);
  doc.font(BOLD).fontSize(size);
  if (tag === 'H2') {
    doc.moveDown(0.6);
    keepTogether(doc, doc.heightOfString(clean, { width: contentWidth(doc) }) + 3 * doc.currentLineHeight(true));
  }
  parent.add(
    doc.struct(tag, textStructOptions(doc, clean), () => {
      doc.fillColor(HEADING_COLOUR).text(clean, A4_MARGIN, doc.y, { width: contentWidth(doc) });
    }),
  );
  doc.fillColor(TEXT_COLOUR).font(REGULAR).moveDown(0.3);
}

function paragraph(doc: PdfDoc, parent: PdfStruct, text: string, options: { readonly size: number }): void {
  const clean = printable(text);
  if (clean.trim() === '') return;
  doc.font(REGULAR).fontSize(options.size);
  parent.add(
    doc.struct('P', textStructOptions(doc, clean), () => {
      doc.text(clean, A4_MARGIN, doc.y, { width: contentWidth(doc) });
    }),
  );
  doc.moveDown(0.4);
}

/** "Label: value" as one paragraph, the label in bold. */
function entry(doc: PdfDoc, parent: PdfStruct, item: MinutesEntry): void {
  const label = printable(item.label).trim();
  const value = printable(item.value);
  if (label === '') return paragraph(doc, parent, value, { size: BODY_SIZE });
  doc.fontSize(BODY_SIZE).font(REGULAR);
  const all = `${label}: ${value}`;
  parent.add(
    doc.struct('P', textStructOptions(doc, all), () => {
      const width = contentWidth(doc);
      doc.font(BOLD).text(`${label}: `, A4_MARGIN, doc.y, { width, continued: true });
      doc.font(REGULAR).text(value.trim() === '' ? '—' : value, { width });
    }),
  );
  doc.moveDown(0.4);
}

function sectionOf(doc: PdfDoc, root: PdfStruct, section: MinutesSection): void {
  const sect = doc.struct('Sect');
  root.add(sect);
  heading(doc, sect, 'H2', section.heading, 14);
  for (const item of section.entries) entry(doc, sect, item);
  sect.end();
}

/** The meeting's particulars as a two-column table whose first column heads each row. */
function particulars(doc: PdfDoc, root: PdfStruct, meta: readonly MinutesEntry[]): void {
  doc.font(REGULAR).fontSize(BODY_SIZE);
  const rows = meta.map((item) => [
    { text: printable(item.label), type: 'TH' as const, scope: 'Row', font: { src: BOLD } },
    { text: printable(item.value) },
  ]);
  const options = {
    structParent: root,
    position: { x: A4_MARGIN, y: doc.y },
    maxWidth: contentWidth(doc),
    columnStyles: [150, '*'],
    defaultStyle: { border: 0, padding: 3, textColor: TEXT_COLOUR },
    data: rows,
  };
  doc.table(options as unknown as PDFKit.Mixins.TableOptionsWithData);
  doc.x = A4_MARGIN;
  doc.moveDown(0.5);
}

function quotation(doc: PdfDoc, parent: PdfStruct, words: string): void {
  const clean = printable(words).trim();
  if (clean === '') return;
  const text = `“${clean}”`;
  doc.font(REGULAR).fontSize(CHILD_SIZE);
  parent.add(
    doc.struct('BlockQuote', textStructOptions(doc, text), () => {
      doc.fillColor(HEADING_COLOUR).text(text, A4_MARGIN + 24, doc.y, { width: contentWidth(doc) - 24 });
    }),
  );
  doc.fillColor(TEXT_COLOUR).moveDown(0.4);
}

function houseSection(doc: PdfDoc, root: PdfStruct, house: (typeof HOUSES)[number], items: readonly string[]): void {
  const sect = doc.struct('Sect');
  root.add(sect);
  doc.moveDown(0.6);
  doc.font(BOLD).fontSize(20);
  keepTogether(doc, HOUSE_SIZE + 2 * doc.currentLineHeight(true));
  const top = doc.y;
  drawHouse(doc, house.kind, A4_MARGIN, top);
  // The heading and the intro sit to the right of the drawing; the list runs underneath.
  const textX = A4_MARGIN + HOUSE_SIZE + 16;
  const textWidth = contentWidth(doc) - HOUSE_SIZE - 16;
  sect.add(
    doc.struct('H2', {}, () => {
      doc.fillColor(HEADING_COLOUR).text(house.heading, textX, top + 4, { width: textWidth });
    }),
  );
  doc.font(REGULAR).fontSize(CHILD_SIZE).fillColor(TEXT_COLOUR);
  sect.add(doc.struct('P', {}, () => doc.text(house.intro, textX, doc.y + 2, { width: textWidth })));
  doc.y = Math.max(doc.y, top + HOUSE_SIZE) + 8;
  const clean = items.map((item) => printable(item).trim()).filter((item) => item !== '');
  if (clean.length === 0) {
    paragraph(doc, sect, house.empty, { size: CHILD_SIZE });
  } else {
    const list = doc.struct('L');
    sect.add(list);
    for (const item of clean) listItem(doc, list, item);
    list.end();
  }
  sect.end();
}

/** One list item: a bullet (Lbl) and its text (LBody). */
function listItem(doc: PdfDoc, list: PdfStruct, text: string): void {
  doc.font(REGULAR).fontSize(CHILD_SIZE);
  keepTogether(doc, doc.currentLineHeight(true));
  const li = doc.struct('LI');
  list.add(li);
  const y = doc.y;
  li.add(doc.struct('Lbl', {}, () => doc.text('•', A4_MARGIN + 8, y, { width: 20, lineBreak: false })));
  li.add(
    doc.struct('LBody', textStructOptions(doc, text), () => {
      doc.text(text, A4_MARGIN + 30, y, { width: contentWidth(doc) - 30 });
    }),
  );
  li.end();
  doc.moveDown(0.3);
}

function contentWidth(doc: PdfDoc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
