import { z } from 'zod';
import { Attendee, ChildLetterChoice, ChildLetterWords, LETTER_PARTS, LetterPart, MinutesChoices, Review } from '../review/review';
import { FieldErrors, FormValues } from '../review/step-forms/form-values';
import { TEXT_LIMITS } from '../review/step-forms/form-values';
import { childLetterOf } from './child-letter-of';
import { childOf } from './delivery-plan';

/**
 * What the chair decides at sign-off about who is sent the minutes: each attendee ticked or not, and
 * for each child attendee whether they get their own letter (age and understanding) and its words,
 * which the chair reads and may change. Recorded on the review with the sign-off.
 */

export const LETTER_PART_LABELS: Readonly<Record<LetterPart, string>> = {
  paragraphs: 'What we talked about (a paragraph a line)',
  goodThings: 'The house of good things (one a line)',
  worries: 'The house of worries (one a line)',
  dreams: 'The house of dreams (one a line)',
};

/** The most a letter part may hold (it is printed on a page a child reads). */
export const LETTER_PART_LIMIT = TEXT_LIMITS.long;
const MOST_LINES = 30;

export const sendInputId = (attendeeKey: string) => `send.${attendeeKey}`;
export const letterInputId = (attendeeKey: string, part: LetterPart) => `letter.${attendeeKey}.${part}`;

/** Child attendees a letter can be written to: their child is known from set-up. */
export function letterCandidates(review: Review): Attendee[] {
  return review.attendees.filter((a) => a.role === 'child' && childOf(review, a) !== undefined);
}

const tick = z.enum(['true', 'false']);

/**
 * Reads the chair's choices from the confirmation card. Inputs the card did not send keep what the
 * review says (everyone ticked as recorded; no child letter). Returns the attendees with their
 * receives-minutes updated and the letters chosen, or what to correct.
 */
export function readSignOffChoices(
  review: Review,
  form: FormValues,
): { ok: true; attendees: Attendee[]; choices: MinutesChoices } | { ok: false; fieldErrors: FieldErrors } {
  const errors: Record<string, string> = {};
  const candidates = new Set(letterCandidates(review).map((a) => a.key));
  const childLetters: ChildLetterChoice[] = [];
  const attendees = review.attendees.map((a) => {
    const raw = form[sendInputId(a.key)];
    const parsed = raw === undefined ? undefined : tick.safeParse(raw.trim());
    if (parsed && !parsed.success) errors[sendInputId(a.key)] = 'Tick or untick';
    const send = parsed?.success ? parsed.data === 'true' : a.role === 'child' ? false : a.receivesMinutes;
    if (a.role !== 'child') return { ...a, receivesMinutes: send };
    if (!send) return { ...a, receivesMinutes: false };
    if (!candidates.has(a.key)) {
      errors[sendInputId(a.key)] = `Which child is ${a.name}? Give them the first name recorded at set-up before a letter can be written`;
      return a;
    }
    const written = letterAsWritten(review, a);
    const words = Object.fromEntries(
      LETTER_PARTS.map((part) => {
        const typed = form[letterInputId(a.key, part)];
        if (typed === undefined) return [part, written[part]];
        if (typed.length > LETTER_PART_LIMIT) errors[letterInputId(a.key, part)] = `Remove ${typed.length - LETTER_PART_LIMIT} characters (at most ${LETTER_PART_LIMIT})`;
        const lines = linesOf(typed);
        if (lines.length > MOST_LINES) errors[letterInputId(a.key, part)] = `At most ${MOST_LINES} lines`;
        return [part, lines];
      }),
    ) as unknown as ChildLetterWords;
    childLetters.push(sameWords(words, written) ? { attendeeKey: a.key } : { attendeeKey: a.key, words });
    return { ...a, receivesMinutes: true };
  });
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return { ok: true, attendees, choices: { childLetters } };
}


function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function sameWords(a: ChildLetterWords, b: ChildLetterWords): boolean {
  return LETTER_PARTS.every((p) => a[p].length === b[p].length && a[p].every((line, i) => line === b[p][i]));
}

/** The words of a child attendee's letter as the record has them, before the chair changes any. */
export function letterAsWritten(review: Review, attendee: Attendee): ChildLetterWords {
  const child = childOf(review, attendee);
  if (!child) return { paragraphs: [], goodThings: [], worries: [], dreams: [] };
  const letter = childLetterOf({ ...review, minutesChoices: undefined }, child);
  return { paragraphs: letter.paragraphs, goodThings: letter.goodThings, worries: letter.worries, dreams: letter.dreams };
}
