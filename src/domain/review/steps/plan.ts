import { z } from 'zod';
import { ACTION_STATUSES, DangerStatement, PlanAction, Review } from '../review';
import { labelOf } from '../review-labels';
import { TEXT_LIMITS, isBlankRow, keyFor, parseWith, rowsOf, stepResult, tick } from '../step-forms/form-values';
import { choiceField, dateField, longText, objectOf, shortText, tickField } from './fields';
import { addMonths } from '../../timescales/calendar-date';
import { CapturingStep, DateRange, always, fact, input, minutesSection, range, rowCount, section } from './step-definition';

/** A plan's size, kept within what one Teams card carries (under 40 KB). */
export const MAX_ACTIONS = 30;
export const MAX_STATEMENTS = 5;

const statementFields = {
  danger: longText('danger', 'Danger statement', { required: 'Write the danger statement' }),
  safetyGoal: longText('safetyGoal', 'Safety goal', { required: 'Write the safety goal that answers it' }),
  remove: tickField('remove', 'Remove', { audience: 'chair' }),
};

const actionFields = {
  what: longText('what', 'What', { required: 'Say what will be done' }),
  ownerKey: shortText('ownerKey', 'Who (from the meeting)'),
  who: shortText('who', 'Who', { max: TEXT_LIMITS.short }),
  byWhen: dateField('byWhen', 'By when', 'Every action needs a date it is due by'),
  status: choiceField('status', 'Status', ACTION_STATUSES, 'status', 'Choose the status'),
  notForFamily: tickField('notForFamily', 'Not for the family', { audience: 'chair' }),
  remove: tickField('remove', 'Remove', { audience: 'chair' }),
};

const agreed = tickField('statementsAgreedOrReviewed', 'The danger statements and safety goals have been reviewed');
const contingency = longText('contingencyPlan', 'Contingency plan: what happens if circumstances change significantly, or objectives are not met');

const { remove: _r1, ...statementRowFields } = statementFields;
const { remove: _r2, ...actionRowFields } = actionFields;
// The owner is an attendee's key (a choice), so it is a choice on the card.
const ownerField = { ...actionFields.ownerKey, kind: 'choice' as const };
const statementRow = objectOf(statementRowFields);
const actionRow = objectOf(actionRowFields);

const meta = { id: 'plan', title: 'The plan' } as const;

