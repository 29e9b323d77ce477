import { sameEntraId } from '../identity/entra-id';
import { Attendee, Child, Review, TeamsPerson } from '../review/review';
import { isProfessional } from '../review/steps/people';

/** Which copy a recipient is sent: the whole record, the family's cut, or the child's own letter. */
export type DeliveryVersion = 'professionals' | 'family' | 'child';

/** How a recipient is reached: their 1:1 chat with the bot, an email, or not at all until the chair acts. */
export type DeliveryChannel = 'teams' | 'email' | 'needs-chair';

/** One person the signed-off minutes go to. */
export interface Recipient {
  readonly attendeeKey: string;
  readonly name: string;
  readonly version: DeliveryVersion;
  readonly channel: DeliveryChannel;
  /** The same key is the same delivery: `${reviewId}:minutes:${attendeeKey}:${version}`. */
  readonly deliveryKey: string;
  /** Their email, when known: the channel for 'email', the fallback for 'teams'. */
  readonly email?: string;
  /** Their Entra identity, for 'teams'. */
  readonly teams?: { readonly aadObjectId: string; readonly tenantId: string; readonly teamsUserId: string };
  /** For the child's letter: which child of the review it is written to. */
  readonly childKey?: string;
  /** For 'needs-chair': what the chair should do, in plain words. */
  readonly reason?: string;
}

/** What the chair decided at sign-off beyond the attendee list. */
export interface DeliveryChoices {
  /**
   * The attendees (role 'child') the chair ticked to receive their own letter, given their age and
   * understanding. A child not listed receives nothing. Absent: as recorded with the sign-off.
   */
  readonly childLetters?: readonly string[];
}

export function deliveryKeyOf(reviewId: string, attendeeKey: string, version: DeliveryVersion): string {
  return `${reviewId}:minutes:${attendeeKey}:${version}`;
}

/**
 * Who receives the signed-off minutes, which version and how: every attendee (present, apologies or
 * absent) the chair left ticked to receive them, once each; a child only when the chair ticked them.
 */
export function deliveryPlan(review: Review, choices: DeliveryChoices = {}): Recipient[] {
  const childLetters = new Set(choices.childLetters ?? (review.minutesChoices?.childLetters ?? []).map((c) => c.attendeeKey));
  return review.attendees
    .filter((a) => a.receivesMinutes && (a.role !== 'child' || childLetters.has(a.key)))
    .map((a) => recipientOf(review, a));
}

function recipientOf(review: Review, attendee: Attendee): Recipient {
  const version = versionOf(attendee);
  const base = {
    attendeeKey: attendee.key,
    name: attendee.name,
    version,
    deliveryKey: deliveryKeyOf(review.id, attendee.key, version),
    ...(attendee.email !== '' ? { email: attendee.email } : {}),
  };
  if (attendee.role === null) {
    return { ...base, channel: 'needs-chair', reason: `Choose ${attendee.name}'s role: which version of the minutes they get depends on it` };
  }
  let childKey: string | undefined;
  if (version === 'child') {
    const child = childOf(review, attendee);
    if (!child) return { ...base, channel: 'needs-chair', reason: `Which child is ${attendee.name}? Give them the first name recorded at set-up` };
    childKey = child.key;
  }
  const withChild = childKey ? { ...base, childKey } : base;
  const teams = teamsIdentity(review, attendee.teams);
  if (teams) return { ...withChild, channel: 'teams', teams };
  if (attendee.email !== '') return { ...withChild, channel: 'email' };
  return { ...withChild, channel: 'needs-chair', reason: `No email address for ${attendee.name}: add one` };
}

function versionOf(attendee: Attendee): DeliveryVersion {
  if (attendee.role === 'child') return 'child';
  return isProfessional(attendee) ? 'professionals' : 'family';
}

/**
 * Reachable in Teams: the roster gave an Entra object id, and the person is of the review's tenant.
 * The roster does not record a member's tenant today; one that does (`tenantId` beside the person) is
 * honoured, so a guest from another organisation is sent an email instead.
 */
function teamsIdentity(review: Review, person: (TeamsPerson & { readonly tenantId?: string }) | undefined): Recipient['teams'] {
  if (!person?.aadObjectId) return undefined;
  if (person.tenantId !== undefined && !sameEntraId(person.tenantId, review.tenantId)) return undefined;
  return { aadObjectId: person.aadObjectId.toLowerCase(), tenantId: review.tenantId, teamsUserId: person.teamsUserId };
}

/** The child of the review an attendee whose role is 'child' is: by first name, or the only child. */
export function childOf(review: Review, attendee: Attendee): Child | undefined {
  const children = review.setUp?.children ?? [];
  const first = attendee.name.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const named = children.filter((c) => c.firstName.trim().toLowerCase() === first);
  if (named.length === 1) return named[0];
  return children.length === 1 ? children[0] : undefined;
}
