import { z } from 'zod';
import { ATTENDANCE, ATTENDEE_ROLES, Attendee, Review } from '../review';
import { labelOf } from '../review-labels';
import { FormValues, StepResult, TEXT_LIMITS, isBlankRow, keyFor, parseWith, rowsOf, trimmedText } from '../step-forms/form-values';
import { choiceField, customField, objectOf, shortText, tickField } from './fields';
import { CapturingStep, MinutesAudience, always, fact, input, minutesSection, range, rowCount, section } from './step-definition';

/** Kept within what one Teams card carries (under 40 KB). */
export const MAX_ATTENDEES = 20;

const EMAIL = z.email();
const looksLikeEmail = (v: string) => EMAIL.safeParse(v).success;

/** A tick that is on unless the card says otherwise. */
const tickOn = z
  .string()
  .default('true')
  .transform((v) => v !== 'false');

export const attendeeFields = {
  name: shortText('name', 'Name', { required: 'Enter the name' }),
  role: choiceField('role', 'Role or agency', ATTENDEE_ROLES, 'role', 'Choose the role or agency'),
  organisation: shortText('organisation', 'Organisation'),
  attendance: choiceField('attendance', 'Attendance', ATTENDANCE, 'attendance', 'Choose present, apologies or absent'),
  email: customField(
    'email',
    'Email',
    'text',
    trimmedText(TEXT_LIMITS.email).refine((v) => v === '' || looksLikeEmail(v), 'Enter an email address such as name@example.org, or leave it blank'),
    TEXT_LIMITS.email,
    { audience: 'professionals' },
  ),
  // The input keeps the id `contact` that cards already posted in chats carry.
  contact: shortText('contact', 'Phone', { max: TEXT_LIMITS.phone, audience: 'professionals' }),
  receivesMinutes: customField('receivesMinutes', 'Send them the minutes', 'toggle', tickOn, 5, { audience: 'chair' }),
  doNotShareContact: tickField('doNotShareContact', 'Do not share their contact details', { audience: 'chair' }),
  remove: tickField('remove', 'Remove them', { audience: 'chair' }),
};

const { remove: _remove, ...rowFields } = attendeeFields;
const attendeeRow = objectOf(rowFields);
type AttendeeRow = z.infer<typeof attendeeRow>;

/** The details a card may fold away: a client that does not send a folded input leaves it as stored. */
const DETAILS = ['organisation', 'email', 'contact', 'receivesMinutes', 'doNotShareContact'] as const;

function withStoredDetails(row: Record<string, string>, existing: Attendee | undefined): Record<string, string> {
  if (!existing) return row;
  const stored: Record<(typeof DETAILS)[number], string> = {
    organisation: existing.organisation,
    email: existing.email,
    contact: existing.phone,
    receivesMinutes: String(existing.receivesMinutes),
    doNotShareContact: String(existing.doNotShareContact),
  };
  const kept = { ...row };
  for (const id of DETAILS) if (!(id in kept)) kept[id] = stored[id];
  return kept;
}

/** An attendee from a card row: an email typed where the phone goes (as older cards allowed) is the email. */
function attendeeOf(key: string, row: AttendeeRow, teams: Attendee['teams']): Attendee {
  const { contact, email, ...rest } = row;
  const contactIsEmail = email === '' && looksLikeEmail(contact);
  return {
    key,
    ...rest,
    email: contactIsEmail ? contact : email,
    phone: contactIsEmail ? '' : contact,
    ...(teams ? { teams } : {}),
  };
}

const LIST_FLAGS = ['attendance', 'role', 'remove', 'receivesMinutes', 'doNotShareContact'];

/**
 * Someone joins (or is remembered) part-way through: added from any step without leaving it.
 * Their voice or update is then asked for before the minutes can be signed off.
 */
