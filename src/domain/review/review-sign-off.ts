import type { TeamsPerson } from './review-people';

/** The sign-off, and what the chair decided with it about who receives the minutes. */

export interface SignOff {
  readonly by: TeamsPerson;
  readonly at: string;
}

/** The parts of a child's letter the chair may rewrite at sign-off: a paragraph, or a house item, a line. */
export const LETTER_PARTS = ['paragraphs', 'goodThings', 'worries', 'dreams'] as const;
export type LetterPart = (typeof LETTER_PARTS)[number];
export type ChildLetterWords = Readonly<Record<LetterPart, readonly string[]>>;

export interface ChildLetterChoice {
  readonly attendeeKey: string;
  /** The chair's words for the letter; absent: it is written from the record as it is. */
  readonly words?: ChildLetterWords;
}

/** What the chair decided at sign-off beyond each attendee's tick: the children sent their own letter. */
export interface MinutesChoices {
  readonly childLetters: readonly ChildLetterChoice[];
}

/** One passing of the chair: who had it, who took it, when. */
