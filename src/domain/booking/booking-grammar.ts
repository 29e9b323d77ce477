/**
 * The words of the `book review` command, in one place: the parser reads them, and help and the
 * Teams manifest can list them.
 */
export const BOOKING_GRAMMAR = {
  command: 'book review',
  usage: 'book review <case reference> [on <date>] [at <time>] [on Teams | in person]',
  description:
    'Book the next review of a case, e.g. "book review LCC-204781 on Tuesday 12 January at 2pm on Teams". ' +
    'Dates are day before month (12/01 is 12 January), times are UK time. Without a date and time, free times are offered.',
  /** For the manifest's command list (title at most 32 characters, description at most 128). */
  manifest: { title: 'book review', description: 'Book a case’s next review: book review <case> on <date> at <time>' },
  examples: [
    'book review for LCC-204781 on Tuesday 12 January at 2pm on Teams',
    'book review LCC-204781 next Thursday 10:30 in person',
    'book review LCC-204781 on 12/01 at 14:00',
    'book review LCC-204781',
  ],
  /** May come between `book review` and the case reference. */
  beforeReference: ['for', 'of', 'case'],
  /** Words that may stand anywhere without changing the meaning. */
  fillers: ['on', 'at', 'in', 'the', 'for', 'please'],
  /** How the meeting is held; the longer phrase is matched first. */
  modes: {
    online: ['on teams', 'via teams', 'by teams', 'in teams', 'over teams', 'teams', 'online', 'virtually', 'virtual', 'by video'],
    'in-person': ['in person', 'in-person', 'face to face', 'face-to-face'],
  },
  /** A case reference: letters, digits, '-' or '/', at most 30 characters, with at least one digit. */
  referencePattern: /^(?=[A-Za-z/-]*\d)[A-Za-z0-9/-]{1,30}$/u,
} as const;

export type MeetingMode = keyof typeof BOOKING_GRAMMAR.modes;
