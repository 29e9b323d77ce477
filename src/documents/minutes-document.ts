/**
 * What the minutes renderer draws: one version of the minutes, already cut to its audience and already
 * worded for reading (dates as "Tue 1 Dec 2026", times in Europe/London, no internal codes). The domain
 * decides what goes in each version; the renderer only lays it out, so it never sees a field it must not
 * print.
 */

/** Who a version is for: the whole record, the family's cut, or the child's own letter. */
export type MinutesVersion = 'professionals' | 'family' | 'child';

/** One labelled line of the record, e.g. { label: 'Action 3', value: 'Health visitor to …' }. */
export interface MinutesEntry {
  /** Printed in bold before the value; empty for a plain paragraph. */
  readonly label: string;
  /** Free text; line breaks start new lines within the entry. */
  readonly value: string;
}

export interface MinutesSection {
  readonly heading: string;
  readonly entries: readonly MinutesEntry[];
}

/** The minutes for professionals or for the family. */
export interface MinutesDocument {
  readonly version: Exclude<MinutesVersion, 'child'>;
  /** The document's title, also its title in the PDF viewer, e.g. "Child in Need review: Amy Price". */
  readonly title: string;
  /** One line under the title, e.g. "Minutes for professionals · Tue 1 Dec 2026". */
  readonly subtitle: string;
  /** The meeting's particulars (date, time, chair, where), printed as a two-column table. */
  readonly meta: readonly MinutesEntry[];
  readonly sections: readonly MinutesSection[];
}

/**
 * The child's own copy: a letter in plain words, with Signs of Safety's three houses (good things,
 * worries, dreams). Every string is already the words the child will read.
 */
export interface ChildLetter {
  readonly firstName: string;
  /** e.g. "Dear Amy," */
  readonly greeting: string;
  /** Who came and what we talked about, one paragraph each. */
  readonly paragraphs: readonly string[];
  /** The house of good things: what is going well. */
  readonly goodThings: readonly string[];
  /** The house of worries: what people are worried about. */
  readonly worries: readonly string[];
  /** The house of dreams: what the child and the family hope for. */
  readonly dreams: readonly string[];
  /** What the child told us, in their own words (printed as quotations, unchanged). */
  readonly ownWords: readonly string[];
  /** When we meet again, in words, e.g. "Tuesday 2 March 2027 at 4pm, at school". */
  readonly nextMeeting: string;
  /** The closing line, e.g. "From Sam, who chaired your meeting". */
  readonly signOff: string;
}
