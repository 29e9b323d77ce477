import fc from 'fast-check';
import { childLetterOf, deliveryPlan, minutesDocumentOf, minutesWords, withoutContacts } from '../../../src/domain/minutes-delivery';
import { Review } from '../../../src/domain/review/review';
import { completeReview } from '../review/review-builder';
import { PROFESSIONALS_ONLY_MARKERS, attendeesArb, documentText, letterText, markedReview } from './marked-review';

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

describe('the minutes read like minutes', () => {
  it.each([
    ['2026-12-01', 'Tue 1 Dec 2026'],
    ['by 2027-03-02 · Not started', 'by Tue 2 Mar 2027 · Not started'],
    ['2026-12-01T10:30:00.000Z', 'Tue 1 Dec 2026 at 10:30'],
    ['2026-06-02T09:30:00.000Z', 'Tue 2 Jun 2026 at 10:30'],
    ['A CIN plan can only close once this is done (003, closure)', 'A CIN plan can only close once this is done'],
    ['Record why the child did not attend (001 §1)', 'Record why the child did not attend'],
    ['(none recorded)', '(none recorded)'],
    ['Room 101 (second floor)', 'Room 101 (second floor)'],
  ])('%s reads "%s"', (stored, read) => {
    expect(minutesWords(stored)).toBe(read);
  });

  it('no ISO stamp or procedure code is left in either version of a whole review', () => {
    const review = { ...completeReview(), signOff: { by: completeReview().chair, at: '2026-03-02T11:05:00.000Z' } };
    for (const version of ['professionals', 'family'] as const) {
      const text = documentText(minutesDocumentOf(review, version));
      expect(text).not.toMatch(ISO_DATE);
      expect(text).not.toMatch(/\(\d{3}[,\s§]/);
      expect(text).toContain('Mon 2 Mar 2026');
      expect(text).toContain('Mon 2 Mar 2026 at 11:05');
    }
  });

  it('titles and subtitles say whose version it is', () => {
    const review = completeReview();
    expect(minutesDocumentOf(review, 'professionals')).toMatchObject({ version: 'professionals', title: 'Child in Need review: Amy', subtitle: 'Minutes for professionals · Mon 2 Mar 2026' });
    expect(minutesDocumentOf(review, 'family')).toMatchObject({ version: 'family', subtitle: 'Minutes for the family · Mon 2 Mar 2026' });
  });
});

describe("the child's letter", () => {
  const review = markedReview();
  const amara = review.setUp!.children[0]!;
  const letter = childLetterOf(review, amara);

  it('is addressed to the child by first name and signed by the chair', () => {
    expect(letter.greeting).toBe('Dear Amara,');
    expect(letter.signOff).toBe('From Chris, who chaired your meeting');
  });

  it("quotes the child's own words unchanged, and only theirs", () => {
    expect(letter.ownWords).toEqual(['OWN-WORDS-Amara']);
    expect(letterText(letter)).not.toContain('OWN-WORDS-Bo');
  });

  it('says who came, what is going well, the worries, the dreams, what happens next and when we meet again', () => {
    const text = letterText(letter);
    expect(text).toContain('These people came:');
    expect(text).toContain('Attendee Number0 Surname-Longname (a social worker)');
    expect(letter.goodThings.join(' ')).toContain('Working well');
    expect(letter.worries.join(' ')).toContain('Worries');
    expect(letter.dreams.join(' ')).toContain('Wishes');
    expect(text).toContain('What happens next:');
    expect(letter.nextMeeting).toBe('We will meet again on Tuesday 22 December 2026 at 10am, on Teams.');
  });

  it('after a closure says we do not need to meet again', () => {
    const closed: Review = { ...review, outcome: { ...review.outcome!, kind: 'close' } };
    expect(childLetterOf(closed, amara).nextMeeting).toBe('We do not need to meet again.');
  });
});

describe('what each version may carry', () => {
  it.each(PROFESSIONALS_ONLY_MARKERS)("%s is in the professionals' version and in neither the family's nor a child's", (marker) => {
    const review = markedReview();
    expect(documentText(minutesDocumentOf(review, 'professionals'))).toContain(marker);
    expect(documentText(minutesDocumentOf(review, 'family'))).not.toContain(marker);
    for (const child of review.setUp!.children) expect(letterText(childLetterOf(review, child))).not.toContain(marker);
  });

  it("a contact detail typed into free text is removed from the family's version too", () => {
    const review = markedReview();
    const phone = review.attendees[2]!.phone;
    const typed: Review = { ...review, mapping: { ...review.mapping!, worries: `Call mum on ${phone.replace(/ /g, '')} or ${review.attendees[2]!.email.toUpperCase()}` } };
    const family = documentText(minutesDocumentOf(typed, 'family'));
    expect(family).toContain('Call mum on (contact details removed) or (contact details removed)');
    expect(withoutContacts('ring 07700 900 123 now', ['07700900123'])).toBe('ring (contact details removed) now');
  });

  it('no contact detail of anyone reaches a family or child document, and no professionals-only text, whatever was typed', () => {
    fc.assert(
      fc.property(attendeesArb, (attendees) => {
        const review = markedReview(attendees);
        const contacts = attendees.flatMap((a) => [a.email, a.phone]).filter((c) => c !== '');
        const family = documentText(minutesDocumentOf(review, 'family'));
        const letters = review.setUp!.children.map((c) => letterText(childLetterOf(review, c)));
        for (const text of [family, ...letters]) {
          for (const c of contacts) expect(text).not.toContain(c);
          for (const m of PROFESSIONALS_ONLY_MARKERS) expect(text).not.toContain(m);
        }
        const professionals = documentText(minutesDocumentOf(review, 'professionals'));
        for (const a of attendees) {
          for (const c of [a.email, a.phone].filter((x) => x !== '')) {
            if (a.doNotShareContact) expect(professionals).not.toContain(c);
            else expect(professionals).toContain(c);
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('every recipient of the plan has a document of their version', () => {
    fc.assert(
      fc.property(attendeesArb, (attendees) => {
        const review = markedReview(attendees);
        const childLetters = attendees.filter((a) => a.role === 'child').map((a) => a.key);
        for (const r of deliveryPlan(review, { childLetters })) {
          if (r.version === 'child') {
            if (r.channel === 'needs-chair') continue;
            const child = review.setUp!.children.find((c) => c.key === r.childKey)!;
            expect(childLetterOf(review, child).firstName).toBe(child.firstName);
          } else expect(minutesDocumentOf(review, r.version).version).toBe(r.version);
        }
      }),
      { numRuns: 40 },
    );
  });
});
