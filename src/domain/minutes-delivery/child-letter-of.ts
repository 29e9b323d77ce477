import type { ChildLetter } from '../../documents/minutes-document';
import { AttendeeRole, Child, Review } from '../review/review';
import { quoted } from '../review/steps/child-voice';
import { clockWords, contactsOf, longDateWords, minutesWords, withoutContacts } from './minutes-wording';
import { namesInWords } from './minutes-document-of';
import { childOf } from './delivery-plan';

/** Who someone is, in a child's words. */
const ROLE_WORDS: Readonly<Record<AttendeeRole, string>> = {
  child: '',
  'parent-carer': 'your parent or carer',
  'family-network': 'from your family',
  'school-nursery': 'from school',
  health: 'a health worker',
  gp: 'a doctor',
  police: 'a police officer',
  'social-care': 'a social worker',
  other: '',
};

const OUTCOME_WORDS = {
  continue: 'We agreed to keep helping your family, and to meet again to see how things are going.',
  'step-down': 'We agreed that your family is doing better, so a different team will help from now on.',
  close: 'We agreed that your family does not need this help any more.',
  assessment: 'Your social worker will talk with you about what happens next.',
  escalate: 'Your social worker will talk with you about what happens next.',
} as const;

/** The most "what happens next" steps the letter lists; the rest are counted. */
const MOST_STEPS = 6;

/**
 * The child's own letter in plain words, following Signs of Safety's three houses: who came, what
 * they told us (their own words), what is going well, what people are worried about, their dreams,
 * what will happen next, and when we meet again. Only what the family may read goes in: nothing a
 * professional marked for professionals only, and no one's email or phone.
 */
export function childLetterOf(review: Review, child: Child): ChildLetter {
  const contacts = contactsOf(review.attendees);
  const words = (text: string) => withoutContacts(minutesWords(text), contacts).trim();
  const voice = review.childVoices.find((v) => v.childKey === child.key);
  const chairFirst = (review.setUp?.chairName ?? review.chair.name).trim().split(/\s+/)[0] ?? '';
  const came = review.attendees
    .filter((a) => a.attendance === 'present' && a.role !== 'child')
    .map((a) => {
      const role = a.role ? ROLE_WORDS[a.role] : '';
      return role ? `${a.name} (${role})` : a.name;
    });
  const when = review.setUp ? ` on ${longDateWords(review.setUp.meetingDate)}` : '';
  const paragraphs = [
    `We had a meeting about you${when}. We talked about how things are going for you and your family.`,
    came.length > 0 ? `These people came: ${namesInWords(came)}.` : '',
    voice?.attended === 'yes' ? 'Thank you for coming to the meeting.' : '',
    review.outcome ? OUTCOME_WORDS[review.outcome.kind] : '',
    ...nextSteps(review).map(words),
  ].filter((p) => p !== '');
  // The chair's own words, when they changed the letter at sign-off, replace what the record gives.
  const attendeeKeys = new Set(review.attendees.filter((a) => a.role === 'child' && childOf(review, a)?.key === child.key).map((a) => a.key));
  const chosen = review.minutesChoices?.childLetters.find((c) => attendeeKeys.has(c.attendeeKey))?.words;
  const written = {
    firstName: child.firstName,
    greeting: `Dear ${child.firstName},`,
    paragraphs: paragraphs.map(words),
    goodThings: linesOf(review.mapping?.workingWell ?? '').map(words),
    worries: linesOf(review.mapping?.worries ?? '').filter((w) => !/^(none|n\/a|no worries)\.?$/i.test(w)).map(words),
    dreams: [
      ...(voice && voice.wishesAndFeelings.trim() !== '' ? [voice.wishesAndFeelings] : []),
      ...(review.plan?.dangerStatements ?? []).map((d) => d.safetyGoal),
    ]
      .filter((d) => d.trim() !== '')
      .map(words),
    ownWords: voice && voice.ownWords.trim() !== '' ? [words(quoted(voice.ownWords).slice(1, -1))] : [],
    nextMeeting: words(nextMeetingWords(review)),
    signOff: chairFirst === '' ? 'From the person who chaired your meeting' : `From ${chairFirst}, who chaired your meeting`,
  };
  // Still no one's email or phone, even when typed into the letter.
  return chosen
    ? { ...written, paragraphs: chosen.paragraphs.map(words), goodThings: chosen.goodThings.map(words), worries: chosen.worries.map(words), dreams: chosen.dreams.map(words) }
    : written;
}

function nextSteps(review: Review): string[] {
  const actions = (review.plan?.actions ?? []).filter((a) => !a.notForFamily && a.status !== 'done');
  if (actions.length === 0) return [];
  const listed = actions.slice(0, MOST_STEPS).map((a) => (a.who.trim() === '' ? `${a.what.trim()}.` : `${a.who.trim()}: ${a.what.trim()}.`));
  const more = actions.length - listed.length;
  return ['What happens next:', ...listed, ...(more > 0 ? [`And ${more} more things the grown-ups will do.`] : [])];
}

function nextMeetingWords(review: Review): string {
  if (review.outcome?.kind === 'close') return 'We do not need to meet again.';
  const n = review.nextMeeting;
  if (!n) return 'Your social worker will tell you when we meet again.';
  const time = n.proposedTime ? ` at ${clockWords(n.proposedTime)}` : '';
  const where = n.familyPreference === 'online' ? ', on Teams' : n.familyPreference === 'in-person' ? ', in person' : '';
  return `We will meet again on ${longDateWords(n.proposedDate)}${time}${where}.`;
}

function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-*•]\s*/, '').trim())
    .filter((l) => l !== '');
}
