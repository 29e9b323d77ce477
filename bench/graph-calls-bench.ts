import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bookingEffectHandlers } from '../src/booking-effects/booking-effect-handlers';
import { BOOKING_CREATE, bookNext } from '../src/domain/booking/booking';
import { DEFAULT_SLOT_RULES } from '../src/domain/booking/slot-search';
import { WorkingDayCalendar, addDays, loadBankHolidaysFile } from '../src/domain/timescales';
import { KyselyBookingStore } from '../src/store/kysely-booking-store';
import { KyselyOutbox } from '../src/store/kysely-outbox';
import { migrateToLatest } from '../src/store/migrations';
import { openSqlite } from '../src/store/review-database';
import { FreeSlots } from '../src/use-cases/free-slots';
import { adaptersFor, startGraphFake } from '../test/support/graph-fake/fake-adapters';
import { GraphFake } from '../test/support/graph-fake/graph-fake';

const SCHEDULE = /\/calendar\/getSchedule$/;
const EVENTS = /\/users\/[^/]+\/events$/;

/** The Graph requests of one booking, by kind, as the fake received them. */
export interface GraphCallCounts {
  readonly getSchedule: number;
  readonly create: number;
  readonly token: number;
  /** Anything else sent to Graph (a re-read of an event without its join link, a retry): none expected. */
  readonly other: number;
}

export interface GraphCallFigures {
  readonly attendees: number;
  readonly windowDays: number;
  /** The first booking, on fresh adapters: the one that also fetches the token. */
  readonly first: GraphCallCounts;
  /** Goals of issue 8: ceil(attendees / 20) getSchedule calls and one create. */
  readonly goal: { readonly getSchedule: number; readonly create: number };
  readonly firstMs: number;
  /** Every later booking (token cached), each with the same counts: median and 99th percentile. */
  readonly later: {
    readonly rounds: number;
    readonly counts: GraphCallCounts;
    readonly medianMs: number;
    readonly p99Ms: number;
    /** The offer alone (getSchedule, the chair's bookings, the search), before the booking is saved and the event made. */
    readonly offerMedianMs: number;
  };
}

function countsSince(fake: GraphFake, fromRequest: number, fromTokens: number): GraphCallCounts {
  const sent = fake.requests.slice(fromRequest);
  const getSchedule = sent.filter((r) => r.method === 'POST' && SCHEDULE.test(r.path)).length;
  const create = sent.filter((r) => r.method === 'POST' && EVENTS.test(r.path)).length;
  return { getSchedule, create, token: fake.tokenRequests - fromTokens, other: sent.length - getSchedule - create };
}

const sameCounts = (a: GraphCallCounts, b: GraphCallCounts) => a.getSchedule === b.getSchedule && a.create === b.create && a.token === b.token && a.other === b.other;

/**
 * Booking a review with 20 attendees over a 6-week window, through the real pieces against the
 * stateful Graph fake (msw on the real Graph and token URLs, in process, no added latency): the slot
 * offer (FreeSlots over the GraphCalendar of createGraphAdapters), the booking saved with its effect
 * in SQLite, and the booking.create effect performed by the booking effect handler. Counts the
 * requests the fake received by kind, and times the whole offer-to-event.
 */
