import { BOOKING_GRAMMAR, MeetingMode } from '../domain/booking/booking-grammar';
import { Booking, BookingPerson, bookingKeyOf, bookNext } from '../domain/booking/booking';
import {
  ConfirmationForm,
  Invitee,
  REVIEW_MINUTES,
  entitlementOf,
  familyPreferenceOf,
  inviteesOf,
  meetingTimeInWords,
  readConfirmationForm,
  recordedEmailOf,
  windowVerdictOf,
} from '../domain/booking/command-booking';
import { formatWallTime, londonDateOf, londonMinutesOf } from '../domain/booking/london-wall-clock';
import { parseTypedBooking } from '../domain/booking/typed-booking';
import { chairKeyOf } from '../domain/cases/case-review';
import { Review, TeamsPerson } from '../domain/review/review';
import { samePerson } from '../domain/review/same-person';
import { formatCalendarDate } from '../domain/timescales/calendar-date';
import { Slot } from '../domain/booking/slot-search';
import { BookingStore } from '../ports/booking-store';
import { ReviewStore } from '../ports/review-store';
import { FreeSlots } from './free-slots';

/**
 * `book review …` and `bookings`, as short stories. Understanding a command loads the case's last
 * signed-off review, checks who is asking, and answers with what was understood (or a question);
 * nothing is booked until the worker confirms. Confirming books it (the booking and its calendar
 * effect in one transaction); a second confirmation finds it booked and books nothing more.
 */

/** Who is asking, as Teams says (and the chat's tenant; their home tenant when the roster gave it). */
export interface Caller {
  readonly person: TeamsPerson;
  readonly tenantId: string;
  readonly homeTenantId?: string;
  /** Their email, when Teams' roster gave one. */
  readonly email?: string;
}

/** What the confirmation card shows: the case, the time in words, how, the window, who is invited. */
export interface BookingDraft {
  readonly caseReference: string;
  readonly reviewId: string;
  readonly start: string;
  readonly end: string;
  readonly when: string;
  /** As typed, or the family's preference at the last review; null when neither said. */
  readonly mode: MeetingMode | null;
  readonly verdict: { readonly ok: boolean; readonly message: string } | null;
  readonly invitees: readonly Invitee[];
  /** The last review's attendees with no email address: they cannot be invited by the calendar. */
  readonly withoutEmail: readonly string[];
  readonly organiser: BookingPerson;
  /** Whose card it is (their Teams id): only they may confirm it. */
  readonly forUserId: string;
}

/** Up to five free times in the window, nearest the aim date first, when no time was typed. */
export interface SlotChoice {
  readonly caseReference: string;
  readonly mode: MeetingMode | null;
  readonly slots: readonly Slot[];
  /** Whose calendars could not be read: a time may clash for them. */
  readonly unreadable: readonly string[];
  readonly window: string;
}

export type Understood =
  | { readonly kind: 'answer'; readonly text: string }
  | { readonly kind: 'slots'; readonly choice: SlotChoice }
  | { readonly kind: 'booked'; readonly booking: Booking; readonly created: boolean }
  | { readonly kind: 'confirm'; readonly draft: BookingDraft; readonly typed?: ConfirmationForm; readonly errors?: Record<string, string> };

export interface BookingByCommandDependencies {
  readonly reviews: Pick<ReviewStore, 'lastSignedOffForCase' | 'caseSummaries'>;
  readonly bookings: BookingStore;
  /** The mailbox that organises a booking when the caller's own address is not known. */
  readonly sharedMailbox: BookingPerson;
  /** Tells the outbox there is work. */
  readonly wake?: () => void;
  /** Free times for a command with no date; without it, the worker is asked for a date and time. */
  readonly freeSlots?: Pick<FreeSlots, 'offer'>;
  /** A shared mailbox that organises every review (BOOKING_ORGANISER); '' or absent: the caller's own calendar. */
  readonly organiserMailbox?: string;
  /** How long a review lasts (MEETING_MINUTES). */
  readonly meetingMinutes?: number;
}

/** At most this many free times are offered. */
export const MAX_SLOTS_OFFERED = 5;

const EXAMPLE = BOOKING_GRAMMAR.examples[0];

export class BookingByCommand {
  constructor(private readonly deps: BookingByCommandDependencies) {}

