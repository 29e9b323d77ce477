import { z } from 'zod';
import { sameEntraId } from '../identity/entra-id';
import { judgeProposedDate } from '../review/review-timescales';
import { Attendee, Review, TeamsPerson } from '../review/review';
import { samePerson } from '../review/same-person';
import { formatCalendarDate } from '../timescales/calendar-date';
import type { InviteeAudience } from './booking';
import { MeetingMode } from './booking-grammar';
import { audienceOf } from './invitee-audience';
import { formatWallTime, londonDateOf, londonMinutesOf } from './london-wall-clock';

/**
 * Booking a case's next review by command, the pure part: who may book it (the chair or the lead
 * worker of the case's last review, in the review's tenant), whether the date is inside the window
 * the last review set, who is invited, and the confirmation form read back (errors, never a guess).
 */

/** How long a review booked by command lasts. */
export const REVIEW_MINUTES = 60;
/** At most this many addresses may be added to the invitation on the card. */
export const MAX_ADDED_EMAILS = 20;

export interface Invitee {
  readonly name: string;
  readonly email: string;
  /** Ticked on the card to begin with. */
  readonly invited: boolean;
  /** A note beside their name, e.g. that they are invited on their own. */
  readonly note: string;
  /** Listed with the other professionals, or invited on their own (family, contact not shared). */
  readonly audience: InviteeAudience;
}

/** Who may book: how the lead worker is recognised is said here, once. */
export type Entitlement = { readonly ok: true; readonly as: 'chair' | 'lead worker' } | { readonly ok: false; readonly whoCan: string };

/**
 * The lead worker is the allocated worker in children's social care: an attendee of the last review
 * with the role "Children's social care". They are matched by their Teams identity (Entra id, else the
 * Teams user id) when the review recorded one; an attendee the chair typed in by hand has no Teams
 * identity, and is matched by name (spaces and case aside) only then.
 */
export function entitlementOf(review: Review, caller: TeamsPerson, callerTenantId: string, callerHomeTenantId?: string): Entitlement {
  const whoCan = whoMayBook(review);
  const sameTenant = sameEntraId(review.tenantId, callerTenantId) && (callerHomeTenantId === undefined || sameEntraId(callerHomeTenantId, review.tenantId));
  if (!sameTenant) return { ok: false, whoCan };
  if (samePerson(review.chair, caller)) return { ok: true, as: 'chair' };
  if (leadWorkers(review).some((a) => isAttendee(a, caller))) return { ok: true, as: 'lead worker' };
  return { ok: false, whoCan };
}

/** "Sam Chair (chair of the last review) or Kim Lead (lead worker)". */
export function whoMayBook(review: Review): string {
  const leads = leadWorkers(review).filter((a) => !isAttendee(a, review.chair)).map((a) => `${a.name} (lead worker)`);
  return [`${review.chair.name} (chair of the last review)`, ...leads].join(' or ');
}

function leadWorkers(review: Review): Attendee[] {
  return review.attendees.filter((a) => a.role === 'social-care');
}

function isAttendee(attendee: Attendee, person: TeamsPerson): boolean {
  if (attendee.teams) return samePerson(attendee.teams, person);
  const name = (s: string) => s.replace(/\s+/gu, ' ').trim().toLowerCase();
  return name(attendee.name) !== '' && name(attendee.name) === name(person.name);
}

/** The email the last review holds for this person, if any. */
export function recordedEmailOf(review: Review, person: TeamsPerson): string | undefined {
  const found = review.attendees.find((a) => a.teams !== undefined && samePerson(a.teams, person) && a.email !== '');
  return found?.email ?? (samePerson(review.chair, person) ? review.chair.email : undefined);
}

/**
 * Everyone of the last review with an email address, each once, ticked. A family member, a child, or
 * someone whose contact details are not to be shared is invited on their own: their invitation lists
 * only the organiser and them, and nobody else's lists them.
 */