/** Danger statements and safety goals, and SMART actions (some carried forward from the last review). */
export const planStep = {
  ...meta,
  applies: always,
  covers: always,
  fields: [...Object.values(statementFields), agreed, contingency, ...Object.values(actionFields).map((f) => (f.id === 'ownerKey' ? ownerField : f))],
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
      if (row.remove === 'true' || isBlankRow(row, ['remove', 'status', 'notForFamily'])) return;
      const parsed = parseWith(actionRow, row, `actions.${i}.`);
      if (!parsed.ok) return Object.assign(errors, parsed.fieldErrors);
      const before = existing?.actions[i];
      const { ownerKey, who, ...action } = parsed.value;
      const owner = ownerOf(review, ownerKey, who, before);
      if ('error' in owner) {
        errors[`actions.${i}.${owner.field}`] = owner.error;
        return;
      }
      // Only an action carried forward from the last review may already be overdue.
      if (!before?.carriedForward && parsed.value.byWhen < meetingDate) {
        errors[`actions.${i}.byWhen`] = `A new action cannot be due before the meeting (${meetingDate})`;
        return;
      }
      actions.push({
        key: keyFor('action', existing?.actions ?? [], i, now),
        ...action,
        ...owner,
        carriedForward: before?.carriedForward ?? false,
      });
    });
    const isAgreed = tick.parse(form.statementsAgreedOrReviewed);
    if (dangerStatements.length > 0 && !isAgreed) {
      errors.statementsAgreedOrReviewed =
        review.setUp?.meetingType === 'initial'
          ? 'Tick once the danger statements and safety goals are agreed'
          : 'Tick once the danger statements and safety goals have been reviewed';
    }
    if (actions.length > MAX_ACTIONS) errors['actions.0.what'] = `At most ${MAX_ACTIONS} actions: mark done ones done, or merge some`;
    if (dangerStatements.length > MAX_STATEMENTS) errors['statements.0.danger'] = `At most ${MAX_STATEMENTS} danger statements`;
    const contingencyPlan = parseWith(z.object({ contingencyPlan: contingency.schema }), form);
    if (!contingencyPlan.ok) Object.assign(errors, contingencyPlan.fieldErrors);
    return stepResult(errors, {
      plan: { dangerStatements, statementsAgreedOrReviewed: isAgreed, actions, contingencyPlan: contingencyPlan.ok ? contingencyPlan.value.contingencyPlan : '' },
    });
  },
  form(review, { typed }) {
    const plan = review.plan;
    const statements = plan?.dangerStatements ?? [];
    const actions = plan?.actions ?? [];
    const initial = review.setUp?.meetingType === 'initial';
    const s = statementFields;
    const a = actionFields;
    return [
      ...range(rowCount(typed, 'statements', statements.length, MAX_STATEMENTS)).map((i) => {
        const row = { list: 'statements', index: i };
        return section(`Danger statement and safety goal ${i + 1}`, [
          input(s.danger, statements[i]?.danger, row),
          input(s.safetyGoal, statements[i]?.safetyGoal, row),
          ...(statements[i] ? [input(s.remove, false, row)] : []),
        ]);
      }),
      section('', [
        input(agreed, plan?.statementsAgreedOrReviewed ?? false, undefined, initial ? { label: 'The danger statements and safety goals are agreed' } : {}),
        input(contingency, plan?.contingencyPlan),
      ]),
      ...range(rowCount(typed, 'actions', actions.length, MAX_ACTIONS)).map((i) => {
        const action = actions[i];
        const row = { list: 'actions', index: i };
        // A new action's owner is picked from the attendees (or typed, for someone not here); a saved one's is shown by name.
        const owner = action
          ? [input(a.who, action.who, row)]
          : [input(ownerField, '', row, { choices: review.attendees.map((p) => ({ title: p.name, value: p.key })) }), input(a.who, '', row, { label: 'Or someone not at the meeting' })];
        return section(action ? `Action ${i + 1}${action.carriedForward ? ' (carried forward)' : ''}` : 'New action', [
          input(a.what, action?.what, row),
          ...owner,
          // Only an action carried forward may already be overdue.
          input(a.byWhen, action?.byWhen, row, { dateRange: byWhenRange(review, action) }),
          input(a.status, action?.status ?? 'not-started', row),
          input(a.notForFamily, action?.notForFamily ?? false, row),
          ...(action ? [input(a.remove, false, row)] : []),
        ]);
      }),
    ];
  },
  minutes(review) {
    const p = review.plan;
    const yesNo = (v: boolean) => (v ? 'Yes' : 'No');
    return [
      minutesSection(meta, review, p ? [
        ...p.dangerStatements.flatMap((d, i) => [
          fact(statementFields.danger, `Danger statement ${i + 1}`, d.danger),
          fact(statementFields.safetyGoal, `Safety goal ${i + 1}`, d.safetyGoal),
        ]),
        p.dangerStatements.length > 0 && fact(agreed, 'Statements agreed / reviewed', yesNo(p.statementsAgreedOrReviewed)),
        fact(contingency, 'Contingency plan', p.contingencyPlan.trim() === '' ? '(none recorded)' : p.contingencyPlan),
        ...p.actions.map((a, i) =>
          fact(
            actionFields.what,
            `Action ${i + 1}${a.carriedForward ? ' (carried forward)' : ''}`,
            `${a.what} · who: ${a.who} · by ${a.byWhen} · ${labelOf('status', a.status)}`,
            a.notForFamily,
          ),
        ),
      ] : []),
    ];
  },
} satisfies CapturingStep<'plan'>;

/**
 * Who owns an action: the attendee picked (by their name now), or the name typed. A saved action
 * whose owner's name is unchanged keeps its owner; one renamed by hand is owned by the name typed.
 */
function ownerOf(review: Review, ownerKey: string, who: string, before: PlanAction | undefined): { who: string; ownerKey?: string } | { field: 'who' | 'ownerKey'; error: string } {
  if (ownerKey !== '') {
    const picked = review.attendees.find((a) => a.key === ownerKey);
    return picked ? { who: picked.name, ownerKey: picked.key } : { field: 'ownerKey', error: 'Choose someone from the list' };
  }
  if (who === '') return { field: 'who', error: 'Every action needs an owner: pick one, or type who' };
  const kept = before?.ownerKey ? review.attendees.find((a) => a.key === before.ownerKey && a.name === who) : undefined;
  return kept ? { who, ownerKey: kept.key } : { who };
}

function byWhenRange(review: Review, action: PlanAction | undefined): DateRange {
  const meeting = review.setUp?.meetingDate;
  if (!meeting) return {};
  return { ...(action?.carriedForward ? {} : { min: meeting }), max: addMonths(meeting, 24) };
}
