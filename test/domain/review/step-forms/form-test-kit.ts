/** Small helpers shared by the step-form tests. */
import { Attendance, Attendee, AttendeeRole, Review, StepId } from '../../../../src/domain/review/review';
import { FormValues, STEP_FORMS, StepResult } from '../../../../src/domain/review/step-forms';
import { FormStep, walkTo } from '../review-builder';

export const NOW = '2026-03-02T10:30:00.000Z';
export const T36 = Date.parse(NOW).toString(36);

export function reviewAt(step: StepId): Review {
  return walkTo(step);
}

export function attendee(key: string, role: AttendeeRole, attendance: Attendance = 'present', name = `Name ${key}`): Attendee {
  return { key, name, role, organisation: '', attendance, email: '', phone: '', receivesMinutes: true, doNotShareContact: false };
}

export function parseStep(step: FormStep, form: FormValues, review: Review = walkTo(step), now = NOW): StepResult {
  return STEP_FORMS[step].parse(form, review, now);
}

/** The patch of an accepted form; fails the test with the field errors otherwise. */
export function patchOf(result: StepResult) {
  if (!result.ok) throw new Error(`form refused: ${JSON.stringify(result.fieldErrors)}`);
  return result.patch;
}

export function errorsOf(result: StepResult): Readonly<Record<string, string>> {
  if (result.ok) throw new Error(`form accepted: ${JSON.stringify(result.patch)}`);
  return result.fieldErrors;
}