export async function benchGraphCalls(rounds = 20): Promise<GraphCallFigures> {
  const directory = mkdtempSync(join(tmpdir(), 'cin-graph-calls-'));
  const db = openSqlite(join(directory, 'bench.sqlite'));
  const fake = startGraphFake();
  try {
    await migrateToLatest(db);
    const workingDays = WorkingDayCalendar.fromBankHolidays(loadBankHolidaysFile());
    const earliest = '2027-02-15';
    const window = { earliest, latest: addDays(earliest, 41), target: addDays(earliest, 21) };
    const now = '2027-02-01T09:00:00.000Z';
    const attendees = Array.from({ length: 20 }, (_, i) => ({ name: `Attendee ${i + 1}`, email: `attendee${i + 1}@council.example` }));
    const chair = attendees[0]!;
    // Each attendee busy one whole working day from the target onwards (and an hour the day before), so the search has work to do.
    const days: string[] = [];
    for (let d = 0; days.length < attendees.length; d++) if (workingDays.isWorkingDay(addDays(window.target, d))) days.push(addDays(window.target, d));
    attendees.forEach((a, i) => {
      const day = days[i]!;
      fake.calendar.setSchedule(a.email, [
        { status: 'busy', start: `${day}T08:00:00Z`, end: `${day}T18:00:00Z` },
        { status: 'tentative', start: `${addDays(day, -1)}T10:00:00Z`, end: `${addDays(day, -1)}T11:00:00Z` },
      ]);
    });

    const { calendar } = adaptersFor(fake);
    const bookings = new KyselyBookingStore(db, () => now);
    const outbox = new KyselyOutbox(db, 'sqlite');
    const create = bookingEffectHandlers({ bookings, calendar })[BOOKING_CREATE];
    const freeSlots = new FreeSlots(calendar, bookings, workingDays, DEFAULT_SLOT_RULES);

    /**
     * One booking: offer, the first time taken, saved with its effect, the effect performed. Each in a
     * tenant of its own, so that the earlier bookings are not the chair's other reviews and every round
     * searches the same calendars (with a school-age child there is one slot a day: they would run out).
     */
    const bookOnce = async (n: number): Promise<{ ms: number; offerMs: number; counts: GraphCallCounts }> => {
      const tenantId = `tenant-${n}`;
      const fromRequest = fake.requests.length;
      const fromTokens = fake.tokenRequests;
      const start = process.hrtime.bigint();
      const offer = await freeSlots.offer({ tenantId, organiser: chair, attendees, window, schoolAgeChildAttends: true, now });
      const offerMs = Number(process.hrtime.bigint() - start) / 1e6;
      const slot = offer.slots[0];
      if (!slot || offer.unreadable.length > 0) throw new Error(`The offer found no time or could not read everyone: ${offer.unreadable.join(', ')}`);
      const decision = bookNext({
        tenantId,
        reviewId: `review-${n}`,
        conversationId: 'conv-1',
        caseReferences: [`CIN-${1000 + n}`],
        organiser: chair,
        start: slot.start,
        end: slot.end,
        online: true,
        location: '',
        attendees: attendees.map((a) => ({ ...a, audience: 'professional' as const })),
        now,
      });
      if (decision.kind !== 'decided') throw new Error(`The booking was refused: ${decision.reason}`);
      if ((await bookings.create(decision.booking, decision.effects)) !== 'created') throw new Error('The booking was not created');
      const [effect] = (await outbox.ofReview(`review-${n}`)).filter((e) => e.kind === BOOKING_CREATE);
      if (!effect) throw new Error('No booking.create effect was queued');
      await create.perform(effect);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const booked = await bookings.get(decision.booking.bookingKey);
      if (!booked?.eventId || !booked.joinUrl) throw new Error('The event was not made, or has no join link');
      return { ms, offerMs, counts: countsSince(fake, fromRequest, fromTokens) };
    };

    const first = await bookOnce(0);
    const later: number[] = [];
    const offers: number[] = [];
    let laterCounts: GraphCallCounts | undefined;
    for (let n = 1; n <= rounds; n++) {
      const round = await bookOnce(n);
      if (laterCounts && !sameCounts(laterCounts, round.counts)) throw new Error(`Booking ${n} sent other requests: ${JSON.stringify(round.counts)} after ${JSON.stringify(laterCounts)}`);
      laterCounts = round.counts;
      later.push(round.ms);
      offers.push(round.offerMs);
    }
    if (fake.calendar.liveEvents(chair.email).length !== rounds + 1) throw new Error('Not one event per booking');
    const at = (samples: number[], q: number) => {
      const sorted = [...samples].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    };
    return {
      attendees: attendees.length,
      windowDays: 42,
      first: first.counts,
      goal: { getSchedule: Math.ceil(attendees.length / 20), create: 1 },
      firstMs: first.ms,
      later: { rounds, counts: laterCounts ?? first.counts, medianMs: at(later, 0.5), p99Ms: at(later, 0.99), offerMedianMs: at(offers, 0.5) },
    };
  } finally {
    await fake.settled();
    fake.close();
    await db.destroy();
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The figures as printed in section 4. */
export function graphCallLines(g: GraphCallFigures, slotSearchMedianMs: number): string[] {
  const c = g.first;
  return [
    `Graph calls for ${g.attendees} attendees, ${g.windowDays}-day window: getSchedule ${c.getSchedule} (goal ${g.goal.getSchedule}), create ${c.create} (goal ${g.goal.create}), token ${c.token}, other ${c.other}; each later booking getSchedule ${g.later.counts.getSchedule}, create ${g.later.counts.create}, token ${g.later.counts.token}, other ${g.later.counts.other}`,
    `offer + create through the Graph fake (in process, no network latency): first ${g.firstMs.toFixed(1)} ms (cold, token fetched), then median ${g.later.medianMs.toFixed(1)} ms, p99 ${g.later.p99Ms.toFixed(1)} ms over ${g.later.rounds} bookings, ${(g.later.medianMs / slotSearchMedianMs).toFixed(0)}x the slot search alone; the offer part median ${g.later.offerMedianMs.toFixed(1)} ms`,
  ];
}
