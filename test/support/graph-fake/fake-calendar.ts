import { TZDate } from '@date-fns/tz';
import { randomUUID } from 'node:crypto';
import type { FakeResponse, GraphFake } from './graph-fake';
import { GRAPH, graphError } from './graph-fake';

export const MAX_SCHEDULES = 20;
export const MAX_WINDOW_MS = 62 * 24 * 3600_000;

export interface ScheduleItem {
  readonly status: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
  readonly start: string;
  readonly end: string;
}

export interface FakeEvent {
  readonly id: string;
  readonly organiser: string;
  readonly transactionId?: string;
  /** The create body, canonical, for transactionId replay. */
  readonly createdWith: string;
  body: Record<string, unknown>;
  cancelled?: { readonly comment: string };
}

export class CalendarState {
  readonly events: FakeEvent[] = [];
  readonly schedules = new Map<string, ScheduleItem[]>();
  readonly installed = new Map<string, Set<string>>();
  /** The next this-many answers carrying an online event leave out onlineMeeting. */
  withholdJoinUrl = 0;

  constructor(
    readonly tenantDomain: string,
    readonly catalogAppIds: readonly string[],
  ) {}

  setSchedule(person: string, items: ScheduleItem[]): void {
    this.schedules.set(person.toLowerCase(), items);
  }

  liveEvents(organiser: string): FakeEvent[] {
    return this.events.filter((e) => e.organiser === organiser.toLowerCase() && !e.cancelled);
  }

  find(organiser: string, id: string): FakeEvent | undefined {
    return this.events.find((e) => e.organiser === organiser.toLowerCase() && e.id === id);
  }
}

/** JSON with object keys sorted: two bodies that differ only in key order are the same body. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function zoneIsValid(zone: unknown): boolean {
  if (typeof zone !== 'string') return false;
  if (zone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Graph's dateTimeTimeZone (IANA zones only in this fake) as epoch ms. */
export function instantOf(value: unknown): number {
  const v = value as { dateTime?: unknown; timeZone?: unknown } | undefined;
  if (!v || typeof v.dateTime !== 'string' || !zoneIsValid(v.timeZone)) return Number.NaN;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(v.dateTime);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return new TZDate(y, mo - 1, d, h, mi, s, v.timeZone as string).getTime();
}

/** As Graph writes it: seven fractional digits, no offset. */
const utc = (ms: number) => ({ dateTime: `${new Date(ms).toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' });

function eventView(state: CalendarState, e: FakeEvent): Record<string, unknown> {
  const online = e.body.isOnlineMeeting === true;
  let onlineMeeting: unknown = null;
  if (online && state.withholdJoinUrl > 0) state.withholdJoinUrl -= 1;
  else if (online) onlineMeeting = { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${e.id}%40thread.v2/0` };
  return { id: e.id, ...e.body, transactionId: e.transactionId ?? null, onlineMeeting };
}

function checkEventBody(b: Record<string, unknown>): FakeResponse | undefined {
  const start = instantOf(b.start);
  const end = instantOf(b.end);
  if (Number.isNaN(start) || Number.isNaN(end)) return graphError(400, 'ErrorInvalidRequest', 'start and end need a dateTime and a valid timeZone.');
  if (end <= start) return graphError(400, 'ErrorInvalidRequest', 'The end must be after the start.');
  if (Array.isArray(b.attendees) && b.attendees.length > 500) return graphError(400, 'ErrorInvalidRequest', 'At most 500 attendees.');
  return undefined;
}

