/** The people of a review: attendees (with their contacts as data), the children, and Teams identities. */

export const ATTENDEE_ROLES = [
  'child',
  'parent-carer',
  'family-network',
  'school-nursery',
  'health',
  'gp',
  'police',
  'social-care',
  'other',
] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

export const ATTENDANCE = ['present', 'apologies', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** A person known to Teams: the only identity the bot trusts for who pressed what. */
export interface TeamsPerson {
  /** Teams user id (MRI, "29:..."), used for card refresh targeting. */
  readonly teamsUserId: string;
  /** Entra object id, when Teams supplies it. */
  readonly aadObjectId?: string;
  readonly name: string;
  /** The email or UPN Teams gives for them, when the roster supplied it. */
  readonly email?: string;
  /** The Entra tenant Teams' roster says they belong to (a federated or guest user's may differ from the chat's). */
  readonly tenantId?: string;
}

export interface Child {
  readonly key: string;
  readonly firstName: string;
  readonly caseReference: string;
}

export interface Attendee {
  readonly key: string;
  readonly name: string;
  /** null for someone offered from the Teams roster whose role the chair has not chosen yet. */
  readonly role: AttendeeRole | null;
  readonly organisation: string;
  readonly attendance: Attendance;
  /** Validated when given; '' when not known. */
  readonly email: string;
  readonly phone: string;
  /** Whether they are sent the minutes. */
  readonly receivesMinutes: boolean;
  /** Their email and phone are left out of every copy of anything others read. */
  readonly doNotShareContact: boolean;
  /** Set when the attendee was offered from the Teams chat or meeting roster. */
  readonly teams?: TeamsPerson;
}
