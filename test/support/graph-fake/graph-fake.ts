/**
 * A stateful fake of the Microsoft Graph endpoints the bot uses, on their real https URLs, with msw 2.x
 * intercepting fetch in-process (`onUnhandledRequest: 'error'`): the real Graph client, its middleware and
 * @azure/identity run unchanged against it. Written from Microsoft's documentation (links in
 * /work/shared/PLATFORM-FACTS.md) and from errors seen in the wild; it enforces:
 *   - token endpoint: client credentials for one app; Graph calls need a token it issued (401 otherwise);
 *   - mail: drafts, extended-property look-up ($filter ... Any(ep: ...)), send → 202 with no body (the
 *     sent copy gets a new id), sendMail → 202, request bodies over 4 MB → 413 (so inline attachments
 *     of 3 MB or more, 4 MB in base64, are refused), upload sessions on outlook.office.com
 *     (pre-authenticated: an Authorization header is refused; chunks of at most 4 MB, in order);
 *   - more than 4 requests in flight to one mailbox → 429 ApplicationThrottled ("MailboxConcurrency"),
 *     Retry-After: 1;
 *   - events: transactionId replay with the same body → 201 and the same event, a different body → 400
 *     ErrorDuplicateTransactionId; cancel → 202 and the event is gone (404 after);
 *   - getSchedule: at most 20 schedules, a window under 62 days (400 ErrorInvalidTimeInterval),
 *     addresses outside the tenant's domain answer an error item;
 *   - installedApps: 201, then 409 for the same user and app.
 * Switches script faults (next N requests to a path answer 429/5xx, before or after acting, or answer
 * late) and "201 without joinUrl". Every request is recorded; messages actually sent are counted.
 *
 * Only a real tenant can confirm: that the sent copy in Sent Items keeps the draft's extended properties
 * and that a message waiting in the Outbox already reads isDraft=false (the look-up relies on both); what
 * /send does to a message already sent; the exact error codes for more than 20 schedules, for a bad
 * availabilityViewInterval and for a request over 4 MB (Graph has also been seen answering 400
 * ErrorMessageSizeExceeded for attachments over about 2 MB); which body differences Graph counts as "a different body" for a transactionId, and for how
 * long it remembers one; the error item Graph gives for people outside the tenant; whether a 4 MB chunk
 * means 4,000,000 or 4,194,304 bytes (the adapter sends 3 MiB); how often 201 comes without a joinUrl
 * and how soon a GET has it; RBAC for Applications scoping; real throttling beyond the concurrency rule.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { randomUUID } from 'node:crypto';
import { calendarHandlers, CalendarState } from './fake-calendar';
import { mailHandlers, MailState } from './fake-mail';

export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const UPLOAD_HOST = 'https://outlook.office.com';
export const MAILBOX_CONCURRENCY = 4;
export const REQUEST_BODY_LIMIT = 4 * 1024 * 1024;

export interface RecordedRequest {
  readonly seq: number;
  /** From the fake's clock (a VirtualClock in tests that need it). */
  readonly at: number;
  readonly method: string;
  readonly url: string;
  readonly path: string;
  readonly mailbox?: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON, or undefined for an empty or binary body. */
  readonly body: unknown;
  readonly bytes: number;
  status: number;
}

