import { Slot, SlotRules, findSlots } from '../domain/booking/slot-search';
import { londonInstant } from '../domain/booking/london-wall-clock';
import { addDays } from '../domain/timescales/calendar-date';
import type { ReviewWindow } from '../domain/timescales/review-window';
import type { WorkingDayCalendar } from '../domain/timescales/working-day-calendar';
import type { BookingStore } from '../ports/booking-store';
import type { BusyInterval, Calendar, FreeBusy } from '../ports/calendar';

/** A card press is answered within Teams' limit (about 15 s): the calendar gets at most this long. */
const DEFAULT_TIMEOUT_MS = 8000;

export interface SlotPerson {
  readonly name: string;
  /** '' when not known: their calendar cannot be read. */
  readonly email: string;
}

export interface SlotOfferRequest {
  readonly tenantId: string;
  /** Whose calendar holds the event (the chair, or a shared mailbox): their other bookings are kept clear. */
  readonly organiser: SlotPerson;
  readonly attendees: readonly SlotPerson[];
  /** The case's window for the next review (London dates). */
  readonly window: Pick<ReviewWindow, 'earliest' | 'latest' | 'target'>;
  readonly schoolAgeChildAttends: boolean;
  /** ISO instant: no slot starts before it. */
  readonly now: string;
}

export interface SlotOffer {
  readonly slots: Slot[];
  /** The names of the people whose calendars could not be read (no email, outside the tenant, or the calendar failed). */
  readonly unreadable: string[];
}

/**
 * Finding times for the next review: free/busy of every attendee with an email (one question to the
 * calendar, which batches it: Graph takes 20 people a call), the organiser's other bookings as the
 * chair's other reviews, then the pure slot search. A calendar that cannot be asked at all does not
 * stop the offer: everyone is then named as unread, and the times still keep to the rules.
 */
export class FreeSlots {
  constructor(
    private readonly calendar: Calendar,
    private readonly bookings: BookingStore,
    private readonly workingDays: WorkingDayCalendar,
    private readonly rules: SlotRules,
    /** The longest a card press waits for the calendar: past it, the times are found without it. */
    private readonly options: { readonly timeoutMs?: number } = {},
  ) {}

  async offer(request: SlotOfferRequest): Promise<SlotOffer> {
    const from = windowStart(request.window.earliest, request.now);
    const to = new Date(londonInstant(addDays(request.window.latest, 1), 0)).toISOString();
    if (!(Date.parse(to) > Date.parse(from))) return { slots: [], unreadable: [] };

    const readable = distinctByEmail(request.attendees.filter((a) => a.email.trim() !== ''));
    const unreadable = request.attendees.filter((a) => a.email.trim() === '').map((a) => a.name);
    const freeBusy = await this.freeBusyOf(request.organiser.email, readable, from, to);
    for (const person of readable) {
      const answer = freeBusy.get(person.email.trim().toLowerCase());
      if (!answer?.known) unreadable.push(person.name);
    }
    const chairReviews = await this.chairReviews(request, from, to);
    const slots = findSlots({
      window: request.window,
      attendees: [...freeBusy.values()],
      chairReviews,
      calendar: this.workingDays,
      schoolAgeChildAttends: request.schoolAgeChildAttends,
      rules: this.rules,
      now: request.now,
    });
    return { slots, unreadable: [...new Set(unreadable)] };
  }

  /** Free/busy by lower-cased email; empty (everyone unread) when the calendar could not be asked. */
  private async freeBusyOf(organiser: string, people: readonly SlotPerson[], from: string, to: string): Promise<Map<string, FreeBusy>> {
    const answers = new Map<string, FreeBusy>();
    if (people.length === 0) return answers;
    let got: FreeBusy[];
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the calendar took too long')), this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    });
    try {
      got = await Promise.race([this.calendar.freeBusy(organiser, people.map((p) => p.email.trim()), from, to), timedOut]);
    } catch {
      return answers;
    } finally {
      clearTimeout(timer);
    }
    for (const answer of got) answers.set(answer.email.trim().toLowerCase(), answer);
    return answers;
  }

  private async chairReviews(request: SlotOfferRequest, from: string, to: string): Promise<BusyInterval[]> {
    if (request.organiser.email.trim() === '') return [];
    const booked = await this.bookings.ofOrganiserBetween(request.tenantId, request.organiser.email, from, to);
    return booked.map((b) => ({ start: b.start, end: b.end }));
  }
}

/** London midnight of the window's first day, or now if later. */
function windowStart(earliest: string, now: string): string {
  const start = londonInstant(earliest, 0);
  return new Date(Math.max(start, Date.parse(now))).toISOString();
}

function distinctByEmail(people: readonly SlotPerson[]): SlotPerson[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.email.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