  /** Reads a typed `book review` command (against `typedAt`, when it was typed) and answers it. */
  async understand(caller: Caller, text: string, typedAt: string, now: string): Promise<Understood> {
    const typed = parseTypedBooking(text, typedAt);
    if (typed.kind === 'question') return answer(typed.question);
    const loaded = await this.lastReview(caller, typed.caseReference);
    if (loaded.kind === 'answer') return loaded;
    const review = loaded.review;
    const existing = await this.existing(review, typed.caseReference);
    if (existing) return existing;
    if (typed.date === null) return this.offerSlots(review, typed.caseReference, typed.mode, caller, now);
    if (typed.start === null) return answer(`What time on ${formatCalendarDate(typed.date)}? Type it like "book review ${typed.caseReference} on ${formatCalendarDate(typed.date)} at 10:30".`);
    if (Date.parse(typed.start) <= Date.parse(now)) return answer(`${timeAndDate(typed.start)} has passed. Which date and time did you mean?`);
    return { kind: 'confirm', draft: this.draftOf(review, typed.caseReference, typed.start, typed.mode, caller) };
  }

  /** The card's Confirm: re-reads the case and who is asking, checks the form, and books. */
  async confirm(caller: Caller, card: { caseReference: string; reviewId: string; start: string }, form: ConfirmationForm, conversationId: string, now: string): Promise<Understood> {
    const loaded = await this.lastReview(caller, card.caseReference);
    if (loaded.kind === 'answer') return loaded;
    const review = loaded.review;
    if (review.id !== card.reviewId) {
      return answer(`${card.caseReference} has had another review since this card was made. Type the command again to book the one after it.`);
    }
    const existing = await this.existing(review, card.caseReference);
    if (existing) return existing;
    if (Date.parse(card.start) <= Date.parse(now)) return answer(`${timeAndDate(card.start)} has passed. Type the command again with a new date and time.`);
    const draft = this.draftOf(review, card.caseReference, card.start, null, caller);
    const read = readConfirmationForm(form, draft.invitees, draft.verdict);
    if (!read.ok) return { kind: 'confirm', draft, typed: form, errors: read.errors };
    const decision = bookNext({
      tenantId: review.tenantId,
      reviewId: review.id,
      conversationId,
      caseReferences: [card.caseReference],
      organiser: draft.organiser,
      start: draft.start,
      end: draft.end,
      online: read.value.online,
      location: read.value.venue,
      attendees: read.value.attendees,
      now,
      ...(draft.verdict && !draft.verdict.ok ? { outsideWindowReason: read.value.reason } : {}),
    });
    if (decision.kind === 'refused') return answer(`The review could not be booked (${decision.reason}). Type the command again.`);
    const created = await this.deps.bookings.create(decision.booking, decision.effects);
    if (created === 'created') this.deps.wake?.();
    const booking = (await this.deps.bookings.get(decision.booking.bookingKey)) ?? decision.booking;
    return { kind: 'booked', booking, created: created === 'created' };
  }

  /** The caller's upcoming reviews: those they organise, and those of the cases whose last review they chaired. */
  async upcoming(caller: Caller, now: string): Promise<Booking[]> {
    const chaired = await this.deps.reviews.caseSummaries({ tenantId: caller.tenantId, chairKey: chairKeyOf(caller.person) });
    const lists = await Promise.all([
      caller.email ? this.deps.bookings.upcomingOfOrganiser(caller.tenantId, caller.email, now) : Promise.resolve([]),
      this.deps.bookings.upcomingOfCases(caller.tenantId, chaired.map((c) => c.caseReference), now),
    ]);
    const byKey = new Map(lists.flat().map((b) => [b.bookingKey, b]));
    return [...byKey.values()].sort((a, b) => a.start.localeCompare(b.start));
  }