export function inviteesOf(review: Review, organiserEmail: string): Invitee[] {
  const seen = new Set([organiserEmail.trim().toLowerCase()]);
  const out: Invitee[] = [];
  for (const a of review.attendees) {
    const email = a.email.trim();
    if (email === '' || seen.has(email.toLowerCase()) || !z.email().safeParse(email).success) continue;
    seen.add(email.toLowerCase());
    const audience = audienceOf(a);
    out.push({ name: a.name, email, invited: true, audience, note: a.doNotShareContact ? 'Invited on their own: nobody else sees their address.' : '' });
  }
  return out;
}

/** Whether the date is inside the window the last review set for the next one; null when it set none. */
export function windowVerdictOf(review: Review, date: string): { ok: boolean; message: string } | null {
  return judgeProposedDate(review.timescales, date);
}

/** The last review's answer to "in person or on Teams?", as a starting choice when the command did not say. */
export function familyPreferenceOf(review: Review): MeetingMode | null {
  return review.nextMeeting?.familyPreference ?? null;
}

/** "Tue 12 Jan 2027, 14:00 to 15:00" (London time). */
export function meetingTimeInWords(start: string, end: string): string {
  const [s, e] = [Date.parse(start), Date.parse(end)];
  return `${formatCalendarDate(londonDateOf(s))}, ${formatWallTime(londonMinutesOf(s))} to ${formatWallTime(londonMinutesOf(e))}`;
}

/** What the worker may change on the confirmation card, as Teams submits it (all strings). */
export interface ConfirmationForm {
  readonly mode: string;
  readonly venue: string;
  readonly reason: string;
  /** The ticked invitees, by their place on the card. */
  readonly ticked: readonly boolean[];
  readonly addEmails: string;
}

export interface ReadForm {
  readonly online: boolean;
  readonly venue: string;
  readonly reason: string;
  readonly attendees: ReadonlyArray<{ name: string; email: string; audience: InviteeAudience }>;
}

const EMAIL = z.email().max(254);

/** The form read against the invitees offered and the window: the booking's parts, or an error per field. */
export function readConfirmationForm(
  form: ConfirmationForm,
  invitees: readonly Invitee[],
  verdict: { ok: boolean } | null,
): { ok: true; value: ReadForm } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const mode = form.mode === 'online' || form.mode === 'in-person' ? form.mode : null;
  if (mode === null) errors.mode = 'Choose online (Teams) or in person.';
  const venue = form.venue.trim();
  if (mode === 'in-person' && venue === '') errors.venue = 'Say where it will be held.';
  else if (venue.length > 200) errors.venue = `Keep the venue to 200 characters (it has ${venue.length}).`;
  const reason = form.reason.trim();
  if (verdict !== null && !verdict.ok && reason === '') errors.reason = 'The date is outside the review window: record the reason.';
  else if (reason.length > 1000) errors.reason = `Keep the reason to 1000 characters (it has ${reason.length}).`;
  const added = form.addEmails.split(/[\s,;]+/u).filter((s) => s !== '');
  const bad = added.filter((s) => !EMAIL.safeParse(s).success);
  if (bad.length > 0) errors.addEmails = `Not an email address: ${bad.slice(0, 3).join(', ')}. Separate addresses with commas.`;
  else if (added.length > MAX_ADDED_EMAILS) errors.addEmails = `Add at most ${MAX_ADDED_EMAILS} addresses here.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const attendees = [
    ...invitees.filter((_, i) => form.ticked[i] === true).map((i) => ({ name: i.name, email: i.email, audience: i.audience })),
    // An address typed in is of someone the bot cannot place: invited on their own.
    ...added.map((email) => ({ name: email, email, audience: 'alone' as const })),
  ];
  return { ok: true, value: { online: mode === 'online', venue: mode === 'online' ? '' : venue, reason, attendees } };
}