export interface FakeResponse {
  readonly status: number;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteContext {
  readonly request: Request;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly raw: Uint8Array;
}

export interface RouteOptions {
  /** Which mailbox the request touches (for the concurrency rule). */
  readonly mailbox?: (params: Record<string, string>, url: URL) => string | undefined;
  /** 'none': a pre-authenticated URL, which must not carry a token. */
  readonly auth?: 'bearer' | 'none';
}

export type RouteHandler = (ctx: RouteContext) => FakeResponse | Promise<FakeResponse>;

export interface Fault {
  readonly method?: string;
  /** Matched against the URL's path. */
  readonly path: RegExp;
  readonly times?: number;
  /** Let this many matching requests through first. */
  readonly skip?: number;
  /** Answer this status (with Graph's error JSON) instead of the real answer. */
  readonly status?: 429 | 500 | 502 | 503 | 504;
  readonly retryAfterSeconds?: number;
  /** 'after': do what was asked, then answer the fault anyway (the effect happened, the answer was lost). */
  readonly when?: 'before' | 'after';
  /** Answer normally, but this late (real milliseconds): for client timeouts. The effect still happens. */
  readonly delayMs?: number;
}

export interface GraphFakeOptions {
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly now?: () => number;
  /** Real milliseconds every Graph request takes, so that concurrency shows. */
  readonly latencyMs?: number;
  /** People at this domain have calendars; anyone else is outside the tenant. */
  readonly tenantDomain?: string;
  readonly catalogAppIds?: readonly string[];
}

export function graphError(status: number, code: string, message: string, headers?: Record<string, string>): FakeResponse {
  return {
    status,
    json: { error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } } },
    ...(headers ? { headers } : {}),
  };
}