export function parseNewAttendee(form: FormValues, review: Review, now: string): StepResult {
  const row: Record<string, string> = {};
  for (const f of Object.values(rowFields)) {
    const value = form[`newAttendee.${f.id}`];
    if (value !== undefined) row[f.id] = value;
  }
  if (!row.attendance) row.attendance = 'present';
  const parsed = parseWith(attendeeRow, row, 'newAttendee.');
  if (!parsed.ok) return parsed;
  if (review.attendees.length >= MAX_ATTENDEES) return { ok: false, fieldErrors: { 'newAttendee.name': `At most ${MAX_ATTENDEES} attendees` } };
  const key = keyFor('attendee', [], review.attendees.length, now);
  return { ok: true, patch: { attendees: [...review.attendees, attendeeOf(key, parsed.value, undefined)] } };
}

/** The inputs of "Add an attendee", folded under the step's card. */
export const NEW_ATTENDEE_FIELDS = [rowFields.name, rowFields.role, rowFields.organisation, rowFields.attendance, rowFields.email, rowFields.contact];

/** Contact details as the audience may read them: never the family, never when withheld. */
export function contactOf(attendee: Attendee, audience: MinutesAudience): string[] {
  if (audience === 'family' || attendee.doNotShareContact) return [];
  return [attendee.email, attendee.phone].filter((v) => v !== '');
}

const meta = { id: 'introductions', title: 'Introductions and apologies' } as const;

export const introductionsStep = {
  ...meta,
  applies: always,
  covers: always,
  fields: Object.values(attendeeFields),
  parse(form, review, now) {
    const errors: Record<string, string> = {};
    const attendees: Attendee[] = [];
    rowsOf(form, 'attendees').forEach((row, i) => {
      const existing = review.attendees[i];
      if (row.remove === 'true' || isBlankRow(row, LIST_FLAGS)) return;
      const parsed = parseWith(attendeeRow, withStoredDetails(row, existing), `attendees.${i}.`);
      if (!parsed.ok) return Object.assign(errors, parsed.fieldErrors);
      attendees.push(attendeeOf(keyFor('attendee', review.attendees, i, now), parsed.value, existing?.teams));
    });
    if (attendees.length === 0 && Object.keys(errors).length === 0) {
      errors['attendees.0.name'] = 'Add at least one attendee';
    }
    if (attendees.length > MAX_ATTENDEES) errors['attendees.0.name'] = `At most ${MAX_ATTENDEES} attendees`;
    if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
    const keys = new Set(attendees.map((a) => a.key));
    return {
      ok: true,
      patch: {
        attendees,
        parentVoices: review.parentVoices.filter((v) => keys.has(v.attendeeKey)),
        updates: review.updates.filter((u) => keys.has(u.attendeeKey)),
      },
    };
  },
  form(review, { typed }) {
    const f = attendeeFields;
    return range(rowCount(typed, 'attendees', review.attendees.length, MAX_ATTENDEES)).map((i) => {
      const a = review.attendees[i];
      const row = { list: 'attendees', index: i };
      // One short row each (name, role, attendance); the rest on demand.
      return {
        ...section(a ? '' : 'Add an attendee', [
          input(f.name, a?.name, row),
          input(f.role, a?.role ?? '', row),
          input(f.attendance, a?.attendance ?? 'present', row),
        ], a?.teams && a.role === null ? 'In this Teams chat: choose their role.' : ''),
        layout: 'row' as const,
        details: {
          title: 'Details',
          inputs: [
            input(f.organisation, a?.organisation, row),
            input(f.email, a?.email, row),
            input(f.contact, a?.phone, row),
            input(f.receivesMinutes, a?.receivesMinutes ?? true, row),
            input(f.doNotShareContact, a?.doNotShareContact ?? false, row),
            // The chair cannot remove themselves: they are chairing.
            ...(a && a.teams?.teamsUserId !== review.chair.teamsUserId ? [input(f.remove, false, row)] : []),
          ],
        },
      };
    });
  },
  minutes(review, audience) {
    return [
      minutesSection(meta, review, review.attendees.map((a) =>
        fact(attendeeFields.name, a.name, [a.role === null ? 'Role not yet chosen' : labelOf('role', a.role), a.organisation, labelOf('attendance', a.attendance), ...contactOf(a, audience)].filter((x) => x !== '').join(' · ')),
      )),
    ];
  },
} satisfies CapturingStep<'introductions'>;
