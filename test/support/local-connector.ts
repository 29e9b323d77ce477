import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface SentActivity {
  readonly method: 'POST' | 'PUT';
  readonly conversationId: string;
  /** The id the connector gave (POST) or the id updated (PUT). */
  readonly id: string;
  readonly activity: Record<string, any>;
}

/** A conversation the bot started (POST /v3/conversations), as the connector recorded it. */
export interface CreatedConversation {
  readonly conversationId: string;
  readonly memberIds: readonly string[];
  readonly tenantId: string;
  readonly body: Record<string, any>;
}

/** A file the bot put at an upload URL the connector handed out (as a OneDrive upload session takes it). */
export interface ReceivedUpload {
  readonly sessionId: string;
  readonly bytes: Buffer;
  readonly contentLength: string | undefined;
  readonly contentRange: string | undefined;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
}

/** What Teams puts in `value.uploadInfo` of a file consent accept. */
export interface UploadInfo {
  uploadUrl: string;
  contentUrl: string;
  name: string;
  uniqueId: string;
  fileType: string;
}

export interface ConnectorMember {
  id: string;
  name: string;
  aadObjectId?: string;
  /** The member's own tenant, as Teams' roster gives it. */
  tenantId?: string;
  email?: string;
  userPrincipalName?: string;
}

/**
 * A local stand-in for the Bot Framework connector service (the `serviceUrl` of an activity):
 * it records every activity the bot sends or updates, and answers the roster calls Teams answers. It
 * starts 1:1 chats (POST /v3/conversations) and refuses them, and posts into them, with 403
 * BotNotInConversationRoster for the users marked `notInstalled`, as Teams does.
 */
