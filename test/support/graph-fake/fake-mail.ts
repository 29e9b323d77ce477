import { randomUUID } from 'node:crypto';
import type { FakeResponse, GraphFake } from './graph-fake';
import { GRAPH, graphError, UPLOAD_HOST } from './graph-fake';

export const CHUNK_LIMIT = 4 * 1024 * 1024;

export interface FakeAttachment {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  readonly via: 'inline' | 'post' | 'upload-session';
}

export interface FakeMessage {
  id: string;
  readonly mailbox: string;
  folder: 'drafts' | 'sentitems';
  isDraft: boolean;
  readonly internetMessageId: string;
  subject: string;
  body: { contentType: string; content: string };
  toRecipients: Array<{ emailAddress: { name?: string; address: string } }>;
  attachments: FakeAttachment[];
  readonly properties: Map<string, string>;
}

interface UploadSession {
  readonly mailbox: string;
  readonly messageId: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  readonly parts: Uint8Array[];
  received: number;
}

export class MailState {
  readonly messages: FakeMessage[] = [];
  /** Every message actually sent, in order. */
  readonly sent: FakeMessage[] = [];
  readonly sessions = new Map<string, UploadSession>();
  /** Sizes of every upload chunk received. */
  readonly chunkSizes: number[] = [];

  sentFrom(mailbox: string): FakeMessage[] {
    return this.sent.filter((m) => m.mailbox === mailbox.toLowerCase());
  }

  sentCount(mailbox: string): number {
    return this.sentFrom(mailbox).length;
  }

  drafts(mailbox: string): FakeMessage[] {
    return this.messages.filter((m) => m.mailbox === mailbox.toLowerCase() && m.isDraft);
  }

  find(mailbox: string, id: string): FakeMessage | undefined {
    return this.messages.find((m) => m.mailbox === mailbox.toLowerCase() && m.id === id);
  }
}

let counter = 0;
const newId = (prefix: string) => `${prefix}${(++counter).toString(36).padStart(6, '0')}${randomUUID().replace(/-/g, '').slice(0, 16)}`;

const FILTER = /^singleValueExtendedProperties\/Any\(ep: ep\/id eq '((?:[^']|'')*)' and ep\/value eq '((?:[^']|'')*)'\)$/i;
const PROPERTY_ID = /^String \{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\} Name \S+$/i;
const unquote = (s: string) => s.replace(/''/g, "'");

function view(m: FakeMessage, select: string[] | undefined): Record<string, unknown> {
  const full: Record<string, unknown> = {
    id: m.id,
    isDraft: m.isDraft,
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    body: m.body,
    toRecipients: m.toRecipients,
    hasAttachments: m.attachments.length > 0,
    parentFolderId: m.folder,
  };
  if (!select) return full;
  return Object.fromEntries(Object.entries(full).filter(([k]) => k === 'id' || select.includes(k)));
}

function decodeAttachments(list: unknown): FakeAttachment[] | FakeResponse {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return graphError(400, 'ErrorInvalidRequest', 'attachments must be an array');
  const out: FakeAttachment[] = [];
  for (const a of list as Array<Record<string, unknown>>) {
    if (a['@odata.type'] !== '#microsoft.graph.fileAttachment' || typeof a.name !== 'string' || typeof a.contentBytes !== 'string') {
      return graphError(400, 'ErrorInvalidRequest', 'Only fileAttachment with name and contentBytes is faked');
    }
    out.push({ id: newId('AAMkAtt'), name: a.name, contentType: String(a.contentType ?? 'application/octet-stream'), bytes: Buffer.from(a.contentBytes, 'base64'), via: 'inline' });
  }
  // Inline files of 3 MB or more never get here: in base64 they make the request over 4 MB (413).
  return out;
}

function readProperties(list: unknown, into: Map<string, string>): FakeResponse | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) return graphError(400, 'ErrorInvalidRequest', 'singleValueExtendedProperties must be an array');
  for (const p of list as Array<Record<string, unknown>>) {
    if (typeof p.id !== 'string' || !PROPERTY_ID.test(p.id) || typeof p.value !== 'string') {
      return graphError(400, 'ErrorInvalidProperty', 'The extended property id is not valid.');
    }
    into.set(p.id, p.value);
  }
  return undefined;
}

