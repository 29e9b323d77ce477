import { Booking, BookingRefusal, cancel, move } from '../domain/booking/booking';
import { londonInstant, parseWallTime } from '../domain/booking/london-wall-clock';
import { Review, TeamsPerson } from '../domain/review/review';
import { chairOnly, isChair } from '../domain/review/review-machine';
import { judgeProposedDate } from '../domain/review/review-timescales';
import { isSensibleDate } from '../domain/review/step-forms/form-values';
import type { BookingStore } from '../ports/booking-store';
import type { ReviewStore } from '../ports/review-store';
import type { Conversation } from './review-actions';

/** What the chair asks of the next meeting's booking, from its card; who asked comes from Teams. */
export interface BookingPress {
  readonly reviewId: string;
  /** The booking's sequence the card showed: a change is made only against it. */
  readonly sequence?: number;
  readonly form: Readonly<Record<string, string>>;
}

export type BookingAnswer =
  | { readonly kind: 'shown' | 'moved' | 'cancelled'; readonly review: Review; readonly booking: Booking; readonly notice?: string }
  | { readonly kind: 'invalid'; readonly review: Review; readonly booking: Booking; readonly typed: Readonly<Record<string, string>>; readonly errors: Readonly<Record<string, string>> }
  | { readonly kind: 'stale'; readonly review: Review; readonly booking: Booking }
  | { readonly kind: 'refused'; readonly message: string };

const REFUSALS: Readonly<Record<BookingRefusal, string>> = {
  'not-an-instant': 'That is not a date and time that exists in London.',
  'ends-before-start': 'The meeting must end after it starts.',
  'in-the-past': 'That time has passed: choose a later one.',
  cancelled: 'This meeting was cancelled; book the next one with "book review".',
  unchanged: 'The meeting is already at that time.',
  'no-case': 'The booking names no case.',
};

/**
 * After sign-off, the chair (only) moves or cancels the next meeting the review booked. Each change
 * is saved with its effects in one transaction, against the sequence the card showed; the calendar
 * and the attendees are told by the outbox.
 */
export class BookedMeetings {
  constructor(
    private readonly reviews: Pick<ReviewStore, 'get'>,
    private readonly bookings: Pick<BookingStore, 'get' | 'save'>,
    private readonly effectsQueued: () => void = () => undefined,
  ) {}

  async show(conversation: Conversation, actor: TeamsPerson, press: BookingPress): Promise<BookingAnswer> {
    const found = await this.load(conversation, actor, press);
    return 'message' in found ? found : { kind: 'shown', ...found };
  }

  async move(conversation: Conversation, actor: TeamsPerson, press: BookingPress, now: string): Promise<BookingAnswer> {
    const found = await this.load(conversation, actor, press);
    if ('message' in found) return found;
    const { review, booking } = found;
    if (press.sequence !== booking.sequence) return { kind: 'stale', review, booking };
    const date = (press.form.moveDate ?? '').trim();
    const time = (press.form.moveTime ?? '').trim();
    const errors: Record<string, string> = {};
    if (!isSensibleDate(date)) errors.moveDate = 'Enter the new date';
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.moveTime = 'Enter the new time as HH:MM';
    const start = Object.keys(errors).length === 0 ? londonInstant(date, parseWallTime(time)) : NaN;
    if (Object.keys(errors).length === 0 && Number.isNaN(start)) errors.moveTime = 'That time does not exist in London that day (the clocks go forward)';
    if (Object.keys(errors).length > 0) return { kind: 'invalid', review, booking, typed: press.form, errors };
    const length = Date.parse(booking.end) - Date.parse(booking.start);
    const decision = move(booking, new Date(start).toISOString(), new Date(start + length).toISOString(), now);
    if (decision.kind === 'refused') return { kind: 'invalid', review, booking, typed: press.form, errors: { moveDate: REFUSALS[decision.reason] } };
    const saved = await this.bookings.save(decision.booking, booking.sequence, decision.effects);
    if (saved === 'conflict') return this.staleAfterRace(review, booking);
    this.effectsQueued();
    const verdict = judgeProposedDate(review.timescales, date);
    const notice = verdict && !verdict.ok ? `Moved. ${verdict.message}` : 'Moved: everyone invited is sent the new time.';
    return { kind: 'moved', review, booking: (await this.bookings.get(booking.bookingKey)) ?? decision.booking, notice };
  }

  async cancel(conversation: Conversation, actor: TeamsPerson, press: BookingPress, now: string): Promise<BookingAnswer> {
    const found = await this.load(conversation, actor, press);
    if ('message' in found) return found;
    const { review, booking } = found;
    if (press.sequence !== booking.sequence) return { kind: 'stale', review, booking };
    const reason = (press.form.cancelReason ?? '').trim();
    if (reason === '' || reason.length > 500) {
      return { kind: 'invalid', review, booking, typed: press.form, errors: { cancelReason: reason === '' ? 'Say why: everyone invited is told' : 'Keep it under 500 characters' } };
    }
    const decision = cancel(booking, reason, now);
    if (decision.kind === 'refused') return { kind: 'invalid', review, booking, typed: press.form, errors: { cancelReason: REFUSALS[decision.reason] } };
    const saved = await this.bookings.save(decision.booking, booking.sequence, decision.effects);
    if (saved === 'conflict') return this.staleAfterRace(review, booking);
    this.effectsQueued();
    return { kind: 'cancelled', review, booking: (await this.bookings.get(booking.bookingKey)) ?? decision.booking, notice: 'Cancelled: everyone invited is told.' };
  }

  /** The review (this chat's, signed off), pressed by its chair, and the booking its sign-off made. */
  private async load(conversation: Conversation, actor: TeamsPerson, press: BookingPress): Promise<{ review: Review; booking: Booking } | { kind: 'refused'; message: string }> {
    const review = await this.reviews.get(press.reviewId);
    if (!review || review.conversationId !== conversation.id) return { kind: 'refused', message: 'That card belongs to a review of another chat.' };
    if (!isChair(review, actor)) return { kind: 'refused', message: chairOnly(review, 'move or cancel the next meeting') };
    const key = review.nextMeeting?.booking?.bookingKey;
    const booking = key ? await this.bookings.get(key) : undefined;
    if (!booking) return { kind: 'refused', message: 'The next meeting has not been booked yet: try again in a moment.' };
    return { review, booking };
  }

  private async staleAfterRace(review: Review, booking: Booking): Promise<BookingAnswer> {
    return { kind: 'stale', review, booking: (await this.bookings.get(booking.bookingKey)) ?? booking };
  }
}