export function calendarHandlers(fake: GraphFake) {
  const state = fake.calendar;
  const byOrganiser = { mailbox: (p: Record<string, string>) => p.organiser };
  const users = `${GRAPH}/users/:organiser`;
  return [
    fake.route('post', `${users}/calendar/getSchedule`, byOrganiser, ({ body }) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const schedules = b.schedules;
      if (!Array.isArray(schedules) || schedules.length === 0 || schedules.some((s) => typeof s !== 'string')) {
        return graphError(400, 'ErrorInvalidRequest', 'schedules must list SMTP addresses.');
      }
      if (schedules.length > MAX_SCHEDULES) return graphError(400, 'ErrorInvalidRequest', `At most ${MAX_SCHEDULES} schedules a request.`);
      const interval = b.availabilityViewInterval ?? 30;
      if (typeof interval !== 'number' || interval < 5 || interval > 1440) return graphError(400, 'ErrorInvalidRequest', 'availabilityViewInterval is 5 to 1440.');
      const from = instantOf(b.startTime);
      const to = instantOf(b.endTime);
      if (Number.isNaN(from) || Number.isNaN(to) || to <= from || to - from >= MAX_WINDOW_MS) {
        return graphError(400, 'ErrorInvalidTimeInterval', 'The time duration specified for FreeBusyViewOptions.TimeWindow is invalid.');
      }
      const slot = interval * 60_000;
      const code = { free: '0', tentative: '1', busy: '2', oof: '3', workingElsewhere: '4', unknown: '?' } as const;
      const value = (schedules as string[]).map((scheduleId) => {
        if (!scheduleId.toLowerCase().endsWith(`@${state.tenantDomain}`)) {
          return { scheduleId, availabilityView: '', error: { message: `The requested user '${scheduleId}' is invalid.`, responseCode: 'ErrorInvalidUser' } };
        }
        const items = (state.schedules.get(scheduleId.toLowerCase()) ?? []).filter((i) => Date.parse(i.end) > from && Date.parse(i.start) < to);
        let view = '';
        for (let t = from; t < to; t += slot) {
          const here = items.filter((i) => Date.parse(i.start) < t + slot && Date.parse(i.end) > t);
          const rank = ['free', 'workingElsewhere', 'tentative', 'busy', 'oof'];
          const top = here.map((i) => i.status).sort((a, b2) => rank.indexOf(b2) - rank.indexOf(a))[0] ?? 'free';
          view += code[top];
        }
        return {
          scheduleId,
          availabilityView: view,
          scheduleItems: items.map((i) => ({ isPrivate: false, status: i.status, start: utc(Date.parse(i.start)), end: utc(Date.parse(i.end)) })),
        };
      });
      return { status: 200, json: { value } };
    }),

    fake.route('post', `${users}/events`, byOrganiser, ({ params, body }) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const refused = checkEventBody(b);
      if (refused) return refused;
      const organiser = params.organiser!.toLowerCase();
      const transactionId = typeof b.transactionId === 'string' ? b.transactionId : undefined;
      const createdWith = canonical(b);
      if (transactionId) {
        const earlier = state.events.find((e) => e.organiser === organiser && e.transactionId === transactionId);
        if (earlier && earlier.createdWith === createdWith) return { status: 201, json: eventView(state, earlier) };
        if (earlier) return graphError(400, 'ErrorDuplicateTransactionId', 'Your request can\'t be completed. The transaction ID has already been used.');
      }
      const event: FakeEvent = { id: `AAMkEv${randomUUID().replace(/-/g, '')}`, organiser, ...(transactionId ? { transactionId } : {}), createdWith, body: { ...b } };
      delete event.body.transactionId;
      state.events.push(event);
      return { status: 201, json: eventView(state, event) };
    }),

    fake.route('get', `${users}/events/:id`, byOrganiser, ({ params }) => {
      const event = state.find(params.organiser!, params.id!);
      if (!event || event.cancelled) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      return { status: 200, json: eventView(state, event) };
    }),

    fake.route('patch', `${users}/events/:id`, byOrganiser, ({ params, body }) => {
      const event = state.find(params.organiser!, params.id!);
      if (!event || event.cancelled) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      const b = (body ?? {}) as Record<string, unknown>;
      if ('transactionId' in b && b.transactionId !== event.transactionId) return graphError(400, 'ErrorInvalidRequest', 'transactionId cannot be changed.');
      if (event.body.isOnlineMeeting === true && b.isOnlineMeeting === false) return graphError(400, 'ErrorInvalidRequest', 'An online meeting stays online.');
      const merged = { ...event.body, ...b };
      delete merged.transactionId;
      const refused = checkEventBody(merged);
      if (refused) return refused;
      event.body = merged;
      return { status: 200, json: eventView(state, event) };
    }),

    fake.route('post', `${users}/events/:id/cancel`, byOrganiser, ({ params, body }) => {
      const event = state.find(params.organiser!, params.id!);
      if (!event || event.cancelled) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      event.cancelled = { comment: String((body as { comment?: unknown } | undefined)?.comment ?? '') };
      return { status: 202 };
    }),

    fake.route('post', `${GRAPH}/users/:user/teamwork/installedApps`, {}, ({ params, body }) => {
      const bind = (body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
      const m = typeof bind === 'string' ? /^https:\/\/graph\.microsoft\.com\/v1\.0\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind) : null;
      if (!m) return graphError(400, 'BadRequest', 'teamsApp@odata.bind must name an app in the catalog.');
      const appId = decodeURIComponent(m[1]!);
      if (!state.catalogAppIds.includes(appId)) return graphError(404, 'NotFound', 'The app is not in the catalog.');
      const user = params.user!.toLowerCase();
      const apps = state.installed.get(user) ?? new Set<string>();
      if (apps.has(appId)) return graphError(409, 'Conflict', 'App is already installed for this user.');
      apps.add(appId);
      state.installed.set(user, apps);
      return { status: 201 };
    }),
  ];
}
