import { z } from 'zod';
import type { BusyInterval, FreeBusy } from '../../ports/calendar';
import { CalendarDate, formatCalendarDate, fromDayNumber, toDayNumber } from '../timescales/calendar-date';
import type { ReviewWindow } from '../timescales/review-window';
import type { WorkingDayCalendar } from '../timescales/working-day-calendar';
import { formatWallTime, londonDayNumberOf, londonInstant, londonMinutesOf, londonOffsetMinutes, parseWallTime } from './london-wall-clock';

/**
 * Finding a time for the next review: busy intervals and rules in, up to five free slots out.
 * Pure: `now` is passed in, nothing is read or written.
 */

const wallTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/u, 'a time is written HH:mm, 00:00 to 24:00');
const wallClockSpan = z
  .object({ start: wallTime, end: wallTime })
  .refine((span) => span.start < span.end, { message: 'the start must be before the end' });

/** The rules a slot must meet; times are Europe/London wall clock. Validate configured rules with this. */
export const slotRulesSchema = z.object({
  /** The hours reviews are held in (001 and 003 set no hours; 09:30-16:30 is the service's default). */
  workingHours: wallClockSpan,
  /** Kept clear when a school-age child attends: "outside of school time, wherever possible" (001 §1). */
  schoolHours: wallClockSpan,
  durationMinutes: z.number().int().min(15).max(600),
  /** Slots start on this grid, counted from midnight (30: on the hour and half hour, as Graph's getSchedule). */
  stepMinutes: z.number().int().min(5).max(240),
  maxSlots: z.number().int().min(1).max(20),
});
export type SlotRules = z.infer<typeof slotRulesSchema>;

/**
 * With both defaults and a school-age child attending, the only time left in a working day is
 * 15:15-16:30 (after school, before the end of working hours), so on the 30-minute grid a 60-minute
 * review can start only at 15:30: at most one slot a day.
 */
export const DEFAULT_SLOT_RULES: SlotRules = {
  workingHours: { start: '09:30', end: '16:30' },
  schoolHours: { start: '08:45', end: '15:15' },
  durationMinutes: 60,
  stepMinutes: 30,
  maxSlots: 5,
};

export interface SlotSearchInput {
  /** The case's review window: only earliest, latest and target are used. */
  readonly window: Pick<ReviewWindow, 'earliest' | 'latest' | 'target'>;
  /** Free/busy of each attendee; those with `known: false` (outside the tenant) cannot be checked. */
  readonly attendees: readonly FreeBusy[];
  /** The chair's other reviews: busy too. */
  readonly chairReviews?: readonly BusyInterval[];
  readonly calendar: WorkingDayCalendar;
  /** True when a child of school age attends: school hours are then kept clear. */
  readonly schoolAgeChildAttends: boolean;
  readonly rules?: Partial<SlotRules>;
  /** ISO instant: no slot starts before it. */
  readonly now: string;
}

