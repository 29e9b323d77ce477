import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { invitationIcs } from '../documents/review-invitation';
import { Booking, BookingPerson, bookingDescription, bookingSubject, listedWith } from '../domain/booking/booking';
import { LONDON } from '../domain/booking/london-wall-clock';
import type { Email } from '../ports/mail-sender';

/**
 * The invitation emails of one change of a booking, one per invitee, each carrying the same RFC 5545
 * `.ics`: METHOD:REQUEST (or CANCEL once cancelled), UID = the booking key (stable for its life),
 * SEQUENCE = the booking's sequence, DTSTAMP = when the change was decided. Pure: the same booking
 * gives the same emails, so a retry rewrites nothing.
 */
export function invitationEmails(booking: Booking): Email[] {
  const cancelled = booking.status === 'cancelled';
  const method = cancelled ? 'CANCEL' : 'REQUEST';
  const description = cancelled && booking.cancelReason ? `${bookingDescription(booking)}\n\nCancelled: ${booking.cancelReason}` : bookingDescription(booking);
  // Each invitation lists the organiser and whom its invitee may see: the professionals, or only themselves.
  const icsFor = (attendee: BookingPerson) => invitationIcs({
    bookingUid: booking.bookingKey,
    sequence: booking.sequence,
    method,
    start: booking.start,
    end: booking.end,
    stampedAt: booking.changedAt,
    title: bookingSubject(booking),
    description,
    organiser: booking.organiser,
    attendees: listedWith(booking, attendee),
    ...(booking.online ? {} : { location: booking.location }),
    ...(booking.joinUrl ? { joinUrl: booking.joinUrl } : {}),
  });
  const when = whenInWords(booking.start, booking.end);
  const heading = cancelled ? 'Cancelled' : booking.sequence === 0 ? 'Invitation' : 'Moved';
  const subject = `${heading}: ${bookingSubject(booking)}, ${when}`;
  const lines = [
    cancelled
      ? `The Child in Need review meeting on ${when} has been cancelled.${booking.cancelReason ? ` ${booking.cancelReason}` : ''}`
      : `You are invited to the Child in Need review meeting on ${when} (London time).`,
    cancelled ? '' : booking.online ? (booking.joinUrl ? `Join on Microsoft Teams: ${booking.joinUrl}` : `It will be held on Microsoft Teams; ${booking.organiser.name} will send the link.`) : `Where: ${booking.location}`,
    `Organised by ${booking.organiser.name} (${booking.organiser.email}).`,
    'The attached invitation adds it to your calendar.',
  ].filter((line) => line !== '');
  return booking.attendees.map((attendee) => ({
    idempotencyKey: invitationEmailKey(booking, attendee.email),
    to: [{ name: attendee.name, address: attendee.email }],
    subject,
    text: lines.join('\n\n'),
    html: lines.map((line) => `<p>${escaped(line)}</p>`).join('\n'),
    attachments: [],
    calendarInvite: { method, ics: icsFor(attendee) },
  }));
}

/** One email per booking, change and invitee. */
export function invitationEmailKey(booking: Pick<Booking, 'bookingKey' | 'sequence'>, email: string): string {
  return `booking-invitation:${booking.bookingKey}:${booking.sequence}:${email.trim().toLowerCase()}`;
}

/** "Tuesday 12 January 2027, 14:00 to 15:00" in London wall-clock time. */
export function whenInWords(start: string, end: string): string {
  const [s, e] = [new TZDate(Date.parse(start), LONDON), new TZDate(Date.parse(end), LONDON)];
  return `${format(s, 'EEEE d MMMM yyyy, HH:mm')} to ${format(e, 'HH:mm')}`;
}

function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