export class LocalConnector {
  readonly sent: SentActivity[] = [];
  members: ConnectorMember[] = [];
  /** Make the roster calls fail, as Teams does when the bot may not read a chat's members. */
  rosterFails = false;
  /** Every POST /v3/conversations, in order (a 1:1 chat asked for again gets the same id, as Teams does). */
  readonly created: CreatedConversation[] = [];
  /** Entra ids of users for whom the bot's app is not installed: starting or writing to their 1:1 chat is refused. */
  readonly notInstalled = new Set<string>();
  /** Every upload the bot made to a session this connector handed out (see `uploadSession`). */
  readonly uploads: ReceivedUpload[] = [];
  /** Upload sessions handed out and not yet completed. */
  private readonly openSessions = new Set<string>();
  private refusedUploads: { status: number; left: number } | undefined;
  /**
   * Posts into a 1:1 chat are recorded on arrival and answered this long after, as Teams takes its
   * time to answer: the window in which a message is sent and the bot does not yet know it.
   */
  personalPostDelayMs = 0;
  /** The 1:1 chats started, by member id, and whose they are. */
  private readonly personalChats = new Map<string, string>();
  /** While set, updates (PUT) are recorded on arrival but not answered: a connector that stalls. */
  private held: Array<() => void> | undefined;
  private server?: Server;
  private nextId = 1;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `count` updates are refused with this status (and Retry-After, in seconds, when given), as Teams throttles. */
  failUpdates(status: number, count: number, retryAfterSeconds?: number): void {
    this.refusedUpdates = { status, left: count, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
  }

  private refusedUpdates: { status: number; left: number; retryAfterSeconds?: number } | undefined;

  /**
   * An upload session for a file, as Teams gives one when a user accepts a file consent card: the bot
   * PUTs the whole file to `uploadUrl` (Content-Range `bytes 0-(n-1)/n`); a completed session takes no more (404).
   */
  uploadSession(name: string): UploadInfo {
    const sessionId = `session-${this.nextId++}`;
    this.openSessions.add(sessionId);
    return {
      uploadUrl: `${this.url}upload-sessions/${sessionId}`,
      contentUrl: `${this.url}files/${sessionId}/${encodeURIComponent(name)}`,
      name,
      uniqueId: `unique-${sessionId}`,
      fileType: 'pdf',
    };
  }

  /** The next `count` uploads are refused with this status, as OneDrive does when busy. */
  failUploads(status: number, count: number): void {
    this.refusedUploads = { status, left: count };
  }
  /** The next `count` posts into 1:1 chats are refused with this status (not recorded: nothing was delivered). */
  failPersonalPosts(status: number, count: number): void {
    this.refusedPersonalPosts = { status, left: count };
  }

  private refusedPersonalPosts: { status: number; left: number; retryAfterSeconds?: number } | undefined;

  /** Stall every update from now on until `release()`: they arrive, and wait for an answer. */
  holdUpdates(): void {
    this.held ??= [];
  }

  /** Updates that arrived and are waiting for an answer. */
  get heldUpdates(): number {
    return this.held?.length ?? 0;
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = undefined;
    for (const answer of waiting) answer();
  }

  /**
   * Resolves once no client holds a connection open: after a bot process is killed, once every one of
   * its sockets has closed, whatever it had sent has arrived and been recorded.
   */
  async idle(timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const open = await new Promise<number>((resolve, reject) => this.server!.getConnections((e, n) => (e ? reject(e) : resolve(n))));
      if (open === 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`connections to the local connector still open after ${timeoutMs} ms`);
  }

  /** Messages posted into one conversation. */
  postedTo(conversationId: string): SentActivity[] {
    return this.posted().filter((s) => s.conversationId === conversationId);
  }

  /** The 1:1 chat started with this member, if any. */
  personalChatOf(memberId: string): string | undefined {
    return this.personalChats.get(memberId.toLowerCase());
  }

  /** Messages posted (not updates), optionally only those with an Adaptive Card. */
  posted(): SentActivity[] {
    return this.sent.filter((s) => s.method === 'POST');
  }

  updates(): SentActivity[] {
    return this.sent.filter((s) => s.method === 'PUT');
  }

  /**
   * The card a message shows now: the last update of it, or as posted. `first` picks the message: by
   * default the first the bot posted into the conversation (the shared progress card).
   */
  currentCard(conversationId: string, activityId = this.postedTo(conversationId)[0]?.id): Record<string, any> | undefined {
    const versions = this.sent.filter((s) => s.conversationId === conversationId && s.id === activityId);
    return versions.length === 0 ? undefined : cardOf(versions[versions.length - 1]!.activity);
  }

  /** The card of the bot's latest posted message (a reply), not of an update the outbox made to an earlier one. */
  lastCard(): Record<string, any> | undefined {
    const posted = this.posted();
    for (let i = posted.length - 1; i >= 0; i--) {
      const card = cardOf(posted[i]!.activity);
      if (card) return card;
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const body = raw.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] === 'upload-sessions') return this.upload(req, res, parts[1] ?? '', raw);
    // /v3/conversations/{id}/activities[/{activityId}] and /v3/conversations/{id}/pagedmembers
    const conversationId = parts[2] ?? '';
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.method === 'GET' && this.rosterFails) return reply(500, { error: { code: 'ServiceError', message: 'roster unavailable' } });
    if (req.method === 'GET' && parts[3] === 'pagedmembers') return reply(200, { members: this.members });
    if (req.method === 'GET' && parts[3] === 'members') return reply(200, this.members);
    const notInRoster = () => reply(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
    if (req.method === 'POST' && parts.length === 2 && parts[1] === 'conversations') {
      const params = JSON.parse(body || '{}') as Record<string, any>;
      const memberIds = ((params.members ?? []) as Array<{ id: string }>).map((m) => m.id.toLowerCase());
      if (memberIds.some((id) => this.notInstalled.has(id))) return notInRoster();
      const key = memberIds.join(',');
      const conversationId = this.personalChats.get(key) ?? `a:personal-${this.nextId++}`;
      this.personalChats.set(key, conversationId);
      this.created.push({ conversationId, memberIds, tenantId: params.tenantId ?? params.channelData?.tenant?.id ?? '', body: params });
      return reply(201, { id: conversationId });
    }
    if (req.method === 'POST' && parts[3] === 'activities') {
      const owner = [...this.personalChats.entries()].find(([, id]) => id === conversationId)?.[0];
      if (owner !== undefined && this.notInstalled.has(owner)) return notInRoster();
    }
    if (parts[3] === 'activities' && (req.method === 'POST' || req.method === 'PUT')) {
      const activity = JSON.parse(body || '{}') as Record<string, any>;
      const id = req.method === 'PUT' ? (parts[4] ?? '') : `sent-${this.nextId++}`;
      const personal = [...this.personalChats.values()].includes(conversationId);
      const refused = req.method === 'PUT' ? this.refusedUpdates : personal ? this.refusedPersonalPosts : undefined;
      if (refused && refused.left > 0) {
        refused.left--;
        res.writeHead(refused.status, { 'content-type': 'application/json', ...(refused.retryAfterSeconds !== undefined ? { 'retry-after': String(refused.retryAfterSeconds) } : {}) });
        return void res.end(JSON.stringify({ error: { code: refused.status === 429 ? 'TooManyRequests' : 'ServiceError', message: 'refused by the test' } }));
      }
      this.sent.push({ method: req.method, conversationId, id, activity });
      if (req.method === 'PUT' && this.held) return void this.held.push(() => reply(200, { id }));
      if (req.method === 'POST' && personal && this.personalPostDelayMs > 0) return void setTimeout(() => reply(200, { id }), this.personalPostDelayMs);
      return reply(200, { id });
    }
    reply(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
  }

  /** A PUT to an upload session: the whole file in one range, checked as OneDrive checks it; 201 with the item. */
  private upload(req: IncomingMessage, res: ServerResponse, sessionId: string, bytes: Buffer): void {
    const answer = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== 'PUT') return answer(405, { error: { code: 'invalidRequest', message: 'PUT only' } });
    if (!this.openSessions.has(sessionId)) return answer(404, { error: { code: 'itemNotFound', message: 'The upload session was not found' } });
    const refused = this.refusedUploads;
    if (refused && refused.left > 0) {
      refused.left--;
      return answer(refused.status, { error: { code: 'serviceNotAvailable', message: 'refused by the test' } });
    }
    const n = bytes.length;
    if (n === 0 || req.headers['content-range'] !== `bytes 0-${n - 1}/${n}` || req.headers['content-length'] !== String(n)) {
      return answer(400, { error: { code: 'invalidRange', message: 'Content-Range or Content-Length does not match the body' } });
    }
    this.openSessions.delete(sessionId);
    this.uploads.push({
      sessionId,
      bytes,
      contentLength: req.headers['content-length'],
      contentRange: req.headers['content-range'],
      contentType: req.headers['content-type'],
      authorization: req.headers.authorization,
    });
    answer(201, { id: `item-${sessionId}`, size: n });
  }
}

export function cardOf(activity: Record<string, any>): Record<string, any> | undefined {
  const attachment = (activity.attachments ?? []).find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
