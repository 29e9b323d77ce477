import { Booking } from '../domain/booking/booking';
import { meetingTimeInWords } from '../domain/review/next-booking';
import { Review } from '../domain/review/review';
import { AdaptiveCardJson, CardTemplates } from './card-templates';

export interface BookingCardOptions {
  readonly notice?: string;
  readonly noticeColor?: 'Attention' | 'Good' | 'Default';
  readonly typed?: Readonly<Record<string, string>>;
  readonly errors?: Readonly<Record<string, string>>;
}

const STATUS_WORDS: Readonly<Record<Booking['status'], string>> = {
  requested: 'Being put in the calendar',
  booked: 'In the calendar; invitations sent',
  cancelled: 'Cancelled; everyone invited was told',
};

/** The chair's view of the next meeting's booking: when, where, who is invited, and moving or cancelling it. */
export function bookingCard(templates: CardTemplates, review: Review, booking: Booking, options: BookingCardOptions = {}): AdaptiveCardJson {
  const errors = options.errors ?? {};
  const typed = options.typed ?? {};
  const live = booking.status !== 'cancelled';
  const link = booking.online
    ? booking.joinUrl
      ? [{ label: 'Join on Teams', value: booking.joinUrl }]
      : booking.joinUrlMissing
        ? [{ label: 'Teams link', value: 'The calendar made no Teams link: add one to the meeting in Outlook.' }]
        : []
    : [];
  return templates.render('booking-manage', {
    reviewId: review.id,
    sequence: booking.sequence,
    chairUserIds: [review.chair.teamsUserId],
    heading: `The next meeting (${booking.caseReferences.join(', ')})`,
    notice: options.notice ?? '',
    noticeColor: options.noticeColor ?? 'Good',
    facts: [
      { label: 'When', value: meetingTimeInWords(booking.start, booking.end) },
      { label: 'Where', value: booking.online ? 'On Microsoft Teams' : `In person at ${booking.location}` },
      { label: 'Status', value: STATUS_WORDS[booking.status] },
      ...link,
      { label: 'Organiser', value: `${booking.organiser.name} (${booking.organiser.email})` },
      { label: 'Invited', value: booking.attendees.map((a) => a.name).join(', ') || 'Nobody has an email address' },
      ...(booking.cancelReason ? [{ label: 'Why cancelled', value: booking.cancelReason }] : []),
    ],
    canChange: live,
    moveDate: typed.moveDate ?? '',
    moveTime: typed.moveTime ?? '',
    cancelReason: typed.cancelReason ?? '',
    moveDateError: errors.moveDate ?? '',
    moveTimeError: errors.moveTime ?? '',
    cancelReasonError: errors.cancelReason ?? '',
  });
}
