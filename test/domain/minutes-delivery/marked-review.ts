import fc from 'fast-check';
import type { ChildLetter, MinutesDocument } from '../../../src/documents/minutes-document';
import { ATTENDANCE, Attendee, AttendeeRole, Review } from '../../../src/domain/review/review';
import { largeReview } from '../../cards/large-review';

/** Every professionals-only answer of the review carries one of these markers. */
export const PROFESSIONALS_ONLY_MARKERS = ['M-TIMESCALE-REASON', 'M-PRO-WORRIES', 'M-SECRET-UPDATE', 'M-SECRET-ACTION', 'M-DATE-REASON'] as const;

/** A review like the largest meeting, whose every professionals-only answer carries a marker. */
export function markedReview(attendees: readonly Attendee[] = largeReview().attendees): Review {
  const base = largeReview();
  const children = base.setUp!.children;
  return {
    ...base,
    status: 'signed-off',
    signOff: { by: base.chair, at: '2026-11-24T10:45:00.000Z' },
    attendees,
    childVoices: base.childVoices.map((v, i) => ({ ...v, ownWords: `OWN-WORDS-${children[i]!.firstName}`, source: 'own-words-verbatim' })),
    setUp: { ...base.setUp!, timescaleReason: 'M-TIMESCALE-REASON' },
    mapping: { ...base.mapping!, professionalWorries: 'M-PRO-WORRIES' },
    updates: attendees
      .filter((a) => a.role !== null && !['child', 'parent-carer', 'family-network'].includes(a.role))
      .map((a, i) => ({ attendeeKey: a.key, update: i === 0 ? 'M-SECRET-UPDATE' : `Update ${i}`, notForFamily: i === 0, inWriting: false })),
    plan: { ...base.plan!, actions: base.plan!.actions.map((a, i) => ({ ...a, what: i === 1 ? 'M-SECRET-ACTION' : a.what, notForFamily: i === 1 })) },
    nextMeeting: { ...base.nextMeeting!, dateReason: 'M-DATE-REASON' },
  };
}

/** All the words of a document, as a reader would see them. */
export function documentText(doc: MinutesDocument): string {
  return [doc.title, doc.subtitle, ...doc.meta.flatMap((e) => [e.label, e.value]), ...doc.sections.flatMap((s) => [s.heading, ...s.entries.flatMap((e) => [e.label, e.value])])].join('\n');
}

export function letterText(letter: ChildLetter): string {
  return [letter.greeting, ...letter.paragraphs, ...letter.goodThings, ...letter.worries, ...letter.dreams, ...letter.ownWords, letter.nextMeeting, letter.signOff].join('\n');
}

const ROLES: readonly AttendeeRole[] = ['child', 'parent-carer', 'family-network', 'school-nursery', 'health', 'gp', 'police', 'social-care', 'other'];

/** Contacts that look real: emails, and UK phone numbers with their spaces anywhere. */
const phone = fc.stringMatching(/^07[0-9]{3} ?[0-9]{3} ?[0-9]{3}$/);
const email = fc.emailAddress().filter((e) => e.length >= 6);

/** Attendees of every role, attendance and channel, with distinct contacts. */
export const attendeesArb = fc
  .array(
    fc.record({
      email: fc.oneof(email, fc.constant('')),
      phone: fc.oneof(phone, fc.constant('')),
      role: fc.constantFrom(...ROLES),
      attendance: fc.constantFrom(...ATTENDANCE),
      doNotShareContact: fc.boolean(),
      receivesMinutes: fc.boolean(),
      aad: fc.option(fc.uuid(), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 20 },
  )
  .filter((rows) => {
    // A contact never equals another attendee's; a phone never holds another's digits.
    const contacts = rows.flatMap((r) => [r.email, r.phone.replace(/ /g, '')]).filter((c) => c !== '');
    return new Set(contacts).size === contacts.length;
  })
  .map((rows) =>
    rows.map((r, i): Attendee => ({
      key: `p${i}`,
      name: r.role === 'child' ? ['Amara', 'Bo', 'Cai'][i % 3]! : `Person${i} Name`,
      role: r.role,
      organisation: '',
      attendance: r.attendance,
      email: r.email,
      phone: r.phone,
      receivesMinutes: r.receivesMinutes,
      doNotShareContact: r.doNotShareContact,
      ...(r.aad ? { teams: { teamsUserId: `29:p${i}`, aadObjectId: r.aad, name: `Person${i} Name` } } : {}),
    })),
  );
