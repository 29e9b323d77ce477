import { createHash } from 'node:crypto';
import { Email, EmailAttachment } from '../ports/mail-sender';

/**
 * The Graph JSON of an email, and the extended properties that let a retry find what an earlier try
 * left in the mailbox. Graph's `sendMail` answers 202 with no id, so a blind retry could send twice;
 * a draft carrying the key in a single-value extended property can be looked up instead.
 */

/** This app's own property set; the names are ours. Filtering on the name part is case-sensitive. */
const PROPERTY_SET = '{3f4c1a2e-8b1d-4c55-9e0a-7d2b6c9f1e47}';
/** On a draft that is complete (or the sent copy): the email with this key exists. */
export const IDEMPOTENCY_PROPERTY = `String ${PROPERTY_SET} Name CinIdempotencyKey`;
/** On a draft still having large attachments uploaded: not to be sent; a retry deletes it. */
export const PENDING_PROPERTY = `String ${PROPERTY_SET} Name CinPendingIdempotencyKey`;

/** Graph refuses attachments of 3 MB or more inline; those go by upload session, in chunks of at most 4 MB. */
export const INLINE_ATTACHMENTS_LIMIT = 3 * 1024 * 1024;
/** A Graph request body must stay under 4 MB. */
export const REQUEST_BODY_LIMIT = 4 * 1024 * 1024;
export const UPLOAD_CHUNK_BYTES = 3 * 1024 * 1024;

/**
 * What is stored in the property: the SHA-256 of the key in hex. Graph compares property values
 * case-insensitively, so the raw key ("Ab" vs "aB") could collide; the digest has one case and no quotes.
 */
export function keyDigest(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey, 'utf8').digest('hex');
}

export function propertyFilter(propertyId: string, value: string): string {
  const quote = (s: string) => s.replace(/'/g, "''");
  return `singleValueExtendedProperties/Any(ep: ep/id eq '${quote(propertyId)}' and ep/value eq '${quote(value)}')`;
}

/** Every file the email carries, the calendar invitation included (as a text/calendar attachment). */
export function attachmentsOf(email: Email): EmailAttachment[] {
  const files = [...email.attachments];
  if (email.calendarInvite) {
    files.push({
      filename: email.calendarInvite.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
      contentType: `text/calendar; method=${email.calendarInvite.method}; charset=UTF-8`,
      content: new TextEncoder().encode(email.calendarInvite.ics),
    });
  }
  return files;
}

export function fileAttachment(file: EmailAttachment): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    name: file.filename,
    contentType: file.contentType,
    contentBytes: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength).toString('base64'),
  };
}

/** The draft's JSON: inline attachments only when they are small enough for one request. */
export function draftMessage(
  email: Email,
  property: { readonly id: string; readonly value: string },
  inline: readonly EmailAttachment[],
): Record<string, unknown> {
  const html = email.html.trim() !== '';
  return {
    subject: email.subject,
    // Graph's JSON takes one body: the HTML, or the text when there is no HTML.
    body: { contentType: html ? 'HTML' : 'Text', content: html ? email.html : email.text },
    toRecipients: email.to.map((to) => ({ emailAddress: { name: to.name, address: to.address } })),
    singleValueExtendedProperties: [{ id: property.id, value: property.value }],
    ...(inline.length > 0 ? { attachments: inline.map(fileAttachment) } : {}),
  };
}

/** Inline only if the files total under 3 MB and the whole request stays well under 4 MB. */
export function fitsInline(email: Email, files: readonly EmailAttachment[]): boolean {
  const raw = files.reduce((sum, f) => sum + f.content.byteLength, 0);
  if (raw >= INLINE_ATTACHMENTS_LIMIT) return false;
  const estimated = Math.ceil(raw / 3) * 4 + Buffer.byteLength(email.html) + Buffer.byteLength(email.text) + 16 * 1024;
  return estimated < REQUEST_BODY_LIMIT;
}
