import { Kysely, sql } from 'kysely';
import { Booking, bookingSchema, withCalendarAnswer } from '../domain/booking/booking';
import { BookingCreateResult, BookingSaveResult, BookingStore } from '../ports/booking-store';
import { BookedEvent } from '../ports/calendar';
import { NewEffect } from '../ports/outbox';
import { queueEffects } from './kysely-outbox';
import { BookingsTable, ReviewDatabase } from './review-database';

class Conflict extends Error {}

/**
 * Bookings over SQLite or PostgreSQL. What people decide (times, attendees, venue, a cancellation) and
 * what the calendar answered (event id, join link) are written by different statements to different
 * columns, so a move saved while the calendar's answer is being recorded loses neither.
 */
export class KyselyBookingStore implements BookingStore {
  constructor(
    private readonly db: Kysely<ReviewDatabase>,
    /** The store's clock (updated_at, and when effects are queued): real time. */
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  async create(booking: Booking, effects: readonly NewEffect[]): Promise<BookingCreateResult> {
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('bookings')
        .values(rowOf(booking, this.clock()))
        .onConflict((oc) => oc.column('booking_key').doNothing())
        .returning('booking_key')
        .executeTakeFirst();
      if (!inserted) return 'exists';
      for (const caseReference of new Set(booking.caseReferences)) {
        await trx.insertInto('booking_cases').values({ booking_key: booking.bookingKey, tenant_id: booking.tenantId, case_reference: caseReference }).execute();
      }
      await queueEffects(trx, effects, this.clock());
      return 'created';
    });
  }

  async save(booking: Booking, expectedSequence: number, effects: readonly NewEffect[]): Promise<BookingSaveResult> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const row = rowOf(booking, this.clock());
        const result = await trx
          .updateTable('bookings')
          .set({
            start_at: row.start_at,
            end_at: row.end_at,
            sequence: row.sequence,
            doc: row.doc,
            updated_at: row.updated_at,
            // A booking is never un-cancelled; 'requested' becomes 'booked' only by the calendar's answer.
            ...(booking.status === 'cancelled' ? { status: 'cancelled' } : {}),
          })
          .where('booking_key', '=', booking.bookingKey)
          .where('sequence', '=', expectedSequence)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw new Conflict();
        await queueEffects(trx, effects, this.clock());
        return 'saved' as const;
      });
    } catch (error) {
      if (error instanceof Conflict) return 'conflict';
      throw error;
    }
  }

  async get(bookingKey: string): Promise<Booking | undefined> {
    const row = await this.db.selectFrom('bookings').selectAll().where('booking_key', '=', bookingKey).executeTakeFirst();
    return row ? bookingOf(row) : undefined;
  }

  async recordCalendarAnswer(bookingKey: string, sequence: number, answer: BookedEvent): Promise<Booking | undefined> {
    // Read, decide, write only if no other answer was recorded in between; a few tries are plenty.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const before = await this.get(bookingKey);
      if (!before) return undefined;
      const after = withCalendarAnswer(before, sequence, answer);
      if (after === before) return before;
      const result = await this.db
        .updateTable('bookings')
        .set({
          event_id: after.eventId ?? null,
          join_url: after.joinUrl ?? null,
          join_url_missing: after.joinUrlMissing ? 1 : 0,
          calendar_sequence: after.calendarSequence ?? null,
          status: sql<string>`CASE WHEN status = 'requested' THEN 'booked' ELSE status END`,
          updated_at: this.clock(),
        })
        .where('booking_key', '=', bookingKey)
        .where((eb) =>
          before.calendarSequence === undefined ? eb('calendar_sequence', 'is', null) : eb('calendar_sequence', '=', before.calendarSequence),
        )
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return this.get(bookingKey);
    }
    throw new Error(`The calendar's answer for booking ${bookingKey} could not be recorded: it kept changing`);
  }

  async upcomingOfCases(tenantId: string, caseReferences: readonly string[], from: string): Promise<Booking[]> {
    if (caseReferences.length === 0) return [];
    const rows = await this.db
      .selectFrom('bookings')
      .selectAll()
      .where('booking_key', 'in', (eb) =>
        eb.selectFrom('booking_cases').select('booking_key').where('tenant_id', '=', tenantId).where('case_reference', 'in', [...caseReferences]),
      )
      .where('status', '!=', 'cancelled')
      .where('start_at', '>=', instant(from))
      .orderBy('start_at')
      .execute();
    return rows.map(bookingOf);
  }

  async upcomingOfOrganiser(tenantId: string, organiserEmail: string, from: string): Promise<Booking[]> {
    const rows = await this.liveOfOrganiser(tenantId, organiserEmail).where('start_at', '>=', instant(from)).orderBy('start_at').execute();
    return rows.map(bookingOf);
  }

  async ofOrganiserBetween(tenantId: string, organiserEmail: string, from: string, to: string): Promise<Booking[]> {
    const rows = await this.liveOfOrganiser(tenantId, organiserEmail).where('start_at', '<', instant(to)).where('end_at', '>', instant(from)).orderBy('start_at').execute();
    return rows.map(bookingOf);
  }

  /** The organiser's bookings not cancelled, in the tenant. */
  private liveOfOrganiser(tenantId: string, organiserEmail: string) {
    return this.db
      .selectFrom('bookings')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('organiser_email', '=', organiserEmail.trim().toLowerCase())
      .where('status', '!=', 'cancelled');
  }
}

/** Instants are stored in toISOString form, so text order is time order. */
function instant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${iso}`);
  return new Date(ms).toISOString();
}

const CALENDAR_FIELDS = ['eventId', 'joinUrl', 'joinUrlMissing', 'calendarSequence', 'status', 'sequence', 'start', 'end'] as const;

function rowOf(booking: Booking, now: string): BookingsTable {
  const decided: Record<string, unknown> = { ...booking };
  for (const field of CALENDAR_FIELDS) delete decided[field];
  return {
    booking_key: booking.bookingKey,
    tenant_id: booking.tenantId,
    review_id: booking.reviewId,
    organiser_email: booking.organiser.email.trim().toLowerCase(),
    start_at: instant(booking.start),
    end_at: instant(booking.end),
    status: booking.status,
    sequence: booking.sequence,
    doc: JSON.stringify(decided),
    event_id: booking.eventId ?? null,
    join_url: booking.joinUrl ?? null,
    join_url_missing: booking.joinUrlMissing ? 1 : 0,
    calendar_sequence: booking.calendarSequence ?? null,
    updated_at: now,
  };
}

function bookingOf(row: BookingsTable): Booking {
  return bookingSchema.parse({
    ...(JSON.parse(row.doc) as Record<string, unknown>),
    start: row.start_at,
    end: row.end_at,
    status: row.status,
    sequence: Number(row.sequence),
    ...(row.event_id === null ? {} : { eventId: row.event_id }),
    ...(row.join_url === null ? {} : { joinUrl: row.join_url }),
    ...(row.calendar_sequence === null ? {} : { calendarSequence: Number(row.calendar_sequence), joinUrlMissing: Number(row.join_url_missing) === 1 }),
  });
}
