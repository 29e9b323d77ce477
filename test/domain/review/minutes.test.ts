import { applicableSteps } from '../../../src/domain/review/agenda';
import { CLOSURE_LABELS, MinutesSection, minutesOf } from '../../../src/domain/review/minutes';
import { londonTimeAndDate } from '../../../src/domain/review/london-time';
import { carryForwardActions } from '../../../src/domain/review/new-review';
import { Review } from '../../../src/domain/review/review';
import { FormValues } from '../../../src/domain/review/step-forms';
import { FormBuilder, FormStep, VALID_FORMS, attendeeValues, completeReview, outcomeValues, setUpValues, walkTo } from './review-builder';

const text = (sections: readonly MinutesSection[]) => sections.flatMap((s) => [s.title, ...s.entries.flatMap((e) => [e.label, e.value])]).join('\n');
const sectionText = (review: Review, step: FormStep) => text(minutesOf(review).filter((s) => s.step === step));
const m = (name: string) => `M-${name}-M`;

/** Every text field of every step filled with a distinct marker. */
const MARKED: Record<FormStep, FormValues> = {
  'set-up': setUpValues({ meetingType: 'initial', mode: 'online', chairName: m('CHAIR-NAME'), chairRole: 'CSW', children: [{ firstName: m('AMY'), caseReference: m('REF-AMY') }, { firstName: m('BEN'), caseReference: m('REF-BEN') }] }),
  introductions: attendeeValues([
    { name: m('CHAIR-ATTENDEE'), role: 'social-care', organisation: m('CHAIR-ORG'), phone: m('CHAIR-CONTACT') },
    { name: m('MUM'), role: 'parent-carer', phone: m('MUM-CONTACT') },
    { name: m('DAD'), role: 'parent-carer', attendance: 'apologies', organisation: m('DAD-ORG'), phone: m('DAD-CONTACT') },
    { name: m('SCHOOL'), role: 'school-nursery', organisation: m('SCHOOL-ORG') },
    { name: m('GRAN'), role: 'family-network', attendance: 'absent' },
  ]),
  explanations: { roleAndModelExplained: 'true', camerasOnAsked: 'true' },
  'child-voice': {
    'voices.0.source': 'own-words-verbatim', 'voices.0.ownWords': m('AMY-OWN'), 'voices.0.accountBy': m('AMY-BY'), 'voices.0.account': m('AMY-ACCOUNT'),
    'voices.0.seenAlone': 'yes', 'voices.0.interpreter': 'not-needed', 'voices.0.wishesAndFeelings': m('AMY-WISHES'), 'voices.0.feelsSafe': 'yes',
    'voices.1.source': 'shared-by-family', 'voices.1.ownWords': m('BEN-OWN'), 'voices.1.accountBy': m('BEN-BY'), 'voices.1.account': m('BEN-ACCOUNT'),
    'voices.1.seenAlone': 'no', 'voices.1.notSeenAloneReason': m('BEN-REASON'), 'voices.1.interpreter': 'non-family-interpreter',
    'voices.1.wishesAndFeelings': m('BEN-WISHES'), 'voices.1.feelsSafe': 'unsure',
  },
  'parents-voice': {
    'parents.0.wantsFromToday': m('MUM-WANTS'), 'parents.0.raises': m('MUM-RAISES'), 'parents.0.viewsOnPlan': m('MUM-VIEWS'),
    'parents.1.wantsFromToday': m('DAD-WANTS'), 'parents.1.raises': m('DAD-RAISES'), 'parents.1.viewsOnPlan': m('DAD-VIEWS'),
  },
  plan: {
    'statements.0.danger': m('DANGER-1'), 'statements.0.safetyGoal': m('GOAL-1'), 'statements.1.danger': m('DANGER-2'), 'statements.1.safetyGoal': m('GOAL-2'),
    statementsAgreedOrReviewed: 'true',
    'actions.0.what': m('ACTION-1'), 'actions.0.who': m('OWNER-1'), 'actions.0.byWhen': '2026-03-20', 'actions.0.status': 'on-track',
    'actions.1.what': m('ACTION-2'), 'actions.1.who': m('OWNER-2'), 'actions.1.byWhen': '2026-04-17', 'actions.1.status': 'drifting',
  },
  updates: { 'updates.0.update': m('UPDATE-CHAIR'), 'updates.1.update': m('UPDATE-SCHOOL') },
  mapping: {
    workingWell: m('WORKING-WELL'), worries: m('WORRIES'), complicatingFactors: m('COMPLICATING'), safetyPlan: 'tested-and-changed',
    safetyPlanNotes: m('SAFETY-NOTES'), scaleOverall: '6', scaleParents: '7', scaleProfessionals: '3', 'childScales.0.score': '9', 'childScales.1.score': '2', 'parentScales.1.score': '8',
  },
  equality: { identityAndCulture: m('IDENTITY'), language: m('LANGUAGE'), disability: m('DISABILITY') },
  outcome: outcomeValues({ kind: 'step-down', reason: m('REASON'), leadProfessional: m('LEAD'), closureLikelyNextTime: true }),
  'exit-planning': { agenciesAsked: 'true', exitStrategies: m('EXIT') },
  'next-meeting': { familyPreference: 'online', proposedDate: '2026-03-30', proposedTime: '15:45' },
};

