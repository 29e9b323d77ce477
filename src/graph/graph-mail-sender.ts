import { z } from 'zod';
import { EffectFailure } from '../ports/effect-failure';
import { Email, EmailAttachment, MailSender } from '../ports/mail-sender';
import { parseAnswer } from './graph-answer';
import { GraphRequests, userPath } from './graph-requests';
import { RetryPolicy, Sleep, withRetries } from './graph-retry';
import {
  attachmentsOf,
  draftMessage,
  fileAttachment,
  fitsInline,
  IDEMPOTENCY_PROPERTY,
  INLINE_ATTACHMENTS_LIMIT,
  keyDigest,
  PENDING_PROPERTY,
  propertyFilter,
  UPLOAD_CHUNK_BYTES,
} from './outlook-message';

const FoundMessage = z.object({
  id: z.string().min(1),
  isDraft: z.boolean().optional(),
  internetMessageId: z.string().nullish(),
});
type FoundMessage = z.infer<typeof FoundMessage>;
const FoundMessages = z.object({ value: z.array(FoundMessage) });
const UploadSession = z.object({ uploadUrl: z.string().url() });

/**
 * Sends email from one shared mailbox by draft-then-send, so that trying again with the same
 * idempotency key never sends a second copy:
 *   1. look the key up (all folders): a sent copy → done; a complete draft → send it;
 *   2. otherwise create the draft with the key in an extended property, then send it.
 * With 3 MB of attachments or more the draft is created without them and marked pending; the files go
 * by upload session (small ones by a plain POST), and only then is the draft given the key. A pending
 * draft left by a crash is deleted by the next try. Each try repeats the whole look-up, so a 5xx or a
 * timeout on /send that did send is found as sent the next time.
 */
export class GraphMailSender implements MailSender {
  constructor(
    private readonly graph: GraphRequests,
    private readonly mailbox: string,
    private readonly retry: RetryPolicy,
    private readonly sleep: Sleep,
  ) {}

  async send(email: Email): Promise<{ readonly reference: string }> {
    if (email.to.length === 0) throw new EffectFailure('NO_ADDRESS', 'The email has no recipient', { retryable: false });
    return withRetries(() => this.sendOnce(email), this.retry, this.sleep);
  }

  private get base(): string {
    return userPath(this.mailbox);
  }

  private async sendOnce(email: Email): Promise<{ readonly reference: string }> {
    const key = keyDigest(email.idempotencyKey);
    const found = await this.find(IDEMPOTENCY_PROPERTY, key);
    const sent = found.find((m) => m.isDraft === false);
    if (sent) return { reference: referenceOf(sent) };
    const draft = found.find((m) => m.isDraft !== false) ?? (await this.createDraft(email, key));
    await this.graph.send(
      { mailbox: this.mailbox, mutating: true, what: 'send the email' },
      `${this.base}/messages/${encodeURIComponent(draft.id)}/send`,
      (r) => r.post(undefined),
    );
    return { reference: referenceOf(draft) };
  }

  private async find(propertyId: string, value: string): Promise<FoundMessage[]> {
    const answer = await this.graph.send(
      { mailbox: this.mailbox, mutating: false, what: 'look up the email' },
      `${this.base}/messages`,
      (r) =>
        r
          .filter(encodeURIComponent(propertyFilter(propertyId, value)))
          .select(['id', 'isDraft', 'internetMessageId'])
          .top(10)
          .get(),
    );
    return parseAnswer(FoundMessages, answer, 'the message look-up').value;
  }

  private async createDraft(email: Email, key: string): Promise<FoundMessage> {
    const files = attachmentsOf(email);
    if (fitsInline(email, files)) return this.postDraft(draftMessage(email, { id: IDEMPOTENCY_PROPERTY, value: key }, files));

    for (const stale of await this.find(PENDING_PROPERTY, key)) {
      if (stale.isDraft === false) continue;
      await this.graph.send(
        { mailbox: this.mailbox, mutating: true, what: 'delete an unfinished draft' },
        `${this.base}/messages/${encodeURIComponent(stale.id)}`,
        (r) => r.delete(),
      );
    }
    const draft = await this.postDraft(draftMessage(email, { id: PENDING_PROPERTY, value: key }, []));
    for (const file of files) await this.attach(draft.id, file);
    await this.graph.send(
      { mailbox: this.mailbox, mutating: true, what: 'mark the draft complete' },
      `${this.base}/messages/${encodeURIComponent(draft.id)}`,
      (r) => r.patch({ singleValueExtendedProperties: [{ id: IDEMPOTENCY_PROPERTY, value: key }] }),
    );
    return draft;
  }

  private async postDraft(message: Record<string, unknown>): Promise<FoundMessage> {
    const created = await this.graph.send(
      { mailbox: this.mailbox, mutating: true, what: 'create the draft' },
      `${this.base}/messages`,
      (r) => r.post(message),
    );
    return parseAnswer(FoundMessage, created, 'the new draft');
  }

  private async attach(messageId: string, file: EmailAttachment): Promise<void> {
    const attachments = `${this.base}/messages/${encodeURIComponent(messageId)}/attachments`;
    if (file.content.byteLength < INLINE_ATTACHMENTS_LIMIT) {
      await this.graph.send({ mailbox: this.mailbox, mutating: true, what: 'attach a file' }, attachments, (r) =>
        r.post(fileAttachment(file)),
      );
      return;
    }
    const session = parseAnswer(
      UploadSession,
      await this.graph.send({ mailbox: this.mailbox, mutating: true, what: 'open an upload session' }, `${attachments}/createUploadSession`, (r) =>
        r.post({
          AttachmentItem: { attachmentType: 'file', name: file.filename, size: file.content.byteLength, contentType: file.contentType },
        }),
      ),
      'the upload session',
    );
    // The client's LargeFileUploadTask fails with a TypeError on an error answer and defaults to 5 MB
    // slices (Outlook takes at most 4 MB), so the few PUTs are made here. The upload URL is
    // pre-authenticated: the client sends no Authorization header to a host that is not Graph's.
    const size = file.content.byteLength;
    for (let start = 0; start < size; start += UPLOAD_CHUNK_BYTES) {
      const end = Math.min(start + UPLOAD_CHUNK_BYTES, size) - 1;
      // A Buffer, not a Uint8Array view: the client would send a view's whole underlying ArrayBuffer.
      const chunk = Buffer.from(file.content.subarray(start, end + 1));
      await this.graph.send({ mailbox: this.mailbox, mutating: true, what: 'upload an attachment' }, session.uploadUrl, (r) =>
        r.headers({ 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${start}-${end}/${size}` }).put(chunk),
      );
    }
  }
}

function referenceOf(message: FoundMessage): string {
  return message.internetMessageId ?? message.id;
}
