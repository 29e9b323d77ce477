import type { ChildLetter } from '../../src/documents/minutes-document';
import { renderChildLetterPdf } from '../../src/documents/minutes-pdf';
import { PdfReader, plainText, structRoles, taggedBlocks, type ReadPdf } from '../support/pdf-reader';

const reader = new PdfReader();
afterAll(() => reader.close());

const letter: ChildLetter = {
  firstName: 'Amy',
  greeting: 'Dear Amy,',
  paragraphs: ['On Tuesday Mum, your teacher Mrs Khan and Sam met to talk about how things are going for you.'],
  goodThings: ['You are going to school every day.', 'Mum reads with you at bedtime.'],
  worries: ['Sometimes there is shouting at home in the evening.'],
  dreams: ['You want to join the football club.'],
  ownWords: ['I like it when Mum reads to me.'],
  nextMeeting: 'Tuesday 2 March 2027 at 4pm, at school.',
  signOff: 'From Sam, who chaired your meeting',
};

describe("the child's letter as a PDF", () => {
  let pdf: ReadPdf;
  beforeAll(async () => {
    pdf = await reader.read(await renderChildLetterPdf(letter));
  });

  it('is addressed to the child and says what the letter holds', () => {
    const text = plainText(pdf);
    expect(text).toContain('A letter for Amy');
    expect(text).toContain('Dear Amy,');
    expect(text).toContain('“I like it when Mum reads to me.”');
    for (const line of [...letter.goodThings, ...letter.worries, ...letter.dreams, letter.nextMeeting, letter.signOff]) {
      expect(text).toContain(line);
    }
  });

  it('puts each item in its own house, in the order good things, worries, dreams', () => {
    const blocks = taggedBlocks(pdf);
    const headings = blocks.filter((b) => b.role === 'H2').map((b) => b.text);
    expect(headings).toEqual([
      'What you told us',
      'The house of good things',
      'The house of worries',
      'The house of dreams',
      'When we will meet again',
    ]);
    const houseOf = (item: string): string | undefined => {
      const index = blocks.findIndex((b) => b.role === 'LBody' && b.text === item);
      return blocks.slice(0, index).filter((b) => b.role === 'H2').pop()?.text;
    };
    expect(houseOf('You are going to school every day.')).toBe('The house of good things');
    expect(houseOf('Sometimes there is shouting at home in the evening.')).toBe('The house of worries');
    expect(houseOf('You want to join the football club.')).toBe('The house of dreams');
    expect(blocks).toContainEqual({ role: 'BlockQuote', text: '“I like it when Mum reads to me.”' });
  });

  it('tags the houses as lists and draws the houses as artifacts only', () => {
    const roles = structRoles(pdf);
    expect(roles.filter((r) => r === 'H1')).toHaveLength(1);
    expect(roles).toEqual(expect.arrayContaining(['L', 'LI', 'Lbl', 'LBody', 'Sect']));
    expect(pdf.pages.reduce((n, p) => n + p.artifactPaths, 0)).toBeGreaterThan(0);
    for (const page of pdf.pages) expect(page.unmarkedPainting).toBe(0);
    expect(pdf.info.Language).toBe('en-GB');
    expect(pdf.markInfo?.Marked).toBe(true);
  });

  it('says so when a house is empty rather than leaving it blank', async () => {
    const empty = await reader.read(await renderChildLetterPdf({ ...letter, worries: [], ownWords: [] }));
    const blocks = taggedBlocks(empty);
    expect(blocks).toContainEqual({ role: 'P', text: 'Nobody told us about a worry this time.' });
    expect(blocks.some((b) => b.text === 'What you told us')).toBe(false);
  });

  it('runs onto more pages when there is a lot to say, and keeps every page tagged', async () => {
    const many = Array.from({ length: 15 }, (_, i) => `Good thing number ${i + 1}, which Amy told us about.`);
    const long = await reader.read(await renderChildLetterPdf({ ...letter, goodThings: many, dreams: many }));
    expect(long.numPages).toBeGreaterThan(2);
    for (const page of long.pages) expect(page.unmarkedPainting).toBe(0);
    const items = taggedBlocks(long).filter((b) => b.role === 'LBody').map((b) => b.text);
    for (const item of many) expect(items.filter((t) => t === item)).toHaveLength(2);
  });
});
