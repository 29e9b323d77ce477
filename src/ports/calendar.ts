import { EmailAddress } from './mail-sender';

/** Instants are ISO 8601 strings in UTC ("2027-01-12T14:00:00.000Z"). */
export interface BusyInterval {
  readonly start: string;
  readonly end: string;
}

export interface FreeBusy {
  readonly email: string;
  /** False when the calendar could not be read (outside the tenant, unknown address): no free/busy. */
  readonly known: boolean;
  readonly busy: readonly BusyInterval[];
}

export interface CalendarEvent {
  /** Deterministic per booking: the same key never makes a second event (Graph `transactionId`). */
  readonly bookingKey: string;
  /** The mailbox whose calendar holds the event: the chair's, or a shared mailbox. */
  readonly organiser: string;
  readonly subject: string;
  readonly start: string;
  readonly end: string;
  readonly attendees: readonly EmailAddress[];
  /** A Teams meeting when true; in person at `location` when false. */
  readonly online: boolean;
  readonly location: string;
  readonly body: string;
}

export interface BookedEvent {
  readonly eventId: string;
  /** The Teams join link of an online meeting, when the calendar gave one. */
  readonly joinUrl?: string;
}

/** The calendar the next review is booked in (Graph in production; the store's own by default). */
export interface Calendar {
  /** Busy times of these people between two instants; one entry per person asked, in order. */
  freeBusy(organiser: string, people: readonly string[], from: string, to: string): Promise<FreeBusy[]>;
  create(event: CalendarEvent): Promise<BookedEvent>;
  /** Moves or changes the same event; attendees are told. */
  update(eventId: string, event: CalendarEvent): Promise<BookedEvent>;
  /** Cancels it; attendees are told, with the comment. */
  cancel(organiser: string, eventId: string, comment: string): Promise<void>;
}
