import { DEFAULT_SLOT_RULES } from '../../src/domain/booking/slot-search';
import { BusyInterval, Calendar, FreeBusy } from '../../src/ports/calendar';
import { KyselyBookingStore } from '../../src/store/kysely-booking-store';
import { FreeSlots, SlotOfferRequest } from '../../src/use-cases/free-slots';
import { booked } from '../support/booking-fixtures';
import { sqliteDatabases } from '../support/booking-databases';
import { englandAndWales } from '../domain/timescales/shipped-timescales';

/** A calendar that knows some people's busy times, counts the questions and what each asked. */
class CountingCalendar implements Calendar {
  readonly asked: Array<{ organiser: string; people: readonly string[]; from: string; to: string }> = [];
  constructor(
    private readonly busy: Readonly<Record<string, readonly BusyInterval[]>>,
    private readonly failing = false,
  ) {}
  async freeBusy(organiser: string, people: readonly string[], from: string, to: string): Promise<FreeBusy[]> {
    this.asked.push({ organiser, people, from, to });
    if (this.failing) throw new Error('calendar down');
    return people.map((email) => {
      const busy = this.busy[email.toLowerCase()];
      return busy ? { email, known: true, busy } : { email, known: false, busy: [] };
    });
  }
  create(): never {
    throw new Error('not asked');
  }
  update(): never {
    throw new Error('not asked');
  }
  cancel(): never {
    throw new Error('not asked');
  }
}

const openDatabase = sqliteDatabases('free-slots');
const NOW = '2027-01-04T09:00:00.000Z';
// Mon 11 Jan to Fri 22 Jan 2027, aiming for Tue 12 Jan.
const WINDOW = { earliest: '2027-01-11', latest: '2027-01-22', target: '2027-01-12' };
const CHAIR = { name: 'Sam Chair', email: 'sam.chair@council.example' };

function request(overrides: Partial<SlotOfferRequest> = {}): SlotOfferRequest {
  return {
    tenantId: 'tenant-1',
    organiser: CHAIR,
    attendees: [CHAIR, { name: 'Pat Parent', email: 'pat@example.org' }, { name: 'Rose Gran', email: '' }],
    window: WINDOW,
    schoolAgeChildAttends: false,
    now: NOW,
    ...overrides,
  };
}

async function freeSlotsWith(calendar: Calendar) {
  const { db } = await openDatabase();
  const bookings = new KyselyBookingStore(db);
  return { bookings, freeSlots: new FreeSlots(calendar, bookings, englandAndWales, DEFAULT_SLOT_RULES), close: () => db.destroy() };
}

describe('FreeSlots.offer', () => {
  it('asks the calendar once for everyone with an email, over the window in London time, and offers the nearest free times first', async () => {
    const calendar = new CountingCalendar({
      'sam.chair@council.example': [{ start: '2027-01-12T09:00:00.000Z', end: '2027-01-12T12:00:00.000Z' }],
    });
    const { freeSlots, close } = await freeSlotsWith(calendar);
    const offer = await freeSlots.offer(request());
    await close();

    expect(calendar.asked).toHaveLength(1);
    expect(calendar.asked[0]).toEqual({
      organiser: CHAIR.email,
      people: ['sam.chair@council.example', 'pat@example.org'],
      from: '2027-01-11T00:00:00.000Z',
      to: '2027-01-23T00:00:00.000Z',
    });
    expect(offer.slots).toHaveLength(5);
    // The chair is busy until noon on the 12th: the first times offered are after it.
    expect(offer.slots.map((s) => `${s.date} ${s.time}`)).toEqual(['2027-01-12 12:00', '2027-01-12 12:30', '2027-01-12 13:00', '2027-01-12 13:30', '2027-01-12 14:00']);
    // Pat is outside the tenant (not readable) and Rose has no email: both named.
    expect(offer.unreadable).toEqual(['Rose Gran', 'Pat Parent']);
  });

  it('asks for each person once, however often they are listed or however their address is cased', async () => {
    const calendar = new CountingCalendar({});
    const { freeSlots, close } = await freeSlotsWith(calendar);
    await freeSlots.offer(request({ attendees: [CHAIR, { name: 'Sam again', email: 'SAM.CHAIR@council.example' }, { name: 'Pat', email: 'pat@example.org' }] }));
    await close();
    expect(calendar.asked.map((a) => a.people)).toEqual([['sam.chair@council.example', 'pat@example.org']]);
  });

  it("keeps the organiser's other bookings clear, as the chair's other reviews", async () => {
    const calendar = new CountingCalendar({ 'sam.chair@council.example': [] });
    const { freeSlots, bookings, close } = await freeSlotsWith(calendar);
    const other = booked({ start: '2027-01-12T15:30:00.000Z', end: '2027-01-12T16:30:00.000Z', organiser: CHAIR, now: NOW });
    await bookings.create(other.booking, other.effects);
    const offer = await freeSlots.offer(request({ schoolAgeChildAttends: true }));
    await close();
    // With a school-age child only 15:30 is left each day; the 12th is taken by the other review.
    expect(offer.slots.map((s) => `${s.date} ${s.time}-${s.endTime}`)).toEqual([
      '2027-01-11 15:30-16:30',
      '2027-01-13 15:30-16:30',
      '2027-01-14 15:30-16:30',
      '2027-01-15 15:30-16:30',
      '2027-01-18 15:30-16:30',
    ]);
  });

  it('still offers times by the rules when the calendar cannot be asked, naming everyone as unread', async () => {
    const calendar = new CountingCalendar({}, true);
    const { freeSlots, close } = await freeSlotsWith(calendar);
    const offer = await freeSlots.offer(request());
    await close();
    expect(calendar.asked).toHaveLength(1);
    expect(offer.slots[0]).toMatchObject({ date: '2027-01-12', time: '09:30', endTime: '10:30' });
    expect(offer.unreadable.sort()).toEqual(['Pat Parent', 'Rose Gran', 'Sam Chair']);
  });

  it('does not wait on a calendar that does not answer: past the time limit the times are found without it', async () => {
    const silent = new CountingCalendar({});
    silent.freeBusy = (...args) => {
      silent.asked.push({ organiser: args[0], people: args[1], from: args[2], to: args[3] });
      return new Promise<never>(() => undefined);
    };
    const { db } = await openDatabase();
    const freeSlots = new FreeSlots(silent, new KyselyBookingStore(db), englandAndWales, DEFAULT_SLOT_RULES, { timeoutMs: 50 });
    const offer = await freeSlots.offer(request());
    await db.destroy();
    expect(silent.asked).toHaveLength(1);
    expect(offer.slots).toHaveLength(5);
    expect(offer.unreadable.sort()).toEqual(['Pat Parent', 'Rose Gran', 'Sam Chair']);
  });

  it('does not ask the calendar when nobody has an email, and offers nothing for a window already past', async () => {
    const calendar = new CountingCalendar({});
    const { freeSlots, close } = await freeSlotsWith(calendar);
    const none = await freeSlots.offer(request({ attendees: [{ name: 'Rose Gran', email: '' }] }));
    const past = await freeSlots.offer(request({ now: '2027-02-01T09:00:00.000Z' }));
    await close();
    // Nobody to ask in the first; the second's window is over before it is asked.
    expect(calendar.asked).toHaveLength(0);
    expect(none).toEqual({ slots: expect.any(Array), unreadable: ['Rose Gran'] });
    expect(none.slots).toHaveLength(5);
    expect(past).toEqual({ slots: [], unreadable: [] });
  });
});
