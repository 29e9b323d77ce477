import { z } from 'zod';
import { ACTION_STATUSES, DangerStatement, PlanAction, SAFETY_PLAN_STATES, Scaling } from '../review';
import { StepForm, calendarDate, choice, isBlankRow, keyFor, parseWith, rowsOf, stepResult, text, tick } from './form-values';

/** A plan's size, kept within what one Teams card carries (under 40 KB). */
export const MAX_ACTIONS = 30;
export const MAX_STATEMENTS = 5;

const statementRow = z.object({
  danger: text.long('Write the danger statement'),
  safetyGoal: text.long('Write the safety goal that answers it'),
});

const actionRow = z.object({
  what: text.long('Say what will be done'),
  who: text.short('Every action needs an owner'),
  byWhen: calendarDate('Every action needs a date it is due by'),
  status: choice(ACTION_STATUSES, 'Choose the status'),
});

export const planForm: StepForm = {
  parse(form, review, now) {
    const errors: Record<string, string> = {};
    const existing = review.plan;
    const dangerStatements: DangerStatement[] = [];
    rowsOf(form, 'statements').forEach((row, i) => {
      if (row.remove === 'true' || isBlankRow(row, ['remove'])) return;
      const parsed = parseWith(statementRow, row, `statements.${i}.`);
      if (!parsed.ok) return Object.assign(errors, parsed.fieldErrors);
      dangerStatements.push({ key: keyFor('statement', existing?.dangerStatements ?? [], i, now), ...parsed.value });
    });
    const meetingDate = review.setUp?.meetingDate ?? '';
    const actions: PlanAction[] = [];
    rowsOf(form, 'actions').forEach((row, i) => {
      if (row.remove === 'true' || isBlankRow(row, ['remove', 'status'])) return;
      const parsed = parseWith(actionRow, row, `actions.${i}.`);
      if (!parsed.ok) return Object.assign(errors, parsed.fieldErrors);
      const before = existing?.actions[i];
      // Only an action carried forward from the last review may already be overdue.
      if (!before?.carriedForward && parsed.value.byWhen < meetingDate) {
        errors[`actions.${i}.byWhen`] = `A new action cannot be due before the meeting (${meetingDate})`;
        return;
      }
      actions.push({
        key: keyFor('action', existing?.actions ?? [], i, now),
        ...parsed.value,
        carriedForward: before?.carriedForward ?? false,
      });
    });
    const agreed = tick.parse(form.statementsAgreedOrReviewed);
    if (dangerStatements.length > 0 && !agreed) {
      errors.statementsAgreedOrReviewed =
        review.setUp?.meetingType === 'initial'
          ? 'Tick once the danger statements and safety goals are agreed'
          : 'Tick once the danger statements and safety goals have been reviewed';
    }
    if (actions.length > MAX_ACTIONS) errors['actions.0.what'] = `At most ${MAX_ACTIONS} actions: mark done ones done, or merge some`;
    if (dangerStatements.length > MAX_STATEMENTS) errors['statements.0.danger'] = `At most ${MAX_STATEMENTS} danger statements`;
    return stepResult(errors, { plan: { dangerStatements, statementsAgreedOrReviewed: agreed, actions } });
  },
};

const SCALING_PARTIES = [
  ['scaleOverall', 'Overall'],
  ['scaleParents', 'Parents'],
  ['scaleProfessionals', 'Professionals'],
  ['scaleChild', 'Child'],
] as const;

const score = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || (/^\d{1,2}$/.test(v) && Number(v) <= 10), 'Scaling is a whole number from 0 to 10');

const mappingFields = z.object({
  workingWell: text.long('Record what is working well'),
  worries: text.long('Record the worries (write "None" if there are none)'),
  complicatingFactors: text.optionalLong(),
  safetyPlan: choice(SAFETY_PLAN_STATES, 'Say whether the safety plan was tested or changed'),
  safetyPlanNotes: text.optionalLong(),
  scaleOverall: score.refine((v) => v !== '', 'Give the overall scaling, 0 to 10'),
  scaleParents: score,
  scaleProfessionals: score,
  scaleChild: score,
});

export const mappingForm: StepForm = {
  parse(form) {
    const parsed = parseWith(mappingFields, form);
    if (!parsed.ok) return parsed;
    const { scaleOverall: _o, scaleParents: _p, scaleProfessionals: _q, scaleChild: _c, ...rest } = parsed.value;
    const scaling: Scaling[] = SCALING_PARTIES.filter(([id]) => parsed.value[id] !== '').map(([id, party]) => ({
      party,
      score: Number(parsed.value[id]),
    }));
    return { ok: true, patch: { mapping: { ...rest, scaling } } };
  },
};

const equalityFields = z.object({
  identityAndCulture: text.long("Say how the child's identity and culture are met"),
  language: text.long("Say how the child's language and communication needs are met"),
  disability: text.long('Say how any disability is met (write "None known" if none)'),
});

export const equalityForm: StepForm = {
  parse(form) {
    const parsed = parseWith(equalityFields, form);
    return parsed.ok ? { ok: true, patch: { equality: parsed.value } } : parsed;
  },
};