export interface Slot {
  /** ISO instants in UTC. */
  readonly start: string;
  readonly end: string;
  /** The London date and wall-clock times ('HH:mm'). */
  readonly date: CalendarDate;
  readonly time: string;
  readonly endTime: string;
  /** Attendees whose calendars could not be read: the slot may clash for them. */
  readonly unknownAttendees: readonly string[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/u;

/**
 * An ISO instant (with Z or an offset) as ms since the epoch. Anything else (a Graph dateTime
 * without its zone, a local time) is an adapter's bug and throws, rather than being read in the
 * process's own zone.
 */
function instantOf(value: string): number {
  const ms = ISO_INSTANT.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${JSON.stringify(value)}`);
  return ms;
}

/** Every busy interval that reaches into [from, to), merged once into sorted, disjoint [start, end) pairs. */
function mergeBusy(lists: ReadonlyArray<readonly BusyInterval[]>, from: number, to: number): { starts: Float64Array; ends: Float64Array } {
  const pairs: Array<[number, number]> = [];
  for (const list of lists) {
    for (const interval of list) {
      const start = instantOf(interval.start);
      const end = instantOf(interval.end);
      if (end > start && end > from && start < to) pairs.push([start, end]);
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [start, end] of pairs) {
    const last = ends.length - 1;
    if (last >= 0 && start <= ends[last]!) ends[last] = Math.max(ends[last]!, end);
    else {
      starts.push(start);
      ends.push(end);
    }
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends) };
}

/** Whether [start, end) overlaps a merged busy interval: binary search for the first one ending after `start`. */
function isBusy(busy: { starts: Float64Array; ends: Float64Array }, start: number, end: number): boolean {
  let lo = 0;
  let hi = busy.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (busy.ends[mid]! > start) hi = mid;
    else lo = mid + 1;
  }
  return lo < busy.starts.length && busy.starts[lo]! < end;
}

/** Working hours less school hours (when they apply), as [start, end) minute spans of a day. */
function freeSpans(rules: SlotRules, schoolAgeChildAttends: boolean): Array<[number, number]> {
  const work: [number, number] = [parseWallTime(rules.workingHours.start), parseWallTime(rules.workingHours.end)];
  if (!schoolAgeChildAttends) return [work];
  const school: [number, number] = [parseWallTime(rules.schoolHours.start), parseWallTime(rules.schoolHours.end)];
  const spans: Array<[number, number]> = [];
  if (work[0] < Math.min(work[1], school[0])) spans.push([work[0], Math.min(work[1], school[0])]);
  if (Math.max(work[0], school[1]) < work[1]) spans.push([Math.max(work[0], school[1]), work[1]]);
  return spans;
}

/** The start minutes, on the grid, of every slot that fits inside one of the spans. */
function candidateStarts(spans: ReadonlyArray<[number, number]>, rules: SlotRules): number[] {
  const starts: number[] = [];
  for (const [from, to] of spans) {
    for (let m = Math.ceil(from / rules.stepMinutes) * rules.stepMinutes; m + rules.durationMinutes <= to; m += rules.stepMinutes) starts.push(m);
  }
  return starts;
}

function resolveRules(partial: Partial<SlotRules> | undefined): SlotRules {
  if (partial === undefined) return DEFAULT_SLOT_RULES;
  const parsed = slotRulesSchema.safeParse({ ...DEFAULT_SLOT_RULES, ...partial });
  if (!parsed.success) {
    throw new RangeError(`slot rules: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/**
 * Up to `maxSlots` free slots inside the window, nearest the target date first (the earlier day on a
 * tie), then earliest time: on working days (no weekend, no bank holiday), inside working hours in
 * Europe/London, outside school hours when a school-age child attends, starting no earlier than
 * `now`, overlapping no busy interval of an attendee whose calendar is known nor any of the chair's
 * other reviews. Busy intervals are merged once; days are walked outwards from the target and the
 * walk stops at the last slot wanted.
 */
export function findSlots(input: SlotSearchInput): Slot[] {
  const rules = resolveRules(input.rules);
  const nowMs = instantOf(input.now);
  const first = Math.max(toDayNumber(input.window.earliest), londonDayNumberOf(nowMs));
  const last = toDayNumber(input.window.latest);
  const target = toDayNumber(input.window.target);
  if (first > last) return [];

  const starts = candidateStarts(freeSpans(rules, input.schoolAgeChildAttends), rules);
  if (starts.length === 0) return [];
  const known = input.attendees.filter((a) => a.known).map((a) => a.busy);
  const busy = mergeBusy([...known, input.chairReviews ?? []], first * DAY_MS - DAY_MS, (last + 2) * DAY_MS);
  const unknownAttendees = Object.freeze(input.attendees.filter((a) => !a.known).map((a) => a.email));
  const durationMs = rules.durationMinutes * MINUTE_MS;
  const firstStart = starts[0]!;
  const lastEnd = starts[starts.length - 1]! + rules.durationMinutes;

  const slots: Slot[] = [];
  // Days outwards from the target (clamped into the window): below, then above, whichever is nearer.
  let below = Math.min(Math.max(target, first), last);
  let above = below + 1;
  while (slots.length < rules.maxSlots && (below >= first || above <= last)) {
    const takeBelow = below >= first && (above > last || target - below <= above - target);
    const day = takeBelow ? below-- : above++;
    const date = fromDayNumber(day);
    if (!input.calendar.isWorkingDay(date)) continue;

    // The day's London offset, once: every candidate is then wall-clock minutes less that offset,
    // which holds while the offset is the same at the first start and the last end (UK clocks
    // change on a Sunday at 01:00 UTC, never inside working hours). Otherwise each start is
    // converted on its own by TZDate (londonInstant).
    const midnightAsUtc = day * DAY_MS;
    const offset = londonOffsetMinutes(midnightAsUtc + DAY_MS / 2);
    const base = midnightAsUtc - offset * MINUTE_MS;
    const sameOffset =
      londonOffsetMinutes(base + firstStart * MINUTE_MS) === offset && londonOffsetMinutes(base + lastEnd * MINUTE_MS) === offset;
    for (const minute of starts) {
      const start = sameOffset ? base + minute * MINUTE_MS : londonInstant(date, minute);
      if (Number.isNaN(start) || start < nowMs) continue;
      const end = start + durationMs;
      if (!sameOffset && londonMinutesOf(end) !== minute + rules.durationMinutes) continue;
      if (isBusy(busy, start, end)) continue;
      slots.push({
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        date,
        time: formatWallTime(minute),
        endTime: formatWallTime(minute + rules.durationMinutes),
        unknownAttendees,
      });
      if (slots.length === rules.maxSlots) break;
    }
  }
  return slots;
}

/** "Tue 12 Jan 2027, 15:30–16:30", for the card a chair picks from. */
export function describeSlot(slot: Pick<Slot, 'date' | 'time' | 'endTime'>): string {
  return `${formatCalendarDate(slot.date)}, ${slot.time}–${slot.endTime}`;
}
