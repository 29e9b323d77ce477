import { createEvent, type EventAttributes } from 'ics';
import { CinError } from '../errors/error-catalogue';

export interface InvitationPerson {
  readonly name: string;
  readonly email: string;
}

/** One booking of a review as an RFC 5545 invitation (the embedded default's calendar). */
export interface ReviewInvitationInput {
  /** Stable for the life of the booking: moving it keeps the UID, so calendars update the same event. */
  readonly bookingUid: string;
  /** 0 when first sent; the caller raises it on every change, the cancellation included. */
  readonly sequence: number;
  readonly method: 'REQUEST' | 'CANCEL';
  /** Instants, ISO 8601 with an offset or Z, e.g. "2027-03-30T14:00:00+01:00". */
  readonly start: string;
  readonly end: string;
  /** When this version of the invitation was made (DTSTAMP): the domain's `now`. */
  readonly stampedAt: string;
  readonly title: string;
  readonly description: string;
  readonly organiser: InvitationPerson;
  readonly attendees: readonly InvitationPerson[];
  /** The venue of a meeting in person. */
  readonly location?: string;
  /** The Teams join link of an online meeting. */
  readonly joinUrl?: string;
}

const PRODUCT_ID = '-//CIN Review//Review booking//EN';

/**
 * The `.ics` text for a booking: METHOD:REQUEST (STATUS:CONFIRMED) or METHOD:CANCEL (STATUS:CANCELLED),
 * times in UTC (RFC 5545 allows UTC for a one-off event, so no VTIMEZONE is needed), the organiser and
 * every attendee asked to reply. Pure: the same input gives the same text.
 */
export function invitationIcs(input: ReviewInvitationInput): string {
  const cancel = input.method === 'CANCEL';
  const online = input.joinUrl !== undefined && input.joinUrl !== '';
  const description = oneLineEnds(
    online ? `${input.description}\n\nJoin the meeting on Microsoft Teams: ${input.joinUrl}` : input.description,
  );
  const attributes: EventAttributes & { timestamp: number } = {
    productId: PRODUCT_ID,
    method: input.method,
    uid: input.bookingUid,
    sequence: input.sequence,
    timestamp: instant(input.stampedAt, 'stampedAt'),
    start: instant(input.start, 'start'),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: instant(input.end, 'end'),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: oneLineEnds(cancel ? `Cancelled: ${input.title}` : input.title),
    description,
    status: cancel ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: cancel ? 'FREE' : 'BUSY',
    transp: cancel ? 'TRANSPARENT' : 'OPAQUE',
    organizer: { name: paramText(input.organiser.name), email: input.organiser.email },
    attendees: input.attendees.map((person) => ({
      name: paramText(person.name),
      email: person.email,
      rsvp: !cancel,
      partstat: 'NEEDS-ACTION',
      role: 'REQ-PARTICIPANT',
      cutype: 'INDIVIDUAL',
    })),
    ...(online ? { url: input.joinUrl, location: input.location ?? 'Microsoft Teams meeting' } : {}),
    ...(!online && input.location ? { location: input.location } : {}),
  };
  if (attributes.end <= attributes.start) throw new CinError('UNEXPECTED', 'An invitation must end after it starts');
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new CinError('UNEXPECTED', `The invitation could not be written: ${error?.message ?? 'empty'}`);
  return value;
}

/** A name inside a quoted parameter (CN="..."): RFC 5545 allows no double quote or control character there. */
function paramText(text: string): string {
  return text.replace(/"/g, "'").replace(/[\u0000-\u001F\u007F]/g, ' ');
}

/** TEXT values: line ends as \n (the library escapes them), no other control character but tab (RFC 5545 3.3.11). */
function oneLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

function instant(iso: string, field: string): number {
  // An instant must say where it is: a bare local time would be read in the server's own time zone.
  const ms = /(Z|[+-]\d{2}:?\d{2})$/i.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new CinError('UNEXPECTED', `The invitation's ${field} is not an instant: ${iso}`);
  return ms;
}
