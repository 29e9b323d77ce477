import fc from 'fast-check';
import type { MinutesDocument } from '../../src/documents/minutes-document';
import { renderChildLetterPdf, renderMinutesPdf } from '../../src/documents/minutes-pdf';
import { printable } from '../../src/documents/tagged-pdf';
import { PdfReader, structAlts, type ReadPdf } from '../support/pdf-reader';

const reader = new PdfReader();
afterAll(() => reader.close());

/** Text people type: markdown, template syntax, HTML, emoji, right-to-left scripts, odd whitespace. */
const awkward = fc.constantFrom(
  '**bold** _under_ # heading\n- item\n> quote',
  '${process.env.SECRET} {{name}} <%= x %>',
  '<script>alert(1)</script> & &amp; "quotes" \'single\'',
  'Amy 😀👨‍👩‍👧 ❤️ 🏳️‍🌈',
  'שלום עולם',
  'مرحبا بالعالم',
  'naïve café – “smart” ‘quotes’ … €5 ½',
  'tab\there\r\nwindows line\rold mac',
  'a'.repeat(400),
  '\u200b\u200e\u202e reversed \u202c\ufeff',
);
const anyText = fc.oneof(
  awkward,
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ maxLength: 300 }),
);

const stripWhitespace = (text: string): string => text.replace(/\s+/gu, '');

/** The text reaches the reader: painted as it is, or, where the font has no glyph, as the element's ActualText. */
function carries(pdf: ReadPdf, text: string): boolean {
  const wanted = printable(text);
  if (wanted.trim() === '') return true;
  const painted = stripWhitespace(pdf.pages.map((p) => p.text).join(''));
  return painted.includes(stripWhitespace(wanted)) || structAlts(pdf).some((alt) => alt.includes(wanted.trim()));
}

function minutesWith(text: string): MinutesDocument {
  return {
    version: 'family',
    title: text,
    subtitle: 'Minutes for the family',
    meta: [{ label: 'Chair', value: text }],
    sections: [{ heading: text, entries: [{ label: 'Said', value: text }, { label: '', value: text }] }],
  };
}

describe('any text in the minutes', () => {
  it('renders and reads back without throwing, and the words reach the reader', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const pdf = await reader.read(await renderMinutesPdf(minutesWith(text)));
        expect(pdf.numPages).toBeGreaterThan(0);
        for (const page of pdf.pages) expect(page.unmarkedPainting).toBe(0);
        expect(carries(pdf, text)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('renders in the child’s letter too', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const pdf = await reader.read(
          await renderChildLetterPdf({
            firstName: text,
            greeting: text,
            paragraphs: [text],
            goodThings: [text],
            worries: [text],
            dreams: [text],
            ownWords: [text],
            nextMeeting: text,
            signOff: text,
          }),
        );
        for (const page of pdf.pages) expect(page.unmarkedPainting).toBe(0);
        expect(carries(pdf, text)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
