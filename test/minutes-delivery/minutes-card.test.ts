import { largeMinutesDocument } from '../../src/documents/large-minutes-sample';
import { childLetterOf, minutesDocumentOf } from '../../src/domain/minutes-delivery';
import { MAX_MINUTES_CARD_BYTES, childLetterCard, minutesCard } from '../../src/minutes-delivery';
import { validateAdaptiveCard } from '../cards/card-schema/validate-card';
import { textOf } from '../support/card-reader';
import { markedReview } from '../domain/minutes-delivery/marked-review';

const review = markedReview();

describe('the minutes as a Teams card', () => {
  it.each([
    ['professionals', minutesCard(minutesDocumentOf(review, 'professionals'))],
    ['family', minutesCard(minutesDocumentOf(review, 'family'))],
    ['child', childLetterCard(childLetterOf(review, review.setUp!.children[0]!))],
    ['largest sample', minutesCard(largeMinutesDocument())],
  ])('the %s card is a valid Adaptive Card 1.5 for Teams, under 80 KB', (_name, card) => {
    expect(validateAdaptiveCard(card, { maxBytes: 80 * 1024 })).toEqual([]);
  });

  it('holds every section heading and line of the document', () => {
    const doc = minutesDocumentOf(review, 'family');
    const text = textOf(minutesCard(doc));
    for (const section of doc.sections) expect(text).toContain(section.heading);
    expect(text).toContain(doc.title);
  });

  it('shows what people typed as typed: Markdown in a record is not rendered', () => {
    const doc = { ...minutesDocumentOf(review, 'family'), sections: [{ heading: 'Worries', entries: [{ label: 'Worries', value: '**bold** [link](http://evil.example)' }] }] };
    const json = JSON.stringify(minutesCard(doc));
    expect(json).toContain('\\\\*\\\\*bold\\\\*\\\\* \\\\[link\\\\](http://evil.example)');
  });

  it('a record too long for one message keeps its first sections and says the rest is in the PDF', () => {
    const long = largeMinutesDocument(20, 30);
    const huge = { ...long, sections: Array.from({ length: 12 }, () => long.sections).flat() };
    const card = minutesCard(huge);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_MINUTES_CARD_BYTES);
    expect(textOf(card)).toContain('too long for one Teams message');
    expect(validateAdaptiveCard(card, { maxBytes: 80 * 1024 })).toEqual([]);
  });

  it("the child's card greets the child and quotes their own words", () => {
    const text = textOf(childLetterCard(childLetterOf(review, review.setUp!.children[0]!)));
    expect(text).toContain('Dear Amara,');
    expect(text).toContain('“OWN-WORDS-Amara”');
    expect(text).toContain('The house of dreams');
  });
});