const markedForms: Partial<Record<FormStep, FormBuilder>> = {};
for (const [step, form] of Object.entries(MARKED) as Array<[FormStep, FormValues]>) markedForms[step] = () => form;

describe('minutes of a fully walked review', () => {
  const review = completeReview({ forms: markedForms });
  const markers = Object.entries(MARKED).flatMap(([step, form]) => Object.values(form).filter((v) => /^M-.*-M$/.test(v)).map((v) => [step as FormStep, v] as const));

  it('walked every step and used distinct markers', () => {
    expect(review.completedSteps).toHaveLength(12);
    const all = markers.map(([, v]) => v);
    expect(all.length).toBeGreaterThan(50);
    for (const a of all) for (const b of all) if (a !== b) expect(b.includes(a)).toBe(false);
  });

  it.each(markers)('the %s section shows %s', (step, marker) => {
    expect(sectionText(review, step)).toContain(marker);
  });

  it.each([
    ['set-up', ['Initial CIN meeting', '2026-03-02', 'Online (Teams)', 'Consultant Social Worker']],
    ['introductions', ['Parent / carer', 'Apologies', 'Absent', 'Family network', 'School / nursery', 'Present']],
    ['explanations', ['Role and Family Help model explained', 'Professionals asked to have cameras on']],
    ['child-voice', ["The child's own words, recorded verbatim", 'Shared by a family member', 'Yes, a non-family interpreter', 'Unsure', 'Not needed']],
    ['plan', ['2026-03-20', 'On track', '2026-04-17', 'Drifting', 'Statements agreed / reviewed']],
    ['mapping', ['Tested and changed', 'Scaling: Overall', '6 / 10', 'Scaling: Parents', '7 / 10', 'Scaling: Professionals', '3 / 10', 'Scaling: M-AMY-M', '9 / 10', 'Scaling: M-BEN-M', '2 / 10', 'Scaling: M-DAD-M', '8 / 10']],
    ['outcome', ['Step down / step across to Early Help', 'Closure likely at the next meeting']],
    ['exit-planning', ['Agencies asked to prepare exit strategies']],
    ['next-meeting', ['On Teams', '2026-03-30 at 15:45']],
  ] as const)('the %s section words the coded answers: %j', (step, words) => {
    for (const w of words) expect(sectionText(review, step)).toContain(w);
  });

  it('dates the decision, in words (Europe/London), never as an ISO stamp', () => {
    expect(sectionText(review, 'outcome')).toContain(londonTimeAndDate(review.outcome!.decidedAt));
    expect(sectionText(review, 'outcome')).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });

  it('has one section per applicable step before the minutes, in agenda order', () => {
    expect(minutesOf(review).map((s) => s.step)).toEqual(applicableSteps(review).filter((s) => s !== 'minutes'));
  });

  it("keeps the child's own words and the account apart, each attributed", () => {
    const entries = minutesOf(review).find((s) => s.step === 'child-voice')!.entries;
    expect(entries).toContainEqual({ label: `${m('AMY')}'s own words`, value: `“${m('AMY-OWN')}”`, audience: 'everyone' });
    expect(entries).toContainEqual({ label: `Shared by ${m('AMY-BY')}`, value: m('AMY-ACCOUNT'), audience: 'everyone' });
    expect(entries).toContainEqual({ label: `${m('BEN')}: seen alone since last meeting`, value: `No: ${m('BEN-REASON')}`, audience: 'everyone' });
  });
});

