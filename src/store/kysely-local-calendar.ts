import { createHash } from 'node:crypto';
import { Kysely } from 'kysely';
import { z } from 'zod';
import { BookedEvent, Calendar, CalendarEvent, FreeBusy } from '../ports/calendar';
import { EffectFailure } from '../ports/effect-failure';
import { LocalCalendarEventsTable, ReviewDatabase } from './review-database';

const storedEvent = z.object({
  bookingKey: z.string(),
  organiser: z.string(),
  subject: z.string(),
  start: z.string(),
  end: z.string(),
  attendees: z.array(z.object({ name: z.string(), address: z.string() })),
  online: z.boolean(),
  location: z.string(),
  body: z.string(),
});

/**
 * The embedded default's calendar (no Graph configured): events in the store, one per booking key.
 *
 * - `create` is idempotent by booking key: the event id is derived from the key, so a retry after a
 *   crash finds the event it made and answers with it (the first version wins, as a repeated Graph
 *   `transactionId` does).
 * - It makes no Teams meeting: an online event has no join link (the booking records it as missing,
 *   so the chair is told to add one).
 * - It sends nothing: invitations go out as `.ics` emails from the booking effects.
 * - Free/busy: this calendar holds only the meetings the bot booked, so it is nobody's whole diary.
 *   The organiser asked about is answered `known: true` with the busy times of the events they
 *   organise here (the bot's own bookings are all it can honestly vouch for, and the slot search
 *   must avoid them); everyone else is `known: false` with no busy time (the card says their
 *   calendar could not be read), even when they are invited to an event here.
 */
export class KyselyLocalCalendar implements Calendar {
  constructor(
    private readonly db: Kysely<ReviewDatabase>,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  async freeBusy(organiser: string, people: readonly string[], from: string, to: string): Promise<FreeBusy[]> {
    const [start, end] = [Date.parse(from), Date.parse(to)];
    if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
      throw new EffectFailure('INVALID_WINDOW', `Not a window: ${from} to ${to}`, { retryable: false });
    }
    const own = organiser.trim().toLowerCase();
    const events = await this.db
      .selectFrom('local_calendar_events')
      .select(['start_at', 'end_at'])
      .where('organiser_email', '=', own)
      .where('cancelled', '=', 0)
      .where('start_at', '<', iso(end))
      .where('end_at', '>', iso(start))
      .orderBy('start_at')
      .execute();
    const busy = merged(events.map((e) => ({ start: Math.max(start, Date.parse(e.start_at)), end: Math.min(end, Date.parse(e.end_at)) })));
    return people.map((email) =>
      email.trim().toLowerCase() === own ? { email, known: true, busy } : { email, known: false, busy: [] },
    );
  }

  async create(event: CalendarEvent): Promise<BookedEvent> {
    const now = this.clock();
    const eventId = localEventId(event.bookingKey);
    await this.db
      .insertInto('local_calendar_events')
      .values({ event_id: eventId, ...columnsOf(event), cancelled: 0, cancel_comment: null, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('booking_key').doNothing())
      .execute();
    const row = await this.find(eventId);
    if (!row) throw new EffectFailure('EVENT_NOT_FOUND', 'The event just made could not be read back', { retryable: true });
    return { eventId: row.event_id };
  }

  async update(eventId: string, event: CalendarEvent): Promise<BookedEvent> {
    const row = await this.find(eventId);
    if (!row) throw new EffectFailure('EVENT_NOT_FOUND', 'There is no such event in the calendar', { retryable: false });
    if (Number(row.cancelled) === 1) throw new EffectFailure('EVENT_CANCELLED', 'The event has been cancelled', { retryable: false });
    const { booking_key: _key, ...changes } = columnsOf(event);
    await this.db.updateTable('local_calendar_events').set({ ...changes, updated_at: this.clock() }).where('event_id', '=', eventId).execute();
    return { eventId };
  }

  async cancel(organiser: string, eventId: string, comment: string): Promise<void> {
    const row = await this.find(eventId);
    // As with Graph, cancelling an event that is gone (or was cancelled already) is done.
    if (!row || row.organiser_email !== organiser.trim().toLowerCase() || Number(row.cancelled) === 1) return;
    await this.db
      .updateTable('local_calendar_events')
      .set({ cancelled: 1, cancel_comment: comment, updated_at: this.clock() })
      .where('event_id', '=', eventId)
      .execute();
  }

  /** The event as stored, for the trial's own view of the calendar (and tests). */
  async event(eventId: string): Promise<(CalendarEvent & { readonly eventId: string; readonly cancelled: boolean; readonly cancelComment?: string }) | undefined> {
    const row = await this.find(eventId);
    if (!row) return undefined;
    return {
      ...storedEvent.parse(JSON.parse(row.doc)),
      eventId: row.event_id,
      cancelled: Number(row.cancelled) === 1,
      ...(row.cancel_comment === null ? {} : { cancelComment: row.cancel_comment }),
    };
  }

  /** How many events (cancelled ones too) the calendar holds for a booking key: at most one. */
  async countFor(bookingKey: string): Promise<number> {
    const rows = await this.db.selectFrom('local_calendar_events').select('event_id').where('booking_key', '=', bookingKey).execute();
    return rows.length;
  }

  private find(eventId: string): Promise<LocalCalendarEventsTable | undefined> {
    return this.db.selectFrom('local_calendar_events').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  }
}

/** The local event id of a booking: the same key always gives the same id. */
export function localEventId(bookingKey: string): string {
  return `local-${createHash('sha256').update(bookingKey, 'utf8').digest('hex').slice(0, 32)}`;
}

function columnsOf(event: CalendarEvent): Omit<LocalCalendarEventsTable, 'event_id' | 'cancelled' | 'cancel_comment' | 'created_at' | 'updated_at'> {
  return {
    booking_key: event.bookingKey,
    organiser_email: event.organiser.trim().toLowerCase(),
    start_at: iso(Date.parse(event.start)),
    end_at: iso(Date.parse(event.end)),
    doc: JSON.stringify(storedEvent.parse(event)),
  };
}

function iso(ms: number): string {
  if (Number.isNaN(ms)) throw new EffectFailure('INVALID_EVENT', 'The event has a time that is not an instant', { retryable: false });
  return new Date(ms).toISOString();
}

function merged(intervals: ReadonlyArray<{ start: number; end: number }>): Array<{ start: string; end: string }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const i of [...intervals].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out.map((i) => ({ start: iso(i.start), end: iso(i.end) }));
}
