import fc from 'fast-check';
import { asPlainText } from '../../src/cards/plain-text';

/** What a CommonMark renderer shows for escapes: a backslash before ASCII punctuation shows only the punctuation. */
const shown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/**
 * The Markdown a Teams card would act on, found by scanning as a renderer does: an escaped
 * character is literal; anything else that opens markup is reported.
 */
function activeMarkup(markdown: string): string[] {
  const found: string[] = [];
  markdown.split(/\r\n|\r|\n/).forEach((line) => {
    let atLineStart = true;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '\\' && i + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[i + 1]!)) {
        i++;
        atLineStart = false;
        continue;
      }
      if ('*_[]`~<&'.includes(c)) found.push(c);
      if (atLineStart && c !== ' ' && c !== '\t') {
        if ('#>+-='.includes(c)) found.push(`line-start ${c}`);
        const numbered = /^\d{1,9}[.)]/.exec(line.slice(i));
        if (numbered) found.push(`numbered ${numbered[0]}`);
        atLineStart = false;
      }
    }
  });
  return found;
}

describe('asPlainText: typed text shows as typed in a TextBlock or FactSet', () => {
  it.each([
    ['a link shows its brackets and address', '[link](http://x)', '\\[link\\](http://x)'],
    ['an image is not fetched', '![x](http://tracker/x.png)', '!\\[x\\](http://tracker/x.png)'],
    ['bold', '**bold**', '\\*\\*bold\\*\\*'],
    ['italic', '_italic_ and *italic*', '\\_italic\\_ and \\*italic\\*'],
    ['a bulleted list', '- one\n- two', '\\- one\n\\- two'],
    ['an indented list item', '  + one', '  \\+ one'],
    ['a numbered list', '1. one\n2) two', '1\\. one\n2\\) two'],
    ['a list split by \\r, as Adaptive Card lists are', '- one\r- two', '\\- one\r\\- two'],
    ['a heading', '# Heading', '\\# Heading'],
    ['a heading by underline', 'Heading\n===', 'Heading\n\\==='],
    ['a quote', '> she said', '\\> she said'],
    ['code', '`code`', '\\`code\\`'],
    ['strike-through', '~~gone~~', '\\~\\~gone\\~\\~'],
    ['an HTML entity stays as typed', 'Tom &amp; Jerry &#42;', 'Tom \\&amp; Jerry \\&#42;'],
    ['an autolink or tag', '<http://x> <b>', '\\<http://x> \\<b>'],
    ['a backslash', 'C:\\new', 'C:\\\\new'],
  ])('%s', (_label, typed, escaped) => {
    expect(asPlainText(typed)).toBe(escaped);
    expect(shown(escaped)).toBe(typed);
  });

  it.each([
    'Mum said she feels safer since the move (flat 2B, 2nd floor).',
    'Dad: 07700 900123; school e-mail: head@school.example',
    'Plan review 24/11/2026 - all agreed, 3 actions carried forward!',
    'Scaling: 7/10 #progress',
  ])('leaves ordinary prose alone: %s', (prose) => {
    expect(asPlainText(prose)).toBe(prose);
  });

  const markdownish = fc.string({ unit: fc.constantFrom(...'ab 1.\n\r\t*_[]()`~<>&#+-=!\\:/'.split('')), maxLength: 60 });

  it('shows exactly what was typed, whatever was typed', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), markdownish), (typed) => expect(shown(asPlainText(typed))).toBe(typed)));
  });

  it('leaves nothing a renderer would act on', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), markdownish), (typed) => expect(activeMarkup(asPlainText(typed))).toEqual([])));
  });

  it('the scanner does find markup in what was typed (so the test above can fail)', () => {
    expect(activeMarkup('[link](http://x) **b** &amp;')).toEqual(['[', ']', '*', '*', '*', '*', '&']);
    expect(activeMarkup('- a\n1. b\n# c')).toEqual(['line-start -', 'numbered 1.', 'line-start #']);
  });

  it('is idempotent only in what it shows: escaping twice shows the escapes', () => {
    fc.assert(fc.property(markdownish, (typed) => expect(shown(asPlainText(asPlainText(typed)))).toBe(asPlainText(typed))));
  });
});
