import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { BookedEvent, Calendar, CalendarEvent, FreeBusy } from '../ports/calendar';
import { EffectFailure } from '../ports/effect-failure';
import { distinctPeople, mergeBusy, ScheduleQuery, scheduleQueries } from './free-busy-plan';
import { parseAnswer } from './graph-answer';
import { GraphRequests, userPath } from './graph-requests';
import { RetryPolicy, Sleep, withRetries } from './graph-retry';
import { eventBody, instantOf } from './outlook-event';

const DateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().nullish() });
const ScheduleAnswer = z.object({
  value: z.array(
    z.object({
      scheduleId: z.string(),
      error: z.object({ message: z.string().nullish(), responseCode: z.string().nullish() }).nullish(),
      scheduleItems: z.array(z.object({ status: z.string(), start: DateTimeTimeZone, end: DateTimeTimeZone })).nullish(),
    }),
  ),
});
const EventAnswer = z.object({
  id: z.string().min(1),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
});

/** Statuses that make a person unavailable; free, workingElsewhere and unknown do not. */
const BUSY_STATUSES = new Set(['busy', 'oof', 'tentative']);

/** The next review's calendar in Exchange Online, through Graph (application permissions). */
export class GraphCalendar implements Calendar {
  constructor(
    private readonly graph: GraphRequests,
    private readonly retry: RetryPolicy,
    private readonly sleep: Sleep,
  ) {}

  async freeBusy(organiser: string, people: readonly string[], from: string, to: string): Promise<FreeBusy[]> {
    const start = Date.parse(from);
    const end = Date.parse(to);
    if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
      throw new EffectFailure('INVALID_WINDOW', `Not a window: ${from} to ${to}`, { retryable: false });
    }
    const queries = scheduleQueries(people, start, end);
    const answers = await Promise.all(queries.map((q) => this.schedule(organiser, q)));
    const byPerson = new Map<string, { known: boolean; busy: Array<{ start: number; end: number }> }>();
    for (const person of distinctPeople(people)) byPerson.set(person.toLowerCase(), { known: true, busy: [] });
    const answered = new Set<string>();
    answers.forEach((answer, index) => {
      for (const item of answer.value) {
        const entry = byPerson.get(item.scheduleId.toLowerCase());
        if (!entry) continue;
        answered.add(`${index}|${item.scheduleId.toLowerCase()}`);
        if (item.error) {
          entry.known = false;
          continue;
        }
        for (const s of item.scheduleItems ?? []) {
          if (!BUSY_STATUSES.has(s.status)) continue;
          const interval = { start: instantOf(s.start), end: instantOf(s.end) };
          if (Number.isNaN(interval.start) || Number.isNaN(interval.end)) {
            throw new EffectFailure('UNEXPECTED_RESPONSE', 'Graph answered a schedule time that could not be read', { retryable: false });
          }
          entry.busy.push(interval);
        }
      }
    });
    // Anyone a call did not answer for is not known: part of their window is missing.
    queries.forEach((query, index) => {
      for (const person of query.schedules) {
        if (!answered.has(`${index}|${person.toLowerCase()}`)) byPerson.get(person.toLowerCase())!.known = false;
      }
    });
    return people.map((email) => {
      const entry = byPerson.get(email.toLowerCase())!;
      return { email, known: entry.known, busy: entry.known ? mergeBusy(entry.busy, start, end) : [] };
    });
  }

  private schedule(organiser: string, query: ScheduleQuery): Promise<z.infer<typeof ScheduleAnswer>> {
    const utc = (ms: number) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
    return withRetries(
      async () =>
        parseAnswer(
          ScheduleAnswer,
          await this.graph.send(
            { mailbox: organiser, mutating: false, what: 'read free/busy' },
            `${userPath(organiser)}/calendar/getSchedule`,
            (r) =>
              r.header('Prefer', 'outlook.timezone="UTC"').post({
                schedules: query.schedules,
                startTime: utc(query.from),
                endTime: utc(query.to),
                availabilityViewInterval: 30,
              }),
          ),
          'getSchedule',
        ),
      this.retry,
      this.sleep,
    );
  }

  async create(event: CalendarEvent): Promise<BookedEvent> {
    // The transactionId makes a repeated POST return the same event, so the whole call may be retried.
    const created = await withRetries(
      async () =>
        parseAnswer(
          EventAnswer,
          await this.graph.send({ mailbox: event.organiser, mutating: true, what: 'create the event' }, `${userPath(event.organiser)}/events`, (r) =>
            r.post(eventBody(event, 'create')),
          ),
          'the new event',
        ),
      this.retry,
      this.sleep,
    );
    return this.withJoinUrl(event, created);
  }

  async update(eventId: string, event: CalendarEvent): Promise<BookedEvent> {
    const updated = await withRetries(
      async () =>
        parseAnswer(
          EventAnswer,
          await this.graph.send(
            { mailbox: event.organiser, mutating: true, what: 'update the event' },
            `${userPath(event.organiser)}/events/${encodeURIComponent(eventId)}`,
            (r) => r.patch(eventBody(event, 'update')),
          ),
          'the updated event',
        ),
      this.retry,
      this.sleep,
    );
    return this.withJoinUrl(event, updated);
  }

  async cancel(organiser: string, eventId: string, comment: string): Promise<void> {
    await withRetries(
      () =>
        this.graph.send(
          { mailbox: organiser, mutating: true, what: 'cancel the event' },
          `${userPath(organiser)}/events/${encodeURIComponent(eventId)}/cancel`,
          (r) =>
            r.post({ comment }).then(
              () => undefined,
              (error: unknown) => {
                // Cancelling removes the event from the organiser's calendar: a repeat finds nothing. Done.
                if (error instanceof GraphError && error.statusCode === 404) return undefined;
                throw error;
              },
            ),
        ),
      this.retry,
      this.sleep,
    );
  }

  /** Graph has been seen answering 201 with no Teams link (microsoft-graph-docs-contrib#4625): ask once more. */
  private async withJoinUrl(event: CalendarEvent, answer: z.infer<typeof EventAnswer>): Promise<BookedEvent> {
    const joinUrl = answer.onlineMeeting?.joinUrl;
    if (!event.online || joinUrl) return joinUrl ? { eventId: answer.id, joinUrl } : { eventId: answer.id };
    let again: z.infer<typeof EventAnswer>;
    try {
      again = await withRetries(
        async () =>
          parseAnswer(
            EventAnswer,
            await this.graph.send(
              { mailbox: event.organiser, mutating: false, what: 'read the event' },
              `${userPath(event.organiser)}/events/${encodeURIComponent(answer.id)}`,
              (r) => r.select(['id', 'onlineMeeting']).get(),
            ),
            'the event',
          ),
        this.retry,
        this.sleep,
      );
    } catch (error) {
      if (error instanceof EffectFailure) return { eventId: answer.id }; // booked; the caller tells the chair
      throw error;
    }
    const url = again.onlineMeeting?.joinUrl;
    return url ? { eventId: answer.id, joinUrl: url } : { eventId: answer.id };
  }
}
