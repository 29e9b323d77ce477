import type { ChildLetter, MinutesDocument } from '../documents/minutes-document';
import type { Email } from '../ports/mail-sender';

/** What goes out by email: the version as a PDF attachment, with a short plain-text and HTML body. */
export interface MinutesEmailParts {
  readonly deliveryKey: string;
  readonly to: { readonly name: string; readonly address: string };
  readonly pdf: Uint8Array;
  /** The version the PDF holds. */
  readonly document: { readonly kind: 'minutes'; readonly minutes: MinutesDocument } | { readonly kind: 'child'; readonly letter: ChildLetter };
}

export function minutesEmail(parts: MinutesEmailParts): Email {
  const { subject, lines, filename } = wordingOf(parts);
  const text = [`Dear ${parts.to.name},`, '', ...lines, '', 'This email was sent by the CIN Review bot on behalf of the chair of the meeting.'].join('\n');
  const html = [
    '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head><body>',
    `<p>Dear ${escapeHtml(parts.to.name)},</p>`,
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    '<p>This email was sent by the CIN Review bot on behalf of the chair of the meeting.</p>',
    '</body></html>',
  ].join('\n');
  return {
    idempotencyKey: parts.deliveryKey,
    to: [{ name: parts.to.name, address: parts.to.address }],
    subject,
    text,
    html,
    attachments: [{ filename, contentType: 'application/pdf', content: parts.pdf }],
  };
}

function wordingOf(parts: MinutesEmailParts): { subject: string; lines: string[]; filename: string } {
  if (parts.document.kind === 'child') {
    const letter = parts.document.letter;
    return {
      subject: `A letter for ${letter.firstName} about your meeting`,
      lines: [`Here is a letter for ${letter.firstName} about the meeting, in plain words. It is attached as a PDF.`],
      filename: `Letter for ${safeName(letter.firstName)}.pdf`,
    };
  }
  const minutes = parts.document.minutes;
  return {
    subject: minutes.title.replace(/^Child in Need review/, 'Minutes of the Child in Need review'),
    lines: [
      `The minutes of the Child in Need review are attached as a PDF (${minutes.subtitle}).`,
      minutes.version === 'family'
        ? 'If anything in them is not right, or you would like them in another format or language, please tell the social worker.'
        : 'They are confidential: keep them securely and share them only as your agency’s information-sharing rules allow.',
    ],
    filename: `${safeName(minutes.title)} (${minutes.version === 'family' ? 'family' : 'professionals'}).pdf`,
  };
}

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Minutes';
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