  private async offerSlots(review: Review, caseReference: string, mode: MeetingMode | null, caller: Caller, now: string): Promise<Understood> {
    const window = review.timescales?.nextReview;
    const typeIt = `Type a date and time, e.g. "${EXAMPLE}".`;
    if (!this.deps.freeSlots || !window) return answer(`When should the review of ${caseReference} be? ${window ? '' : 'The last review set no window for the next one. '}${typeIt}`);
    const organiser = this.organiserOf(review, caller);
    const offer = await this.deps.freeSlots.offer({
      tenantId: review.tenantId,
      organiser: { name: organiser.name, email: organiser.email },
      attendees: review.attendees.map((a) => ({ name: a.name, email: a.email })).filter((a) => a.email.trim().toLowerCase() !== organiser.email.toLowerCase()),
      window,
      schoolAgeChildAttends: schoolAgeChildAttends(review),
      now,
    });
    if (offer.slots.length === 0) return answer(`I found no free time for ${caseReference} in its window (${window.explanation}) ${typeIt}`);
    return {
      kind: 'slots',
      choice: { caseReference, mode: mode ?? familyPreferenceOf(review), slots: offer.slots.slice(0, MAX_SLOTS_OFFERED), unreadable: offer.unreadable, window: window.explanation },
    };
  }

  private organiserOf(review: Review, caller: Caller): BookingPerson {
    if (this.deps.organiserMailbox) return { name: this.deps.sharedMailbox.name, email: this.deps.organiserMailbox };
    const email = caller.email ?? recordedEmailOf(review, caller.person);
    return email ? { name: caller.person.name, email } : this.deps.sharedMailbox;
  }

  private async lastReview(caller: Caller, caseReference: string): Promise<{ kind: 'review'; review: Review } | { kind: 'answer'; text: string }> {
    const review = await this.deps.reviews.lastSignedOffForCase(caller.tenantId, caseReference);
    if (!review) {
      return answer(
        `I have no signed-off review of a case ${caseReference}, so I cannot book its next one. Check the reference; a case is known to me once a review of it is signed off here.`,
      );
    }
    const entitled = entitlementOf(review, caller.person, caller.tenantId, caller.homeTenantId);
    if (!entitled.ok) return answer(`Only ${entitled.whoCan} can book the next review of ${caseReference}.`);
    if (review.outcome?.kind === 'close') {
      const on = review.setUp ? ` on ${formatCalendarDate(review.setUp.meetingDate)}` : '';
      return answer(`${caseReference} was closed at its last review${on}: no next review is due, so none can be booked.`);
    }
    return { kind: 'review', review };
  }

  /** The next review booked from this last review already: shown as it is (a cancelled one is said so). */
  private async existing(review: Review, caseReference: string): Promise<Understood | undefined> {
    const booking = await this.deps.bookings.get(bookingKeyOf(review.tenantId, caseReference, review.id));
    if (!booking) return undefined;
    if (booking.status !== 'cancelled') return { kind: 'booked', booking, created: false };
    return answer(
      `The next review of ${caseReference} booked from its last review (${timeAndDate(booking.start)}) was cancelled. ` +
        'Booking it again by command is not possible yet: ask the chair to book it from the review.',
    );
  }

  private draftOf(review: Review, caseReference: string, start: string, mode: MeetingMode | null, caller: Caller): BookingDraft {
    const end = new Date(Date.parse(start) + (this.deps.meetingMinutes ?? REVIEW_MINUTES) * 60_000).toISOString();
    const organiser = this.organiserOf(review, caller);
    return {
      caseReference,
      reviewId: review.id,
      start: new Date(Date.parse(start)).toISOString(),
      end,
      when: meetingTimeInWords(start, end),
      mode: mode ?? familyPreferenceOf(review),
      verdict: windowVerdictOf(review, londonDateOf(Date.parse(start))),
      invitees: inviteesOf(review, organiser.email),
      // The caller books it: they are not one to tell.
      withoutEmail: review.attendees.filter((a) => a.email.trim() === '' && !(a.teams && samePerson(a.teams, caller.person))).map((a) => a.name),
      organiser,
      forUserId: caller.person.teamsUserId,
    };
  }
}

/**
 * The children's ages are not recorded, so a child who attended the last review is taken to be of
 * school age: the times then keep out of school hours (001 §1, "wherever possible").
 */
function schoolAgeChildAttends(review: Review): boolean {
  return review.childVoices.some((v) => v.attended === 'yes' || v.source === 'child-in-meeting');
}

function answer(text: string): { kind: 'answer'; text: string } {
  return { kind: 'answer', text };
}

/** "14:00 on Tue 12 Jan 2027" (London time). */
function timeAndDate(instant: string): string {
  const ms = Date.parse(instant);
  return `${formatWallTime(londonMinutesOf(ms))} on ${formatCalendarDate(londonDateOf(ms))}`;
}
