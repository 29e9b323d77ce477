import { STEP_TITLES, parentsAndCarers, professionalsPresent, stepApplies } from './agenda';
import { Review, StepId } from './review';
import { labelOf } from './review-labels';

export interface MinutesEntry {
  readonly label: string;
  readonly value: string;
}

export interface MinutesSection {
  readonly step: StepId;
  readonly title: string;
  readonly entries: readonly MinutesEntry[];
}

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');
const orNone = (v: string) => (v.trim() === '' ? '(none recorded)' : v);

/** The whole record of the review, section by section, every captured field. */
export function minutesOf(review: Review): MinutesSection[] {
  const sections: MinutesSection[] = [];
  const add = (step: StepId, entries: MinutesEntry[]) => {
    if (stepApplies(review, step)) sections.push({ step, title: STEP_TITLES[step], entries });
  };
  const s = review.setUp;
  add('set-up', s ? [
    { label: 'Meeting', value: labelOf('meetingType', s.meetingType) },
    { label: 'Date', value: s.meetingDate },
    { label: 'Held', value: labelOf('mode', s.mode) },
    { label: 'Chair', value: `${s.chairName}, ${labelOf('chairRole', s.chairRole)}` },
    { label: 'Plan started', value: s.planStartDate },
    { label: 'Plan led by', value: labelOf('leadWorker', s.leadWorker) },
    ...s.children.map((c, i) => ({ label: `Child ${i + 1}`, value: `${c.firstName} (case ${c.caseReference})` })),
  ] : []);
  const t = review.timescales;
  if (t) {
    sections.push({
      step: 'set-up',
      title: 'Timescales',
      entries: [
        { label: 'Procedure', value: t.authority },
        { label: 'Plan week', value: t.planWeek },
        { label: 'Minutes due', value: t.minutesDue.date ?? t.minutesDue.explanation },
        ...(t.nextReview ? [{ label: 'Next review window', value: `${t.nextReview.earliest} to ${t.nextReview.latest} (aim for ${t.nextReview.target})` }] : []),
        ...(!t.chair.ok ? [{ label: 'Chair', value: t.chair.message }] : []),
        ...(t.meetingDate && !t.meetingDate.ok ? [{ label: 'Meeting date', value: t.meetingDate.message }] : []),
        ...(s?.timescaleReason ? [{ label: 'Reason recorded', value: s.timescaleReason }] : []),
      ],
    });
  }
  add('introductions', review.attendees.map((a) => ({
    label: a.name,
    value: [labelOf('role', a.role), a.organisation, labelOf('attendance', a.attendance), a.contact].filter((x) => x !== '').join(' · '),
  })));
  const e = review.explanations;
  add('explanations', e ? [
    { label: 'Role and Family Help model explained', value: yesNo(e.roleAndModelExplained) },
    { label: 'Professionals asked to have cameras on', value: yesNo(e.camerasOnAsked) },
  ] : []);
  add('child-voice', review.childVoices.flatMap((v) => {
    const child = s?.children.find((c) => c.key === v.childKey)?.firstName ?? 'Child';
    return [
      { label: `${child}: how obtained`, value: labelOf('source', v.source) },
      ...(v.ownWords ? [{ label: `${child}'s own words`, value: `“${v.ownWords}”` }] : []),
      ...(v.account || v.accountBy ? [{ label: `Shared by ${v.accountBy || '(not recorded)'}`, value: orNone(v.account) }] : []),
      { label: `${child}: seen alone since last meeting`, value: labelOf('seenAlone', v.seenAlone) + (v.notSeenAloneReason ? `: ${v.notSeenAloneReason}` : '') },
      { label: `${child}: interpreter`, value: labelOf('interpreter', v.interpreter) },
      { label: `${child}: wishes and feelings`, value: v.wishesAndFeelings },
      { label: `${child}: says they feel safe`, value: labelOf('feelsSafe', v.feelsSafe) },
    ];
  }));
  add('parents-voice', review.parentVoices.flatMap((v) => {
    const who = parentsAndCarers(review).find((p) => p.key === v.attendeeKey)?.name ?? 'Parent';
    return [
      { label: `${who}: wants from today`, value: orNone(v.wantsFromToday) },
      { label: `${who}: raises`, value: orNone(v.raises) },
      { label: `${who}: views on the plan`, value: orNone(v.viewsOnPlan) },
    ];
  }));
  const p = review.plan;
  add('plan', p ? [
    ...p.dangerStatements.flatMap((d, i) => [
      { label: `Danger statement ${i + 1}`, value: d.danger },
      { label: `Safety goal ${i + 1}`, value: d.safetyGoal },
    ]),
    ...(p.dangerStatements.length ? [{ label: 'Statements agreed / reviewed', value: yesNo(p.statementsAgreedOrReviewed) }] : []),
    ...p.actions.map((a, i) => ({
      label: `Action ${i + 1}${a.carriedForward ? ' (carried forward)' : ''}`,
      value: `${a.what} · who: ${a.who} · by ${a.byWhen} · ${labelOf('status', a.status)}`,
    })),
  ] : []);
  add('updates', review.updates.map((u) => {
    const who = professionalsPresent(review).find((a) => a.key === u.attendeeKey);
    return { label: who ? `${who.name} (${who.organisation || labelOf('role', who.role)})` : 'Update', value: u.update };
  }));
  const m = review.mapping;
  add('mapping', m ? [
    { label: 'Working well', value: m.workingWell },
    { label: 'Worries', value: m.worries },
    { label: 'Complicating factors', value: orNone(m.complicatingFactors) },
    { label: 'Safety plan', value: labelOf('safetyPlan', m.safetyPlan) + (m.safetyPlanNotes ? `: ${m.safetyPlanNotes}` : '') },
    ...m.scaling.map((sc) => ({ label: `Scaling: ${sc.party}`, value: `${sc.score} / 10` })),
  ] : []);
  const q = review.equality;
  add('equality', q ? [
    { label: 'Identity and culture', value: q.identityAndCulture },
    { label: 'Language', value: q.language },
    { label: 'Disability', value: q.disability },
  ] : []);
  const o = review.outcome;
  add('outcome', o ? [
    { label: 'Decision', value: labelOf('outcome', o.kind) },
    { label: 'Reason', value: o.reason },
    { label: 'Decided', value: o.decidedAt },
    ...(o.leadProfessional ? [{ label: 'Lead professional', value: o.leadProfessional }] : []),
    ...(o.closure ? Object.entries(o.closure).map(([k, v]) => ({ label: CLOSURE_LABELS[k] ?? k, value: yesNo(v) })) : []),
    { label: 'Closure likely at the next meeting', value: yesNo(o.closureLikelyNextTime) },
    ...(o.escalationInstructedAt ? [{ label: 'Chair told what to do next', value: o.escalationInstructedAt }] : []),
  ] : []);
  const x = review.exitPlanning;
  add('exit-planning', x ? [
    { label: 'Agencies asked to prepare exit strategies', value: yesNo(x.agenciesAsked) },
    { label: 'Exit strategies', value: x.exitStrategies },
  ] : []);
  const n = review.nextMeeting;
  add('next-meeting', n ? [
    { label: "Family's preference", value: labelOf('familyPreference', n.familyPreference) },
    { label: 'Proposed date', value: `${n.proposedDate}${n.proposedTime ? ` at ${n.proposedTime}` : ''}` },
    ...(n.dateVerdict && !n.dateVerdict.ok ? [{ label: 'Outside the window', value: n.dateVerdict.message }] : []),
    ...(n.dateReason ? [{ label: 'Reason recorded', value: n.dateReason }] : []),
  ] : []);
  return sections;
}

export const CLOSURE_LABELS: Readonly<Record<string, string>> = {
  managerAgreement: 'Manager agreement recorded',
  closureSummary: 'CIN review and closure summary',
  safetyPlanCirculated: 'Safety plan in place and circulated',
  stepAcrossConsidered: 'Step across to Early Help considered',
};
