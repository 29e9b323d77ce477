import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One invitation email under MAIL_DIR, as an attendee's mail program reads it (mailparser, then ical.js). */
export interface InvitationFile {
  readonly file: string;
  readonly to: string;
  readonly subject: string;
  readonly method: string;
  readonly uid: string;
  readonly sequence: number;
  readonly start: string;
  readonly end: string;
  readonly location: string;
  readonly attendees: string[];
  /** The VEVENT's STATUS (CONFIRMED, CANCELLED). */
  readonly status: string;
}

export async function invitationFilesIn(directory: string): Promise<InvitationFile[]> {
  if (!existsSync(directory)) return [];
  const files = readdirSync(directory, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.eml'));
  const read = await Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(readFileSync(join(directory, file)));
      const ics = mail.attachments.find((a) => a.contentType === 'text/calendar')?.content.toString('utf8');
      if (!ics) return undefined;
      const calendar = new ICAL.Component(ICAL.parse(ics));
      const vevent = calendar.getFirstSubcomponent('vevent')!;
      const event = new ICAL.Event(vevent);
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      return {
        file,
        to: to?.value[0]?.address ?? '',
        subject: mail.subject ?? '',
        method: String(calendar.getFirstPropertyValue('method')),
        uid: event.uid,
        sequence: event.sequence,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        location: event.location ?? '',
        attendees: event.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/iu, '').toLowerCase()).sort(),
        status: String(vevent.getFirstPropertyValue('status')),
      };
    }),
  );
  return read.filter((r): r is InvitationFile => r !== undefined);
}
