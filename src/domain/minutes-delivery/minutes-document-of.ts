import type { MinutesDocument, MinutesEntry } from '../../documents/minutes-document';
import { minutesOf } from '../review/minutes';
import { Review } from '../review/review';
import { labelOf } from '../review/review-labels';
import { meetingTimeInWords } from '../review/next-booking';
import { contactsOf, instantWords, dateWords, minutesWords, withoutContacts } from './minutes-wording';

/** What the calendar answered for the next meeting's booking, when the minutes are made. */
export interface BookedMeeting {
  readonly joinUrl?: string;
}

const SUBTITLES = { professionals: 'Minutes for professionals', family: 'Minutes for the family' } as const;

/** "Amy", "Amy and Bo", "Amy, Bo and Cai". */
export function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The minutes for professionals or the family, worded for reading, from the record cut to that
 * audience (minutesOf). Contact details the version may not carry (everyone's, in the family's copy;
 * those withheld, in the professionals') are removed wherever they were typed, not only where the
 * record keeps them.
 */
export function minutesDocumentOf(review: Review, version: 'professionals' | 'family', booked?: BookedMeeting): MinutesDocument {
  const hidden = contactsOf(version === 'family' ? review.attendees : review.attendees.filter((a) => a.doNotShareContact));
  const words = (text: string) => withoutContacts(minutesWords(text), hidden);
  const children = namesInWords((review.setUp?.children ?? []).map((c) => c.firstName));
  const date = review.setUp ? dateWords(review.setUp.meetingDate) : '';
  const meta: MinutesEntry[] = [
    ...(review.setUp
      ? [
          { label: 'Date', value: date },
          { label: 'Chair', value: review.setUp.chairName },
          { label: 'Where', value: labelOf('mode', review.setUp.mode) },
        ]
      : []),
    ...(review.signOff ? [{ label: 'Signed off', value: `${instantWords(review.signOff.at)} by ${review.signOff.by.name}` }] : []),
  ].map((e) => ({ label: e.label, value: words(e.value) }));
  const next = review.nextMeeting?.booking;
  if (next) meta.push({ label: 'Next meeting', value: `${meetingTimeInWords(next.start, next.end)}, ${next.online ? 'on Microsoft Teams' : `in person at ${words(next.location)}`}` });
  // The link as the calendar gave it: never reworded.
  if (next?.online && booked?.joinUrl) meta.push({ label: 'Join the next meeting', value: booked.joinUrl });
  return {
    version,
    title: words(children === '' ? 'Child in Need review' : `Child in Need review: ${children}`),
    subtitle: [SUBTITLES[version], date].filter((s) => s !== '').join(' · '),
    meta,
    sections: minutesOf(review, version).map((section) => ({
      heading: section.title,
      entries: section.entries.map((e) => ({ label: words(e.label), value: words(e.value) })),
    })),
  };
}
