import { largeMinutesDocument } from '../../src/documents/large-minutes-sample';
import type { MinutesDocument } from '../../src/documents/minutes-document';
import { renderMinutesPdf } from '../../src/documents/minutes-pdf';
import { PdfReader, plainText, structRoles, taggedBlocks, type ReadPdf } from '../support/pdf-reader';

const reader = new PdfReader();
afterAll(() => reader.close());

const PROFESSIONALS_ONLY = 'Police hold intelligence about a visitor to the home';
const CONTACT = 'Dan Price, 07700 900123, dan.price@example.org';

/** One review cut two ways, as the domain will: the family's version leaves out what is not for them. */
function minutesFor(version: 'professionals' | 'family'): MinutesDocument {
  const pro = version === 'professionals';
  return {
    version,
    title: 'Child in Need review: Amy Price',
    subtitle: pro ? 'Minutes for professionals · Tue 1 Dec 2026' : 'Minutes for the family · Tue 1 Dec 2026',
    meta: [
      { label: 'Date', value: 'Tue 1 Dec 2026' },
      { label: 'Time', value: '10:30' },
      { label: 'Chair', value: 'Sam Chair' },
    ],
    sections: [
      {
        heading: 'Who came',
        entries: [
          { label: 'Sam Chair', value: 'Chair, present' },
          { label: 'Dan Price', value: pro ? `Father, present (${CONTACT})` : 'Father, present' },
        ],
      },
      {
        heading: 'Updates from each agency',
        entries: [
          { label: 'School', value: 'Attendance is 96% this term.' },
          ...(pro ? [{ label: 'Police', value: PROFESSIONALS_ONLY }] : []),
        ],
      },
      { heading: 'What is working well', entries: [{ label: '', value: 'Amy reads with her mum every night.' }] },
    ],
  };
}

describe('the minutes as a PDF', () => {
  let professionals: ReadPdf;
  let family: ReadPdf;
  beforeAll(async () => {
    professionals = await reader.read(await renderMinutesPdf(minutesFor('professionals')));
    family = await reader.read(await renderMinutesPdf(minutesFor('family')));
  });

  it('prints what the version holds and nothing it does not', () => {
    for (const line of ['Attendance is 96% this term.', 'Amy reads with her mum every night.', 'Sam Chair', 'Tue 1 Dec 2026']) {
      expect(plainText(professionals)).toContain(line);
      expect(plainText(family)).toContain(line);
    }
    expect(plainText(professionals)).toContain(PROFESSIONALS_ONLY);
    expect(plainText(professionals)).toContain('07700 900123');
    expect(plainText(family)).not.toContain(PROFESSIONALS_ONLY);
    expect(plainText(family)).not.toContain('07700 900123');
    expect(plainText(family)).not.toContain('dan.price@example.org');
    expect(plainText(family)).toContain('Minutes for the family');
  });

  it('is a tagged PDF/UA document in British English with its title shown', () => {
    for (const pdf of [professionals, family]) {
      expect(pdf.info.Language).toBe('en-GB');
      expect(pdf.info.Title).toBe('Child in Need review: Amy Price');
      expect(pdf.info.PDFFormatVersion).toBe('1.7');
      expect(pdf.markInfo?.Marked).toBe(true);
      expect(pdf.pdfuaPart).toBe('1');
    }
  });

  it('tags the title H1, each section H2, the particulars as a table and each entry as a paragraph', () => {
    const roles = structRoles(professionals);
    expect(roles.filter((r) => r === 'H1')).toHaveLength(1);
    expect(roles).toEqual(expect.arrayContaining(['Document', 'H2', 'P', 'Table', 'TR', 'TH', 'TD', 'Sect']));
    const blocks = taggedBlocks(professionals);
    expect(blocks).toContainEqual({ role: 'H1', text: 'Child in Need review: Amy Price' });
    expect(blocks.filter((b) => b.role === 'H2').map((b) => b.text)).toEqual([
      'Who came',
      'Updates from each agency',
      'What is working well',
    ]);
    expect(blocks).toContainEqual({ role: 'TH', text: 'Chair' });
    expect(blocks).toContainEqual({ role: 'TD', text: 'Sam Chair' });
    expect(blocks).toContainEqual({ role: 'P', text: `Police: ${PROFESSIONALS_ONLY}` });
  });

  it('keeps reading order: every entry follows its own heading', () => {
    const texts = taggedBlocks(professionals).map((b) => b.text);
    const at = (text: string): number => texts.findIndex((t) => t.includes(text));
    expect(at('Child in Need review')).toBeLessThan(at('Who came'));
    expect(at('Who came')).toBeLessThan(at('Dan Price'));
    expect(at('Dan Price')).toBeLessThan(at('Updates from each agency'));
    expect(at('Updates from each agency')).toBeLessThan(at(PROFESSIONALS_ONLY));
    expect(at(PROFESSIONALS_ONLY)).toBeLessThan(at('What is working well'));
  });

  it('paints nothing untagged and embeds its fonts', () => {
    for (const page of professionals.pages) {
      expect(page.unmarkedPainting).toBe(0);
      expect(page.fonts.length).toBeGreaterThan(0);
      for (const font of page.fonts) {
        expect(font.name).toMatch(/LiberationSans/);
        expect(font.missingFile).toBe(false);
      }
    }
  });

  it('numbers the pages as artifacts, outside the structure', () => {
    expect(professionals.pages.map((p) => p.artifactText)).toEqual([['Page 1 of 1']]);
    expect(taggedBlocks(professionals).some((b) => b.text.includes('Page 1 of 1'))).toBe(false);
  });
});

describe('the largest meeting (20 attendees, 30 actions)', () => {
  let pdf: ReadPdf;
  beforeAll(async () => {
    pdf = await reader.read(await renderMinutesPdf(largeMinutesDocument(20, 30)));
  });

  it('runs over several numbered pages and loses nothing', () => {
    expect(pdf.numPages).toBeGreaterThan(1);
    expect(pdf.pages.map((p) => p.artifactText.join(''))).toEqual(
      pdf.pages.map((_, i) => `Page ${i + 1} of ${pdf.numPages}`),
    );
    const text = plainText(pdf);
    for (let i = 1; i <= 20; i += 1) expect(text).toContain(`Attendee ${i}:`);
    for (let i = 1; i <= 30; i += 1) expect(text).toContain(`Action ${i}:`);
    expect(text).toContain('Who: Social worker 30.');
    expect(text).toContain('Tue 2 Mar 2027 at 16:00');
  });

  it('keeps every page tagged', () => {
    for (const page of pdf.pages) {
      expect(page.unmarkedPainting).toBe(0);
      expect(page.blocks.length).toBeGreaterThan(0);
    }
    const paragraphs = taggedBlocks(pdf).filter((b) => b.role === 'P' && /^Action \d+:/.test(b.text));
    // A paragraph split by a page break shows on both pages; every action has its own paragraph.
    expect(new Set(paragraphs.map((b) => b.text.match(/^Action (\d+):/)![1])).size).toBe(30);
  });
});
