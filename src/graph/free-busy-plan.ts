import { BusyInterval } from '../ports/calendar';

/**
 * How a free/busy question is split for Graph's getSchedule: at most 20 schedules a call, and a window
 * shorter than 62 days (61 days here). n people over a window under 62 days take ceil(n / 20) calls;
 * a longer window takes that many calls per piece.
 */
export const MAX_SCHEDULES_PER_CALL = 20;
export const MAX_WINDOW_MS = 61 * 24 * 60 * 60 * 1000;

export interface ScheduleQuery {
  readonly schedules: readonly string[];
  readonly from: number;
  readonly to: number;
}

/** Distinct addresses (case-insensitively), first spelling kept, in the order asked. */
export function distinctPeople(people: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const person of people) {
    const key = person.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(person);
  }
  return out;
}

export function windowsOf(from: number, to: number, maxMs = MAX_WINDOW_MS): Array<{ from: number; to: number }> {
  if (!(to > from)) return [];
  const pieces: Array<{ from: number; to: number }> = [];
  for (let start = from; start < to; start += maxMs) pieces.push({ from: start, to: Math.min(start + maxMs, to) });
  return pieces;
}

export function scheduleQueries(people: readonly string[], from: number, to: number): ScheduleQuery[] {
  const distinct = distinctPeople(people);
  const queries: ScheduleQuery[] = [];
  for (const window of windowsOf(from, to)) {
    for (let i = 0; i < distinct.length; i += MAX_SCHEDULES_PER_CALL) {
      queries.push({ schedules: distinct.slice(i, i + MAX_SCHEDULES_PER_CALL), ...window });
    }
  }
  return queries;
}

/** Busy intervals clipped to [from, to), sorted, overlapping or touching ones merged. */
export function mergeBusy(intervals: ReadonlyArray<{ start: number; end: number }>, from: number, to: number): BusyInterval[] {
  const clipped = intervals
    .map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const interval of clipped) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged.map((i) => ({ start: new Date(i.start).toISOString(), end: new Date(i.end).toISOString() }));
}