function newMessage(mailbox: string, body: Record<string, unknown>, attachments: FakeAttachment[], properties: Map<string, string>): FakeMessage {
  return {
    id: newId('AAMkAD'),
    mailbox,
    folder: 'drafts',
    isDraft: true,
    internetMessageId: `<${randomUUID()}@fake.prod.outlook.com>`,
    subject: String(body.subject ?? ''),
    body: (body.body as FakeMessage['body']) ?? { contentType: 'Text', content: '' },
    toRecipients: (body.toRecipients as FakeMessage['toRecipients']) ?? [],
    attachments,
    properties,
  };
}

function markSent(state: MailState, message: FakeMessage): void {
  // The sent copy in Sent Items is a new item: a new id; the draft's properties go with it (assumed).
  message.id = newId('AAMkSent');
  message.folder = 'sentitems';
  message.isDraft = false;
  state.sent.push(message);
}

export function mailHandlers(fake: GraphFake) {
  const state = fake.mail;
  const byMailbox = { mailbox: (p: Record<string, string>) => p.mailbox };
  const users = `${GRAPH}/users/:mailbox`;
  return [
    fake.route('get', `${users}/messages`, byMailbox, ({ params, url }) => {
      const mailbox = params.mailbox!.toLowerCase();
      const filter = url.searchParams.get('$filter');
      const select = url.searchParams.get('$select')?.split(',');
      let found = state.messages.filter((m) => m.mailbox === mailbox);
      if (filter !== null) {
        const m = FILTER.exec(filter);
        if (!m) return graphError(400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');
        const [id, value] = [unquote(m[1]!), unquote(m[2]!).toLowerCase()];
        // The property's id is matched exactly; its value case-insensitively (as documented).
        found = found.filter((msg) => msg.properties.get(id)?.toLowerCase() === value);
      }
      return { status: 200, json: { value: found.map((m) => view(m, select)) } };
    }),

    fake.route('post', `${users}/messages`, byMailbox, ({ params, body }) => {
      const b = (body ?? {}) as Record<string, unknown>;
      const attachments = decodeAttachments(b.attachments);
      if (!Array.isArray(attachments)) return attachments;
      const properties = new Map<string, string>();
      const refused = readProperties(b.singleValueExtendedProperties, properties);
      if (refused) return refused;
      const message = newMessage(params.mailbox!.toLowerCase(), b, attachments, properties);
      state.messages.push(message);
      return { status: 201, json: view(message, undefined) };
    }),

    fake.route('patch', `${users}/messages/:id`, byMailbox, ({ params, body }) => {
      const message = state.find(params.mailbox!, params.id!);
      if (!message) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      const b = (body ?? {}) as Record<string, unknown>;
      const refused = readProperties(b.singleValueExtendedProperties, message.properties);
      if (refused) return refused;
      if (typeof b.subject === 'string') message.subject = b.subject;
      return { status: 200, json: view(message, undefined) };
    }),

    fake.route('delete', `${users}/messages/:id`, byMailbox, ({ params }) => {
      const message = state.find(params.mailbox!, params.id!);
      if (!message) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      state.messages.splice(state.messages.indexOf(message), 1);
      return { status: 204 };
    }),

    fake.route('post', `${users}/messages/:id/attachments`, byMailbox, ({ params, body }) => {
      const message = state.find(params.mailbox!, params.id!);
      if (!message) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      const decoded = decodeAttachments([body]);
      if (!Array.isArray(decoded)) return decoded;
      const attachment = { ...decoded[0]!, via: 'post' as const };
      message.attachments.push(attachment);
      return { status: 201, json: { id: attachment.id, name: attachment.name, size: attachment.bytes.length } };
    }),

    fake.route('post', `${users}/messages/:id/attachments/createUploadSession`, byMailbox, ({ params, body }) => {
      const message = state.find(params.mailbox!, params.id!);
      if (!message) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      const item = (body as { AttachmentItem?: Record<string, unknown> } | undefined)?.AttachmentItem;
      if (!item || item.attachmentType !== 'file' || typeof item.name !== 'string' || typeof item.size !== 'number' || item.size > 150 * 1024 * 1024) {
        return graphError(400, 'ErrorInvalidRequest', 'AttachmentItem needs attachmentType file, a name and a size up to 150 MB.');
      }
      const id = newId('Sess');
      state.sessions.set(id, {
        mailbox: message.mailbox,
        messageId: message.id,
        name: item.name,
        size: item.size,
        contentType: String(item.contentType ?? 'application/octet-stream'),
        parts: [],
        received: 0,
      });
      const uploadUrl = `${UPLOAD_HOST}/api/v2.0/Users('${message.mailbox}')/Messages('${message.id}')/AttachmentSessions('${id}')?authtoken=${randomUUID().replace(/-/g, '')}`;
      return { status: 201, json: { uploadUrl, expirationDateTime: new Date(fake.now() + 6 * 3600_000).toISOString(), nextExpectedRanges: ['0-'] } };
    }),

    fake.route(
      'put',
      /^https:\/\/outlook\.office\.com\/api\/v2\.0\/Users\('[^']+'\)\/Messages\('[^']+'\)\/AttachmentSessions\('[^']+'\)/,
      { mailbox: (_p, url) => /Users\('([^']+)'\)/.exec(decodeURIComponent(url.pathname))?.[1], auth: 'none' },
      ({ url, request, raw }) => {
        const id = /AttachmentSessions\('([^']+)'\)/.exec(decodeURIComponent(url.pathname))?.[1] ?? '';
        const session = state.sessions.get(id);
        if (!session) return graphError(404, 'ErrorItemNotFound', 'The upload session does not exist or has expired.');
        const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(request.headers.get('content-range') ?? '');
        if (!range) return graphError(400, 'ErrorInvalidContentRange', 'A Content-Range header is required.');
        const [start, end, total] = range.slice(1).map(Number) as [number, number, number];
        if (start !== session.received || end - start + 1 !== raw.length || total !== session.size || end >= total) {
          return graphError(400, 'ErrorInvalidContentRange', `Expected bytes from ${session.received} of ${session.size}.`);
        }
        if (raw.length > CHUNK_LIMIT) return graphError(400, 'ErrorInvalidContentRange', 'A chunk may be at most 4 MB.');
        state.chunkSizes.push(raw.length);
        session.parts.push(raw);
        session.received += raw.length;
        if (session.received < session.size) {
          return { status: 200, json: { expirationDateTime: new Date(fake.now() + 6 * 3600_000).toISOString(), nextExpectedRanges: [`${session.received}-`] } };
        }
        state.sessions.delete(id);
        const message = state.find(session.mailbox, session.messageId);
        if (!message) return graphError(404, 'ErrorItemNotFound', 'The message is gone.');
        const attachment: FakeAttachment = { id: newId('AAMkAtt'), name: session.name, contentType: session.contentType, bytes: Buffer.concat(session.parts), via: 'upload-session' };
        message.attachments.push(attachment);
        return { status: 201, headers: { Location: `${UPLOAD_HOST}/api/v2.0/Users('${session.mailbox}')/Messages('${message.id}')/Attachments('${attachment.id}')` } };
      },
    ),

    fake.route('post', `${users}/messages/:id/send`, byMailbox, ({ params }) => {
      const message = state.find(params.mailbox!, params.id!);
      if (!message || !message.isDraft) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      markSent(state, message);
      return { status: 202 };
    }),

    fake.route('post', `${users}/sendMail`, byMailbox, ({ params, body }) => {
      const b = (body ?? {}) as { message?: Record<string, unknown>; saveToSentItems?: boolean };
      if (!b.message) return graphError(400, 'ErrorInvalidRequest', 'message is required');
      const attachments = decodeAttachments(b.message.attachments);
      if (!Array.isArray(attachments)) return attachments;
      const properties = new Map<string, string>();
      const refused = readProperties(b.message.singleValueExtendedProperties, properties);
      if (refused) return refused;
      const message = newMessage(params.mailbox!.toLowerCase(), b.message, attachments, properties);
      markSent(state, message);
      if (b.saveToSentItems !== false) state.messages.push(message);
      return { status: 202 };
    }),
  ];
}
