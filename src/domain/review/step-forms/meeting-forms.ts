import { z } from 'zod';
import { explanationsNeeded } from '../agenda';
import { ATTENDANCE, ATTENDEE_ROLES, Attendee, CHAIR_ROLES, Child, LEAD_WORKERS, MEETING_MODES, MEETING_TYPES, Review } from '../review';
import { FormValues, StepForm, StepResult, calendarDate, choice, isBlankRow, keyFor, parseWith, rowsOf, stepResult, text, tick } from './form-values';

/** Kept within what one Teams card carries (under 40 KB). */
export const MAX_CHILDREN = 6;
export const MAX_ATTENDEES = 20;

const childRow = z.object({
  firstName: text.short("Enter the child's first name (first name only)"),
  caseReference: text
    .short('Enter the case reference')
    .refine((v) => /^[A-Za-z0-9/-]{1,30}$/.test(v), 'Use letters, digits, "-" or "/" only, up to 30'),
});

const setUpFields = z.object({
  meetingType: choice(MEETING_TYPES, 'Choose the meeting type'),
  chairName: text.short("Enter the chair's name"),
  chairRole: choice(CHAIR_ROLES, "Choose the chair's role"),
  meetingDate: calendarDate('Enter the meeting date'),
  mode: choice(MEETING_MODES, 'Choose online or in person'),
  planStartDate: calendarDate('Enter the date the CIN plan started'),
  policyPackId: text.short("Choose the authority whose timescales apply"),
  leadWorker: choice(LEAD_WORKERS, 'Say whether a social worker or a key worker leads the plan'),
  timescaleReason: text.optionalLong(),
});

export const setUpForm: StepForm = {
  parse(form, review, now) {
    const fields = parseWith(setUpFields, form);
    const rows = rowsOf(form, 'children');
    const errors: Record<string, string> = fields.ok ? {} : { ...fields.fieldErrors };
    const children: Child[] = [];
    rows.forEach((row, i) => {
      if (isBlankRow(row)) return;
      const parsed = parseWith(childRow, row, `children.${i}.`);
      if (!parsed.ok) Object.assign(errors, parsed.fieldErrors);
      else children.push({ key: keyFor('child', review.setUp?.children ?? [], i, now), ...parsed.value });
    });
    if (rows.every((r) => isBlankRow(r)) && !errors['children.0.firstName']) {
      errors['children.0.firstName'] = 'Enter at least one child';
    }
    if (children.length > MAX_CHILDREN) errors['children.0.firstName'] = `At most ${MAX_CHILDREN} children in one review`;
    if (fields.ok && fields.value.planStartDate > fields.value.meetingDate) {
      errors.planStartDate = 'The plan cannot start after this meeting';
    }
    if (!fields.ok || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
    const setUp = { ...fields.value, children };
    const keys = new Set(children.map((c) => c.key));
    return {
      ok: true,
      patch: { setUp, childVoices: review.childVoices.filter((v) => keys.has(v.childKey)) },
    };
  },
};

const attendeeRow = z.object({
  name: text.short('Enter the name'),
  role: choice(ATTENDEE_ROLES, 'Choose the role or agency'),
  organisation: text.optionalShort(),
  attendance: choice(ATTENDANCE, 'Choose present, apologies or absent'),
  contact: text.optionalShort(),
});

/**
 * Someone joins (or is remembered) part-way through: added from any step without leaving it.
 * Their voice or update is then asked for before the minutes can be signed off.
 */
export function parseNewAttendee(form: FormValues, review: Review, now: string): StepResult {
  const row = {
    name: form['newAttendee.name'] ?? '',
    role: form['newAttendee.role'] ?? '',
    organisation: form['newAttendee.organisation'] ?? '',
    attendance: form['newAttendee.attendance'] || 'present',
    contact: form['newAttendee.contact'] ?? '',
  };
  const parsed = parseWith(attendeeRow, row, 'newAttendee.');
  if (!parsed.ok) return parsed;
  if (review.attendees.length >= MAX_ATTENDEES) return { ok: false, fieldErrors: { 'newAttendee.name': `At most ${MAX_ATTENDEES} attendees` } };
  const key = keyFor('attendee', [], review.attendees.length, now);
  return { ok: true, patch: { attendees: [...review.attendees, { key, ...parsed.value }] } };
}

export const introductionsForm: StepForm = {
  parse(form, review, now) {
    const errors: Record<string, string> = {};
    const attendees: Attendee[] = [];
    rowsOf(form, 'attendees').forEach((row, i) => {
      const existing = review.attendees[i];
      if (row.remove === 'true' || isBlankRow(row, ['attendance', 'role', 'remove'])) return;
      const parsed = parseWith(attendeeRow, row, `attendees.${i}.`);
      if (!parsed.ok) return Object.assign(errors, parsed.fieldErrors);
      attendees.push({
        key: keyFor('attendee', review.attendees, i, now),
        ...parsed.value,
        ...(existing?.teams ? { teams: existing.teams } : {}),
      });
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
};

const explanationFields = z.object({ roleAndModelExplained: tick, camerasOnAsked: tick });

export const explanationsForm: StepForm = {
  parse(form, review) {
    const parsed = explanationFields.parse(form);
    const needed = explanationsNeeded(review);
    const errors: Record<string, string> = {};
    if (needed.includes('role-and-model') && !parsed.roleAndModelExplained) {
      errors.roleAndModelExplained = 'Tick once you have explained your role and the Family Help model';
    }
    if (needed.includes('cameras') && !parsed.camerasOnAsked) {
      errors.camerasOnAsked = 'Tick once you have asked professionals to have cameras on';
    }
    return stepResult(errors, { explanations: parsed });
  },
};
