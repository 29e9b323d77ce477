import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import { PROJECT_ROOT } from '../project/project-root';

/**
 * A pdfkit document set up for PDF/UA: tagged, language en-GB, title shown by the viewer, fonts embedded
 * (Liberation Sans, shipped in fonts/), pages buffered so page numbers can be added as artifacts at the
 * end. Everything drawn on it must sit inside a structure element or an artifact.
 */
export type PdfDoc = PDFKit.PDFDocument;
export type PdfStruct = PDFKit.PDFStructureElement;

export const REGULAR = 'LiberationSans-Regular';
export const BOLD = 'LiberationSans-Bold';

const FONTS_DIR = path.join(PROJECT_ROOT, 'fonts');
export const A4_MARGIN = 56; // 2 cm

export function createTaggedPdf(title: string, options: { readonly fontSize: number }): PdfDoc {
  const doc = new PDFDocument({
    size: 'A4',
    margin: A4_MARGIN,
    tagged: true,
    pdfVersion: '1.7',
    // pdfkit 0.20 supports PDF/UA; @types/pdfkit 0.17 only lists the PDF/A subsets.
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
    lang: 'en-GB',
    displayTitle: true,
    bufferPages: true,
    info: { Title: metadataSafe(title), Creator: 'CIN Review', Producer: 'CIN Review (PDFKit)' },
  });
  doc.registerFont(REGULAR, path.join(FONTS_DIR, 'LiberationSans-Regular.ttf'));
  doc.registerFont(BOLD, path.join(FONTS_DIR, 'LiberationSans-Bold.ttf'));
  doc.font(REGULAR).fontSize(options.fontSize).fillColor(TEXT_COLOUR);
  return doc;
}

export const TEXT_COLOUR = '#1a1a1a';
export const HEADING_COLOUR = '#1d3557';

/** The document's root structure element; everything else is added under it, in reading order. */
export function documentRoot(doc: PdfDoc): PdfStruct {
  const root = doc.struct('Document');
  doc.addStructure(root);
  return root;
}

/**
 * Text as pdfkit can lay it out: line breaks normalised, other control characters and unpaired
 * surrogates dropped (they have no glyph and would break the text layer), tabs as spaces.
 */
export function printable(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/**
 * Structure options for a piece of text. Where the embedded font has no glyph for a character (emoji,
 * Hebrew, Arabic), the page shows an empty box, so the element carries the text as /ActualText and a
 * screen reader still reads what was written.
 */
export function textStructOptions(doc: PdfDoc, text: string): { actual?: string } {
  return coversText(doc, text) ? {} : { actual: text };
}

function coversText(doc: PdfDoc, text: string): boolean {
  // pdfkit keeps the fontkit font of an embedded TrueType font at `_font.font` (not in its typings).
  const font = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?(cp: number): boolean } } })._font?.font;
  if (typeof font?.hasGlyphForCodePoint !== 'function') return true;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x0a || cp === 0x20) continue;
    if (!font.hasGlyphForCodePoint(cp)) return false;
  }
  return true;
}

/** Adds a page when fewer than `needed` points are left on this one (keeps a heading with its text). */
export function keepTogether(doc: PdfDoc, needed: number): void {
  const bottom = doc.page.height - doc.page.margins.bottom;
  if (doc.y + needed > bottom) doc.addPage();
}

/** Draws decoration that carries no meaning, marked as an artifact so assistive technology skips it. */
export function drawArtifact(doc: PdfDoc, draw: () => void): void {
  doc.markContent('Artifact');
  doc.save();
  draw();
  doc.restore();
  doc.endMarkedContent();
}

/** "Page n of m" at the foot of every page, as pagination artifacts; then ends the document. */
export function finishTaggedPdf(doc: PdfDoc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(REGULAR)
      .fontSize(9)
      .fillColor(TEXT_COLOUR)
      .text(`Page ${i + 1} of ${range.count}`, A4_MARGIN, doc.page.height - bottomMargin / 2 - 5, {
        width: doc.page.width - 2 * A4_MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}

/** The XMP metadata pdfkit writes puts the title in XML unescaped: keep it to characters that are safe there. */
function metadataSafe(title: string): string {
  return printable(title).replace(/&/g, 'and').replace(/[<>]/g, '').replace(/\n/g, ' ');
}
