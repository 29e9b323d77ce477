import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { z } from 'zod';
import { EffectFailure } from '../ports/effect-failure';
import type { Email, EmailAddress, MailSender } from '../ports/mail-sender';

export interface FolderMailSenderOptions {
  /** Where the `.eml` files go (created if missing), e.g. ./data/mail/. */
  readonly directory: string;
  /** The From of every email, e.g. the shared mailbox production would send from. */
  readonly from: EmailAddress;
  /** The Date header; the time now by default. */
  readonly now?: () => Date;
}

/**
 * The embedded default mail system: each email becomes one RFC 5322 `.eml` file, so a trial shows
 * exactly what would go out. The file is named from the idempotency key and written once: sending the
 * same key again (after a crash, or from a second process) finds the file and leaves it as it is.
 */
export class FolderMailSender implements MailSender {
  constructor(private readonly options: FolderMailSenderOptions) {}

  async send(email: Email): Promise<{ readonly reference: string }> {
    checkAddresses(email);
    const file = path.join(this.options.directory, emlFileName(email.idempotencyKey));
    if (await exists(file)) return { reference: file };
    const message = await compose(email, this.options.from, (this.options.now ?? (() => new Date()))());
    await fs.mkdir(this.options.directory, { recursive: true, mode: 0o700 }).catch(fileFailure);
    await writeOnce(file, message);
    return { reference: file };
  }
}

/** A readable, collision-free file name for an idempotency key: its safe characters plus a hash of it. */
export function emlFileName(idempotencyKey: string): string {
  const readable = idempotencyKey
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 80);
  return `${readable === '' ? 'email' : readable}-${sha256(idempotencyKey).slice(0, 16)}.eml`;
}

const addressSchema = z.object({ name: z.string(), address: z.email() });

function checkAddresses(email: Email): void {
  if (email.to.length === 0) {
    throw new EffectFailure('NO_ADDRESS', 'The email has no recipient', { retryable: false });
  }
  for (const to of email.to) {
    if (!addressSchema.safeParse(to).success) {
      throw new EffectFailure('INVALID_ADDRESS', 'A recipient’s email address is not valid', { retryable: false });
    }
  }
}

async function compose(email: Email, from: EmailAddress, date: Date): Promise<Buffer> {
  const invite = email.calendarInvite;
  if (invite && !new RegExp(`^METHOD:${invite.method}\\r?$`, 'm').test(invite.ics)) {
    throw new EffectFailure('MESSAGE_INVALID', `The invitation's METHOD is not ${invite.method}`, { retryable: false });
  }
  const composer = new MailComposer({
    from: { name: from.name, address: from.address },
    to: email.to.map((to) => ({ name: to.name, address: to.address })),
    subject: email.subject,
    text: email.text,
    html: email.html,
    date,
    messageId: `<${sha256(email.idempotencyKey).slice(0, 32)}@${domainOf(from.address)}>`,
    attachments: email.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
    })),
    ...(invite
      ? {
          icalEvent: {
            method: invite.method,
            filename: invite.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
            content: invite.ics,
          },
        }
      : {}),
  });
  try {
    return await composer.compile().build();
  } catch (error) {
    throw new EffectFailure('MESSAGE_INVALID', `The email could not be composed: ${(error as Error).message}`, {
      retryable: false,
    });
  }
}

/**
 * Writes the file atomically and never over an existing one: the bytes go to a temporary file in the
 * same folder, are flushed to disk, then hard-linked to the final name (which fails if it exists,
 * where a rename would replace it) and the temporary name removed.
 */
async function writeOnce(file: string, bytes: Buffer): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.link(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return; // the same email was written by an earlier or concurrent send
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      // A file system without hard links: fall back to rename, checking first (a race can then rewrite
      // the file with the same email, never lose it).
      if (await exists(file)) return;
      await fs.rename(temp, file);
    }
    await syncDirectory(path.dirname(file));
  } catch (error) {
    fileFailure(error);
  } finally {
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await fs.open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** Problems a later attempt will not fix (permissions, a read-only disk, a file where the folder should be). */
const PERMANENT = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'EINVAL']);

function fileFailure(error: unknown): never {
  if (error instanceof EffectFailure) throw error;
  const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  throw new EffectFailure('MAIL_FOLDER_UNWRITABLE', `The email could not be written to the mail folder (${code})`, {
    retryable: !PERMANENT.has(code),
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 && at < address.length - 1 ? address.slice(at + 1) : 'cin-review.local';
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