describe('minutes of other outcomes', () => {
  it('a closure lists the four conditions and no exit planning or next meeting', () => {
    const closed = completeReview({ forms: { outcome: () => outcomeValues({ kind: 'close', closureLikelyNextTime: false }) } });
    const minutes = minutesOf(closed);
    expect(minutes.map((s) => s.step)).not.toContain('next-meeting');
    expect(minutes.map((s) => s.step)).not.toContain('exit-planning');
    const entries = minutes.find((s) => s.step === 'outcome')!.entries;
    for (const label of Object.values(CLOSURE_LABELS)) expect(entries).toContainEqual(expect.objectContaining({ label, value: 'Yes' }));
    // The manager's agreement is the professionals' record.
    expect(entries).toContainEqual({ label: CLOSURE_LABELS.managerAgreement, value: 'Yes', audience: 'professionals' });
  });

  it('an escalation records when the chair was told what to do next', () => {
    const escalated = completeReview({ forms: { outcome: () => outcomeValues({ kind: 'escalate', closureLikelyNextTime: false }) } });
    expect(minutesOf(escalated).find((s) => s.step === 'outcome')!.entries).toContainEqual({
      label: 'Chair told what to do next', value: londonTimeAndDate(escalated.outcome!.escalationInstructedAt!), audience: 'professionals',
    });
    // Times in words, Europe/London, never an ISO stamp (T0 is 09:00Z on Mon 2 Mar 2026, GMT).
    expect(minutesOf(escalated).find((s) => s.step === 'outcome')!.entries).toContainEqual(expect.objectContaining({ label: 'Decided', value: expect.stringMatching(/^09:\d\d on Mon 2 Mar 2026$/) }));
  });

  it('marks actions carried forward', () => {
    const previous = completeReview();
    const next = carryForwardActions(walkTo('plan'), previous);
    const done = completeReview({ from: next });
    expect(sectionText(done, 'plan')).toContain('Action 1 (carried forward)');
    expect(sectionText(done, 'plan')).toMatch(/Action 2\n/);
  });

  it('says "(none recorded)" for optional answers left blank', () => {
    const quiet = completeReview({
      forms: {
        'parents-voice': () => ({ 'parents.0.viewsOnPlan': 'Fine' }),
        mapping: (r) => ({ ...VALID_FORMS.mapping(r), complicatingFactors: '' }),
      },
    });
    expect(sectionText(quiet, 'parents-voice')).toContain('(none recorded)');
    expect(minutesOf(quiet).find((s) => s.step === 'mapping')!.entries).toContainEqual({ label: 'Complicating factors', value: '(none recorded)', audience: 'everyone' });
  });

  it("records who shared an account even when the account itself was left blank", () => {
    const form = (r: Review) => ({ ...VALID_FORMS['child-voice'](r), 'voices.0.source': 'drawing-or-writing', 'voices.0.ownWords': '', 'voices.0.accountBy': 'M-TEACHER-M' });
    const review = completeReview({ forms: { 'child-voice': form } });
    expect(review.childVoices[0]?.accountBy).toBe('M-TEACHER-M');
    expect(sectionText(review, 'child-voice')).toContain('M-TEACHER-M');
  });
});
