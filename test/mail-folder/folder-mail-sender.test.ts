import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { simpleParser } from 'mailparser';
import { invitationIcs } from '../../src/documents/review-invitation';
import { emlFileName, FolderMailSender } from '../../src/mail-folder/folder-mail-sender';
import { EffectFailure } from '../../src/ports/effect-failure';
import type { Email } from '../../src/ports/mail-sender';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cin-mail-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const FROM = { name: 'CIN Reviews', address: 'cin.reviews@council.example.gov.uk' };
const pdfBytes = new Uint8Array(Buffer.from('%PDF-1.7\n% not really a PDF, but bytes that must survive: \x00\xff\x10\n%%EOF'));

function minutesEmail(overrides: Partial<Email> = {}): Email {
  return {
    idempotencyKey: 'minutes:review-42:recipient:dan-price',
    to: [{ name: 'Dan Price', address: 'dan.price@example.org' }],
    subject: 'Minutes of the Child in Need review on Tue 1 Dec 2026',
    text: 'The minutes are attached.\nSam Chair',
    html: '<p>The minutes are attached.</p><p>Sam Chair</p>',
    attachments: [{ filename: 'Minutes 1 Dec 2026.pdf', contentType: 'application/pdf', content: pdfBytes }],
    ...overrides,
  };
}

const sender = (): FolderMailSender => new FolderMailSender({ directory: join(dir, 'mail'), from: FROM });

describe('the mail folder', () => {
  it('writes each email as an .eml that a mail parser reads back whole', async () => {
    const { reference } = await sender().send(minutesEmail());
    expect(dirname(reference)).toBe(join(dir, 'mail'));
    expect(reference.endsWith('.eml')).toBe(true);
    const mail = await simpleParser(readFileSync(reference));
    expect(mail.subject).toBe('Minutes of the Child in Need review on Tue 1 Dec 2026');
    expect(mail.from?.value).toEqual([{ name: 'CIN Reviews', address: 'cin.reviews@council.example.gov.uk' }]);
    expect(Array.isArray(mail.to) ? mail.to : mail.to?.value).toEqual([{ name: 'Dan Price', address: 'dan.price@example.org' }]);
    expect(mail.text?.trim()).toBe('The minutes are attached.\nSam Chair');
    expect(mail.html).toContain('<p>The minutes are attached.</p>');
    expect(mail.messageId).toMatch(/@council\.example\.gov\.uk>$/);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toBe('Minutes 1 Dec 2026.pdf');
    expect(Buffer.compare(pdf!.content, Buffer.from(pdfBytes))).toBe(0);
  });

  it('carries an invitation as a text/calendar part with its method', async () => {
    const ics = invitationIcs({
      bookingUid: 'booking-9@cin-review',
      sequence: 0,
      method: 'REQUEST',
      start: '2027-03-30T15:00:00+01:00',
      end: '2027-03-30T16:00:00+01:00',
      stampedAt: '2026-12-01T10:00:00Z',
      title: 'Child in Need review',
      description: 'The next review.',
      organiser: { name: 'Sam Chair', email: 'sam.chair@council.example.gov.uk' },
      attendees: [{ name: 'Dan Price', email: 'dan.price@example.org' }],
      location: 'Bridge Street Family Centre',
    });
    const { reference } = await sender().send(
      minutesEmail({ idempotencyKey: 'invite:booking-9:0:dan', attachments: [], calendarInvite: { method: 'REQUEST', ics } }),
    );
    const raw = readFileSync(reference, 'utf8');
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const mail = await simpleParser(raw);
    // nodemailer sends the invitation twice, as Outlook and Gmail expect: the calendar alternative
    // (what the client acts on) and an invite.ics attachment.
    const calendar = mail.attachments.find((a) => a.contentType === 'text/calendar');
    expect(calendar?.content.toString('utf8')).toBe(ics);
    const file = mail.attachments.find((a) => a.filename === 'invite.ics');
    expect(file?.content.toString('utf8')).toBe(ics);
    expect(mail.text?.trim()).toBe('The minutes are attached.\nSam Chair');
  });

  it('keeps one file per idempotency key and never rewrites it', async () => {
    const first = await sender().send(minutesEmail());
    const before = readFileSync(first.reference);
    const modified = statSync(first.reference).mtimeMs;
    const again = await sender().send(minutesEmail({ subject: 'A different subject: must not replace the first' }));
    expect(again.reference).toBe(first.reference);
    expect(readdirSync(join(dir, 'mail'))).toEqual([basename(first.reference)]);
    expect(Buffer.compare(readFileSync(first.reference), before)).toBe(0);
    expect(statSync(first.reference).mtimeMs).toBe(modified);
  });

  it('keeps one file when the same email is sent many times at once', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => sender().send(minutesEmail())));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(readdirSync(join(dir, 'mail'))).toHaveLength(1);
    const mail = await simpleParser(readFileSync(results[0]!.reference));
    expect(mail.subject).toBe('Minutes of the Child in Need review on Tue 1 Dec 2026');
  });

  it('writes one file per distinct key', async () => {
    await sender().send(minutesEmail({ idempotencyKey: 'a:b' }));
    await sender().send(minutesEmail({ idempotencyKey: 'a_b' }));
    await sender().send(minutesEmail({ idempotencyKey: 'a-b' }));
    expect(readdirSync(join(dir, 'mail'))).toHaveLength(3);
  });

  it('refuses, without retrying, an email with no recipient or a malformed address', async () => {
    await expect(sender().send(minutesEmail({ to: [] }))).rejects.toMatchObject({ code: 'NO_ADDRESS', retryable: false });
    await expect(
      sender().send(minutesEmail({ to: [{ name: 'Dan', address: 'not an address' }] })),
    ).rejects.toMatchObject({ code: 'INVALID_ADDRESS', retryable: false });
    await expect(
      sender().send(minutesEmail({ calendarInvite: { method: 'CANCEL', ics: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n' } })),
    ).rejects.toBeInstanceOf(EffectFailure);
  });

  it('reports a folder it cannot write as an EffectFailure', async () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const error = await new FolderMailSender({ directory: join(blocked, 'mail'), from: FROM }).send(minutesEmail()).catch((e) => e);
    expect(error).toBeInstanceOf(EffectFailure);
    expect(error).toMatchObject({ code: 'MAIL_FOLDER_UNWRITABLE', retryable: false });
  });
});

describe('the file name of an idempotency key', () => {
  it('is a plain .eml name in the folder, distinct for distinct keys', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), (a, b) => {
        const name = emlFileName(a);
        expect(name).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*\.eml$/);
        expect(name.length).toBeLessThan(120);
        if (a !== b) expect(emlFileName(b)).not.toBe(name);
      }),
    );
  });

  it('keeps the readable part of the key', () => {
    expect(emlFileName('minutes:review-42:recipient:dan')).toMatch(/^minutes-review-42-recipient-dan-[0-9a-f]{16}\.eml$/);
    expect(emlFileName('../../etc/passwd')).toMatch(/^etc-passwd-[0-9a-f]{16}\.eml$/);
  });
});
