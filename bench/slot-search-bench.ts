import { BOOKING_GRAMMAR, SlotSearchInput, findSlots, parseTypedBooking } from '../src/domain/booking';
import { WorkingDayCalendar, addDays, loadBankHolidaysFile } from '../src/domain/timescales';
import { FreeBusy } from '../src/ports/calendar';

/** Median and 99th percentile of one operation, in milliseconds, over `runs` timed calls. */
export interface CallFigures {
  readonly runs: number;
  readonly medianMs: number;
  readonly p99Ms: number;
}

function figures(samples: number[]): CallFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { runs: sorted.length, medianMs: at(0.5), p99Ms: at(0.99) };
}

/**
 * Times each call of every operation, interleaved (a, b, c, a, b, c, ...) so that all of them see the
 * same machine load, after a warm-up that is not measured.
 */
function timeEach(runs: number, operations: ReadonlyArray<() => unknown>): CallFigures[] {
  const samples = operations.map((): number[] => []);
  let sink = 0;
  for (let i = 0; i < Math.min(500, runs); i++) for (const op of operations) sink += op() ? 1 : 0;
  for (let i = 0; i < runs; i++) {
    operations.forEach((op, k) => {
      const start = process.hrtime.bigint();
      sink += op() ? 1 : 0;
      samples[k]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  if (sink < 0) console.log(sink);
  return samples.map(figures);
}

export interface SlotSearchFigures {
  readonly attendees: number;
  readonly windowDays: number;
  readonly slotsFound: number;
  /** 20 attendees, each busy one whole working day: the 20 working days nearest the target, so the walk passes them all. */
  readonly search: CallFigures;
  /** Baseline: the same search with no busy intervals (the same walk, no merging, nothing in the way). */
  readonly noBusy: CallFigures;
  /** Baseline: a plain loop over the window's days asking the calendar whether each is a working day. */
  readonly dayLoop: CallFigures;
  readonly goalMs: number;
}

/**
 * The slot search of the booking issue: 20 attendees with a busy day each over a 6-week window
 * (defaults: working hours, school hours for a school-age child, 60 minutes, 5 slots).
 */
export function benchSlotSearch(runs = 5000): SlotSearchFigures {
  const calendar = WorkingDayCalendar.fromBankHolidays(loadBankHolidaysFile());
  const earliest = '2027-02-15';
  const latest = addDays(earliest, 41);
  const target = addDays(earliest, 21);
  const workingDays: string[] = [];
  for (let d = 0; d <= 41; d++) if (calendar.isWorkingDay(addDays(earliest, d))) workingDays.push(addDays(earliest, d));
  const nearest = [...workingDays].sort((a, b) => Math.abs(Date.parse(a) - Date.parse(target)) - Math.abs(Date.parse(b) - Date.parse(target)) || a.localeCompare(b));
  const attendees: FreeBusy[] = nearest.slice(0, 20).map((day, i) => ({
    email: `attendee${i}@council.example`,
    known: true,
    // A whole London working day (08:00-18:00 UTC covers it in GMT and BST), plus two ordinary meetings elsewhere.
    busy: [
      { start: `${day}T08:00:00.000Z`, end: `${day}T18:00:00.000Z` },
      { start: `${workingDays[i % workingDays.length]}T10:00:00.000Z`, end: `${workingDays[i % workingDays.length]}T11:00:00.000Z` },
      { start: `${workingDays[(i * 7) % workingDays.length]}T13:30:00.000Z`, end: `${workingDays[(i * 7) % workingDays.length]}T14:00:00.000Z` },
    ],
  }));
  const input: SlotSearchInput = {
    window: { earliest, latest, target },
    attendees,
    calendar,
    schoolAgeChildAttends: true,
    now: '2027-02-01T09:00:00.000Z',
  };
  const free: SlotSearchInput = { ...input, attendees: attendees.map((a) => ({ ...a, busy: [] })) };
  const dayLoop = () => {
    let n = 0;
    for (let d = 0; d <= 41; d++) if (calendar.isWorkingDay(addDays(earliest, d))) n++;
    return n;
  };
  const [search, noBusy, loop] = timeEach(runs, [() => findSlots(input).length, () => findSlots(free).length, dayLoop]);
  return {
    attendees: attendees.length,
    windowDays: 42,
    slotsFound: findSlots(input).length,
    search: search!,
    noBusy: noBusy!,
    dayLoop: loop!,
    goalMs: 5,
  };
}

export interface TypedBookingFigures {
  /** The four example commands of the grammar, in turn. */
  readonly command: CallFigures;
  /** Baseline: the same function given "help". */
  readonly help: CallFigures;
}

/** Reading a typed booking command, beside reading "help" with the same function. */
export function benchTypedBooking(runs = 5000): TypedBookingFigures {
  const now = '2027-01-04T10:00:00.000Z';
  const examples = BOOKING_GRAMMAR.examples;
  let i = 0;
  const [command, help] = timeEach(runs, [() => parseTypedBooking(examples[i++ % examples.length], now).kind, () => parseTypedBooking('help', now).kind]);
  return { command: command!, help: help! };
}