const sleepReal = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class GraphFake {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly now: () => number;
  readonly requests: RecordedRequest[] = [];
  readonly mail: MailState;
  readonly calendar: CalendarState;
  tokenRequests = 0;
  private readonly tokens = new Set<string>();
  private readonly faults: Array<Fault & { left: number; toSkip: number }> = [];
  private readonly inFlight = new Map<string, number>();
  private handling = 0;
  private idle: Array<() => void> = [];
  private readonly peaks = new Map<string, number>();
  private readonly server: ReturnType<typeof setupServer>;

  constructor(readonly options: GraphFakeOptions = {}) {
    this.tenantId = options.tenantId ?? 'tenant-0001';
    this.clientId = options.clientId ?? 'client-0001';
    this.clientSecret = options.clientSecret ?? 'secret-0001';
    this.now = options.now ?? Date.now;
    this.mail = new MailState();
    this.calendar = new CalendarState(options.tenantDomain ?? 'council.example', options.catalogAppIds ?? ['catalog-app-0001']);
    this.server = setupServer(this.tokenHandler(), ...mailHandlers(this), ...calendarHandlers(this));
  }

  listen(): void {
    this.server.listen({ onUnhandledRequest: 'error' });
  }

  close(): void {
    this.server.close();
  }

  /** Script the next `times` (default 1) requests matching method and path. */
  fail(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1, toSkip: fault.skip ?? 0 });
  }

  /** Resolves once no request is being handled (a late answer to a timed-out request included). */
  settled(): Promise<void> {
    return this.handling === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }

  /** The highest number of requests seen in flight at once for a mailbox. */
  peakConcurrency(mailbox: string): number {
    return this.peaks.get(mailbox.toLowerCase()) ?? 0;
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Wraps a route: records it, checks the token, applies the mailbox concurrency rule and the faults. */
  route(
    method: 'get' | 'post' | 'patch' | 'put' | 'delete',
    path: string | RegExp,
    options: RouteOptions,
    handler: RouteHandler,
  ) {
    return http[method](path, async ({ request, params }) => {
      this.handling += 1;
      try {
        return await this.handle(request, params, options, handler);
      } finally {
        this.handling -= 1;
        if (this.handling === 0) this.idle.splice(0).forEach((resolve) => resolve());
      }
    });
  }

  private async handle(
    request: Request,
    params: Record<string, unknown>,
    options: RouteOptions,
    handler: RouteHandler,
  ): Promise<Response> {
    const url = new URL(request.url);
    const decoded: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (typeof v === 'string') decoded[k] = decodeURIComponent(v);
    const raw = new Uint8Array(await request.arrayBuffer());
    const text = (request.headers.get('content-type') ?? '').includes('json') ? new TextDecoder().decode(raw) : '';
    let body: unknown;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      return this.respond(this.record(request, url, undefined, undefined, raw.length), graphError(400, 'BadRequest', 'Invalid JSON'));
    }
    const mailbox = options.mailbox?.(decoded, url)?.toLowerCase();
    const recorded = this.record(request, url, mailbox, body, raw.length);

    if ((options.auth ?? 'bearer') === 'bearer') {
      const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      if (!token || !this.tokens.has(token)) return this.respond(recorded, graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or not valid.'));
    } else if (request.headers.has('authorization')) {
      return this.respond(recorded, graphError(401, 'InvalidAuthenticationToken', 'The upload URL is pre-authenticated: send no Authorization header.'));
    }
    if (raw.length > REQUEST_BODY_LIMIT) return this.respond(recorded, graphError(413, 'RequestEntityTooLarge', 'The request body is over 4 MB.'));

    if (mailbox) {
      const now = (this.inFlight.get(mailbox) ?? 0) + 1;
      this.inFlight.set(mailbox, now);
      this.peaks.set(mailbox, Math.max(now, this.peaks.get(mailbox) ?? 0));
    }
    try {
      if (mailbox && (this.inFlight.get(mailbox) ?? 0) > MAILBOX_CONCURRENCY) {
        return this.respond(recorded, graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': '1' }));
      }
      if (this.options.latencyMs) await sleepReal(this.options.latencyMs);
      const fault = this.takeFault(request.method, url.pathname);
      if (fault?.delayMs) await sleepReal(fault.delayMs);
      if (fault?.status && fault.when !== 'after') return this.respond(recorded, this.faultResponse(fault));
      const answer = await handler({ request, url, params: decoded, body, raw });
      if (fault?.status && fault.when === 'after') return this.respond(recorded, this.faultResponse(fault));
      return this.respond(recorded, answer);
    } finally {
      if (mailbox) this.inFlight.set(mailbox, (this.inFlight.get(mailbox) ?? 1) - 1);
    }
  }

  private record(request: Request, url: URL, mailbox: string | undefined, body: unknown, bytes: number): RecordedRequest {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => (headers[key] = value));
    const recorded: RecordedRequest = {
      seq: this.requests.length + 1,
      at: this.now(),
      method: request.method,
      url: request.url,
      path: url.pathname,
      ...(mailbox ? { mailbox } : {}),
      headers,
      body,
      bytes,
      status: 0,
    };
    this.requests.push(recorded);
    return recorded;
  }

  private respond(recorded: RecordedRequest, answer: FakeResponse): Response {
    recorded.status = answer.status;
    const headers = { ...(answer.json === undefined ? {} : { 'Content-Type': 'application/json' }), ...answer.headers };
    return new HttpResponse(answer.json === undefined ? null : JSON.stringify(answer.json), { status: answer.status, headers });
  }

  private takeFault(method: string, path: string): Fault | undefined {
    let taken: Fault | undefined;
    for (const f of this.faults) {
      if (f.left === 0 || (f.method && f.method.toUpperCase() !== method) || !f.path.test(path)) continue;
      if (f.toSkip > 0) {
        f.toSkip -= 1;
        continue;
      }
      if (!taken) {
        f.left -= 1;
        taken = f;
      }
    }
    return taken;
  }

  private faultResponse(fault: Fault): FakeResponse {
    const retryAfter = fault.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(fault.retryAfterSeconds) };
    const code = fault.status === 429 ? 'TooManyRequests' : fault.status === 504 ? 'GatewayTimeout' : 'ServiceUnavailable';
    return graphError(fault.status!, code, `Scripted ${fault.status}`, retryAfter);
  }

  private tokenHandler() {
    return http.post('https://login.microsoftonline.com/:tenant/oauth2/v2.0/token', async ({ request, params }) => {
      this.tokenRequests += 1;
      const form = new URLSearchParams(await request.text());
      if (params.tenant !== this.tenantId) {
        return HttpResponse.json({ error: 'invalid_request', error_description: `AADSTS90002: Tenant '${String(params.tenant)}' not found.` }, { status: 400 });
      }
      if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
        return HttpResponse.json({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' }, { status: 401 });
      }
      if (form.get('grant_type') !== 'client_credentials' || form.get('scope') !== 'https://graph.microsoft.com/.default') {
        return HttpResponse.json({ error: 'invalid_scope', error_description: 'AADSTS1002012: The provided scope is invalid.' }, { status: 400 });
      }
      const token = `fake-token-${randomUUID()}`;
      this.tokens.add(token);
      return HttpResponse.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
    });
  }
}
