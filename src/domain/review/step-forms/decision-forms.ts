import { z } from 'zod';
import { MEETING_MODES, OUTCOMES, Outcome } from '../review';
import { StepForm, calendarDate, choice, parseWith, stepResult, text, tick } from './form-values';

const outcomeFields = z.object({
  kind: choice(OUTCOMES, 'Choose the outcome of the review'),
  reason: text.long('Record the reason for this decision'),
  leadProfessional: text.optionalShort(),
  managerAgreement: tick,
  closureSummary: tick,
  safetyPlanCirculated: tick,
  stepAcrossConsidered: tick,
  closureLikelyNextTime: tick,
});

export const outcomeForm: StepForm = {
  parse(form, review, now) {
    const parsed = parseWith(outcomeFields, form);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    const errors: Record<string, string> = {};
    if (v.kind === 'step-down' && v.leadProfessional === '') {
      errors.leadProfessional = 'Name the lead professional who takes over in Early Help';
    }
    const closure = {
      managerAgreement: v.managerAgreement,
      closureSummary: v.closureSummary,
      safetyPlanCirculated: v.safetyPlanCirculated,
      stepAcrossConsidered: v.stepAcrossConsidered,
    };
    if (v.kind === 'close') {
      for (const [id, done] of Object.entries(closure)) {
        if (!done) errors[id] = 'A CIN plan can only close once this is done (003, closure)';
      }
    }
    const before = review.outcome;
    const outcome: Outcome = {
      kind: v.kind,
      reason: v.reason,
      leadProfessional: v.leadProfessional,
      closureLikelyNextTime: v.closureLikelyNextTime,
      decidedAt: before?.kind === v.kind && before.reason === v.reason ? before.decidedAt : now,
      ...(v.kind === 'close' ? { closure } : {}),
      ...(v.kind === 'escalate' ? { escalationInstructedAt: before?.escalationInstructedAt ?? now } : {}),
    };
    return stepResult(errors, { outcome });
  },
};

const exitFields = z.object({
  agenciesAsked: tick.refine((v) => v, 'Tick once agencies have been asked to prepare exit strategies'),
  exitStrategies: text.long("Record each agency's exit strategy or contingency"),
});

export const exitPlanningForm: StepForm = {
  parse(form) {
    const parsed = parseWith(exitFields, form);
    return parsed.ok ? { ok: true, patch: { exitPlanning: parsed.value } } : parsed;
  },
};

const nextMeetingFields = z.object({
  familyPreference: choice(MEETING_MODES, 'Ask the family: in person or on Teams?'),
  proposedDate: calendarDate('Propose a date for the next meeting'),
  proposedTime: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'Enter a time as HH:MM'),
  dateReason: text.optionalLong(),
});

export const nextMeetingForm: StepForm = {
  parse(form, review) {
    const parsed = parseWith(nextMeetingFields, form);
    if (!parsed.ok) return parsed;
    const meetingDate = review.setUp?.meetingDate ?? '';
    if (parsed.value.proposedDate <= meetingDate) {
      return { ok: false, fieldErrors: { proposedDate: `The next meeting must be after this one (${meetingDate})` } };
    }
    // Whether the date is inside the window is judged with the case's timescales (see review-timescales).
    return { ok: true, patch: { nextMeeting: { ...parsed.value, dateVerdict: null, booking: null } } };
  },
};
