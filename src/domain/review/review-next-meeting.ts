import type { YES_NO } from './review';

/** The next meeting as the review plans it, offers times for and books at sign-off. */

export const MEETING_MODES = ['in-person', 'online'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export interface NextMeeting {
  /** The family's one answer; null when each parent gave their own. */
  readonly familyPreference: MeetingMode | null;
  /** Each parent's or carer's own preference, where they gave one (separated parents may differ). */
  readonly parentPreferences: ReadonlyArray<{ readonly attendeeKey: string; readonly mode: MeetingMode }>;
  readonly proposedDate: string;
  readonly proposedTime: string;
  /** Why, when the proposed date is outside the window for the next review. */
  readonly dateReason: string;
  readonly dateVerdict: { readonly ok: boolean; readonly message: string } | null;
  /** Where it is held when in person: the invitation's location ('' when online or not known yet). */
  readonly venue: string;
  /** Whether a child of school age (5 to 16) will attend: school hours are then kept clear. */
  readonly schoolAgeChild: (typeof YES_NO)[number];
  /** The booking sign-off asked for (made by the outbox); null until sign-off, or when none could be asked. */
  readonly booking: NextMeetingBooking | null;
}

/** The next meeting as booked at sign-off: what the calendar is asked to hold. */
export interface NextMeetingBooking {
  /** The booking's key in the bookings table (bookingKeyOf). */
  readonly bookingKey: string;
  /** ISO instants in UTC. */
  readonly start: string;
  readonly end: string;
  readonly online: boolean;
  readonly location: string;
  readonly organiser: { readonly name: string; readonly email: string };
}

/** The booking a new review was started from (the one its last review here booked): set-up starts from it. */
export interface BookedAs {
  readonly bookingKey: string;
  /** ISO instants in UTC. */
  readonly start: string;
  readonly end: string;
  readonly online: boolean;
  readonly location: string;
  readonly caseReferences: readonly string[];
}

/** One time offered for the next meeting (found free by the slot search). */
export interface OfferedSlot {
  /** ISO instants in UTC. */
  readonly start: string;
  readonly end: string;
  /** The London date and wall-clock times. */
  readonly date: string;
  readonly time: string;
  readonly endTime: string;
}

/** The times offered at the next-meeting step, and whose calendars could not be read when they were found. */
export interface SlotOffer {
  readonly slots: readonly OfferedSlot[];
  readonly unreadable: readonly string[];
  readonly schoolAgeChild: boolean;
  readonly at: string;
}
