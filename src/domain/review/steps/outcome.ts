import { OUTCOMES, Outcome } from '../review';
import { londonTimeAndDate } from '../london-time';
import { labelOf } from '../review-labels';
import { parseWith, stepResult } from '../step-forms/form-values';
import { choiceField, longText, objectOf, shortText, tickField } from './fields';
import { CapturingStep, always, fact, input, minutesSection, section } from './step-definition';

const fields = {
  kind: choiceField('kind', 'Outcome of the review', OUTCOMES, 'outcome', 'Choose the outcome of the review'),
  reason: longText('reason', 'Reason for the decision', { required: 'Record the reason for this decision' }),
  leadProfessional: shortText('leadProfessional', 'Lead professional (step down / across)'),
  closureLikelyNextTime: tickField('closureLikelyNextTime', 'Closure is likely at the next meeting'),
};

/** 003, closure: a CIN plan closes only once each of these is done. */
const closureFields = {
  managerAgreement: tickField('managerAgreement', 'Manager agreement captured in supervision / oversight', { audience: 'professionals' }),
  closureSummary: tickField('closureSummary', 'CIN review and closure summary written'),
  safetyPlanCirculated: tickField('safetyPlanCirculated', 'Safety plan in place and circulated to the group'),
  stepAcrossConsidered: tickField('stepAcrossConsidered', 'Step across to Early Help considered'),
};

export const CLOSURE_LABELS: Readonly<Record<keyof typeof closureFields, string>> = {
  managerAgreement: 'Manager agreement recorded',
  closureSummary: 'CIN review and closure summary',
  safetyPlanCirculated: 'Safety plan in place and circulated',
  stepAcrossConsidered: 'Step across to Early Help considered',
};

const outcomeFields = objectOf({ ...fields, ...closureFields });
const meta = { id: 'outcome', title: 'Outcome' } as const;
const yesNo = (v: boolean) => (v ? 'Yes' : 'No');

export const outcomeStep = {
  ...meta,
  applies: always,
  covers: always,
  fields: [...Object.values(fields), ...Object.values(closureFields)],
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
  form(review) {
    const o = review.outcome;
    return [
      section('Decision', [
        input(fields.kind, o?.kind),
        input(fields.reason, o?.reason),
        input(fields.leadProfessional, o?.leadProfessional),
        input(fields.closureLikelyNextTime, o?.closureLikelyNextTime ?? false),
      ]),
      section(
        'Closure conditions (only if closing)',
        (Object.keys(closureFields) as Array<keyof typeof closureFields>).map((k) => input(closureFields[k], o?.closure?.[k] ?? false)),
      ),
    ];
  },
  minutes(review) {
    const o = review.outcome;
    return [
      minutesSection(meta, review, o ? [
        fact(fields.kind, 'Decision', labelOf('outcome', o.kind)),
        fact(fields.reason, 'Reason', o.reason),
        fact(fields.kind, 'Decided', londonTimeAndDate(o.decidedAt)),
        o.leadProfessional !== '' && fact(fields.leadProfessional, 'Lead professional', o.leadProfessional),
        ...(o.closure ? (Object.keys(closureFields) as Array<keyof typeof closureFields>).map((k) => fact(closureFields[k], CLOSURE_LABELS[k], yesNo(o.closure![k]))) : []),
        fact(fields.closureLikelyNextTime, 'Closure likely at the next meeting', yesNo(o.closureLikelyNextTime)),
        o.escalationInstructedAt !== undefined && { label: 'Chair told what to do next', value: londonTimeAndDate(o.escalationInstructedAt), audience: 'professionals' },
      ] : []),
    ];
  },
} satisfies CapturingStep<'outcome'>;
