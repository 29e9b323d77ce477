import { carryForwardActions } from '../../../../src/domain/review/new-review';
import { Review } from '../../../../src/domain/review/review';
import { FormValues } from '../../../../src/domain/review/step-forms';
import { ActionRow, DEFAULT_ATTENDEES, MEETING_DATE, VALID_FORMS, accept, attendeeValues, currentAttendeeRows, planValues, setUpValues, walkTo } from '../review-builder';
import { T36, errorsOf, parseStep, patchOf } from './form-test-kit';

const action = (change: Partial<ActionRow> = {}): ActionRow => ({ what: 'Book a GP appointment', who: 'Pat Parent', byWhen: '2026-03-20', status: 'not-started', ...change });
const plan = (review: Review, actions: ActionRow[], extra: FormValues = {}) => ({ ...planValues(review, actions), ...extra });

describe('the plan', () => {
  it('turns a valid form into exactly the typed plan, with new keys', () => {
    const review = walkTo('plan');
    const form = plan(review, [action({ what: ' Book a GP appointment ', status: 'on-track' })]);
    expect(patchOf(parseStep('plan', form, review))).toStrictEqual({
      plan: {
        dangerStatements: [{ key: `statement-${T36}-0`, danger: 'Amy may be hurt if the adults argue and drink', safetyGoal: 'Amy is safe at home because adults keep arguments away from her' }],
        statementsAgreedOrReviewed: true,
        actions: [{ key: `action-${T36}-0`, what: 'Book a GP appointment', who: 'Pat Parent', byWhen: '2026-03-20', status: 'on-track', carriedForward: false, notForFamily: false }],
        contingencyPlan: '',
      },
    });
  });

  it.each([
    ['actions.0.who', { who: '' }, 'Every action needs an owner: pick one, or type who'],
    ['actions.0.who', { who: 'x'.repeat(101) }, 'Remove 1 character: this is 101 characters and the limit is 100'],
    ['actions.0.byWhen', { byWhen: '' }, 'Every action needs a date it is due by'],
    ['actions.0.byWhen', { byWhen: '2026-02-30' }, 'Enter a real date (for example 2026-12-01)'],
    ['actions.0.byWhen', { byWhen: '2026-03-01' }, `A new action cannot be due before the meeting (${MEETING_DATE})`],
    ['actions.0.what', { what: '' }, 'Say what will be done'],
    ['actions.0.what', { what: 'x'.repeat(4001) }, 'Remove 1 character: this is 4,001 characters and the limit is 4,000'],
    ['actions.0.status', { status: 'finished' }, 'Choose the status'],
  ])('%s: a new action with %j is refused with "%s"', (field, change, message) => {
    expect(errorsOf(parseStep('plan', plan(walkTo('plan'), [action(change)])))).toEqual({ [field]: message });
  });

  it('a new action may be due on the day of the meeting', () => {
    expect(parseStep('plan', plan(walkTo('plan'), [action({ byWhen: MEETING_DATE })])).ok).toBe(true);
  });

  it('an error on the third action names the third row', () => {
    const form = plan(walkTo('plan'), [action(), action(), action({ who: ' ' })]);
    expect(errorsOf(parseStep('plan', form))).toEqual({ 'actions.2.who': 'Every action needs an owner: pick one, or type who' });
  });

  it('an action carried forward may already be overdue, and stays marked', () => {
    const previous = walkTo('minutes', { forms: { plan: (r) => planValues(r, [action({ byWhen: '2026-03-10' })]) } });
    const next = walkTo('plan', { forms: { 'set-up': () => setUpValues({ meetingType: 'progress', meetingDate: '2026-04-01' }) } });
    const carried = carryForwardActions(next, previous);
    const patch = patchOf(parseStep('plan', planValues(carried, []), carried));
    expect(patch.plan?.actions).toEqual([{ ...carried.plan!.actions[0], carriedForward: true }]);
    expect(patch.plan?.actions[0]?.byWhen).toBe('2026-03-10');
  });

  // The rule is about actions new at this meeting: saving one first must not let it be re-dated into the past.
  it('an action added at this meeting cannot be re-dated before the meeting after a save', () => {
    const at = walkTo('plan');
    const saved = accept(at, { type: 'submit', step: 'plan', form: plan(at, [action()]), intent: 'save' });
    expect(saved.plan?.actions[0]?.carriedForward).toBe(false);
    const redated = { ...planValues(saved, []), 'actions.0.byWhen': '2026-01-05' };
    expect(parseStep('plan', redated, saved).ok).toBe(false);
  });

  it('ignores blank action rows (even with a status chosen) and drops rows ticked remove', () => {
    const review = walkTo('minutes');
    const form = {
      ...planValues(review, [action({ what: 'Second' }), { what: '', who: '', byWhen: '', status: 'on-track' }]),
      'actions.0.remove': 'true',
    };
    expect(patchOf(parseStep('plan', form, review)).plan?.actions.map((a) => a.what)).toEqual(['Second']);
  });

  it('drops a danger statement ticked remove; no statements means no tick needed', () => {
    const review = walkTo('minutes');
    const form = { ...planValues(review, []), 'statements.0.remove': 'true', statementsAgreedOrReviewed: 'false' };
    const patch = patchOf(parseStep('plan', form, review));
    expect(patch.plan).toMatchObject({ dangerStatements: [], statementsAgreedOrReviewed: false, actions: review.plan!.actions });
  });

  it('a danger statement needs its safety goal, and the other way round', () => {
    const review = walkTo('plan');
    expect(errorsOf(parseStep('plan', { ...plan(review, [action()]), 'statements.0.safetyGoal': '' }, review))).toEqual({ 'statements.0.safetyGoal': 'Write the safety goal that answers it' });
    expect(errorsOf(parseStep('plan', { ...plan(review, [action()]), 'statements.0.danger': '' }, review))).toEqual({ 'statements.0.danger': 'Write the danger statement' });
  });

  it.each([
    ['initial', 'Tick once the danger statements and safety goals are agreed'],
    ['progress', 'Tick once the danger statements and safety goals have been reviewed'],
  ])('at a %s meeting statements must be ticked: "%s"', (meetingType, message) => {
    const review = walkTo('plan', { forms: { 'set-up': () => setUpValues({ meetingType }) } });
    expect(errorsOf(parseStep('plan', plan(review, [action()], { statementsAgreedOrReviewed: 'false' }), review))).toEqual({ statementsAgreedOrReviewed: message });
  });

  it('at most 30 actions (what one card carries)', () => {
    const review = walkTo('plan');
    expect(parseStep('plan', plan(review, Array.from({ length: 30 }, () => action())), review).ok).toBe(true);
    expect(errorsOf(parseStep('plan', plan(review, Array.from({ length: 31 }, () => action())), review))['actions.0.what']).toBe(
      'At most 30 actions: mark done ones done, or merge some',
    );
  });
});

describe('mapping', () => {
  const valid = () => VALID_FORMS.mapping(walkTo('mapping'));

  it('turns a valid form into exactly the typed mapping, scaling only where given', () => {
    const form = { ...valid(), worries: ' None ', scaleParents: '', 'childScales.0.score': ' 10 ', scaleOverall: '0' };
    expect(patchOf(parseStep('mapping', form))).toStrictEqual({
      mapping: {
        workingWell: 'Amy attends school every day', worries: 'None', professionalWorries: '', complicatingFactors: 'Dad works away', safetyPlan: 'tested',
        safetyPlanNotes: 'Tested once, it held',
        scaling: [{ party: 'Overall', score: 0 }, { party: 'Professionals', score: 5 }, { party: 'Amy', score: 10, childKey: walkTo('mapping').setUp!.children[0]!.key }],
      },
    });
  });

  it.each(['11', '-1', '1.5', 'ten', '100', '+5', '5/10'].flatMap((v) => [['scaleOverall', v], ['childScales.0.score', v], ['parentScales.0.score', v]]))(
    '%s of %j is outside 0-10',
    (field, v) => {
      expect(errorsOf(parseStep('mapping', { ...valid(), [field]: v }))).toEqual({ [field]: 'Scaling is a whole number from 0 to 10' });
    },
  );

  it('needs the overall scaling, but not the others', () => {
    expect(errorsOf(parseStep('mapping', { ...valid(), scaleOverall: ' ' }))).toEqual({ scaleOverall: 'Give the overall scaling, 0 to 10' });
    const patch = patchOf(parseStep('mapping', { ...valid(), scaleParents: '', scaleProfessionals: '', 'childScales.0.score': '' }));
    expect(patch.mapping?.scaling).toEqual([{ party: 'Overall', score: 6 }]);
  });

  // "Mum 7, Dad 8" was refused, and the minutes read "Scaling: Child 4 / 10" without saying which child.
  it('scales each child and each parent separately, by name', () => {
    const review = walkTo('mapping', {
      forms: {
        'set-up': () => setUpValues({ children: [{ firstName: 'Amy', caseReference: 'A1' }, { firstName: 'Ben', caseReference: 'B2' }] }),
        introductions: (r) => attendeeValues(currentAttendeeRows(r, [...DEFAULT_ATTENDEES, { name: 'Dee Dad', role: 'parent-carer', attendance: 'apologies' }])),
      },
    });
    const [amy, ben] = review.setUp!.children;
    const [pat, dee] = review.attendees.filter((a) => a.role === 'parent-carer');
    const form = { ...VALID_FORMS.mapping(review), scaleParents: '', 'childScales.0.score': '4', 'childScales.1.score': '9', 'parentScales.0.score': '7', 'parentScales.1.score': '8' };
    expect(patchOf(parseStep('mapping', form, review)).mapping?.scaling).toEqual([
      { party: 'Overall', score: 6 },
      { party: 'Professionals', score: 5 },
      { party: 'Amy', score: 4, childKey: amy!.key },
      { party: 'Ben', score: 9, childKey: ben!.key },
      { party: 'Pat Parent', score: 7, attendeeKey: pat!.key },
      { party: 'Dee Dad', score: 8, attendeeKey: dee!.key },
    ]);
  });

  it.each([
    ['workingWell', '', 'Record what is working well'],
    ['worries', ' ', 'Record the worries (write "None" if there are none)'],
    ['safetyPlan', 'forgotten', 'Say whether the safety plan was tested or changed'],
    ['complicatingFactors', 'x'.repeat(4001), 'Remove 1 character: this is 4,001 characters and the limit is 4,000'],
    ['safetyPlanNotes', 'x'.repeat(4001), 'Remove 1 character: this is 4,001 characters and the limit is 4,000'],
  ])('%s of %j is refused with "%s"', (field, v, message) => {
    expect(errorsOf(parseStep('mapping', { ...valid(), [field]: v }))).toEqual({ [field]: message });
  });

  it('takes 4000 characters of text', () => {
    expect(parseStep('mapping', { ...valid(), workingWell: 'x'.repeat(4000) }).ok).toBe(true);
  });
});

describe('equality and diversity', () => {
  const valid = { identityAndCulture: 'Mixed heritage; attends mosque', language: 'Bilingual, Urdu at home', disability: 'None known' };

  it('turns a valid form into exactly the typed answers', () => {
    expect(patchOf(parseStep('equality', valid))).toStrictEqual({ equality: valid });
  });

  it.each([
    ['identityAndCulture', "Say how the child's identity and culture are met"],
    ['language', "Say how the child's language and communication needs are met"],
    ['disability', 'Say how any disability is met (write "None known" if none)'],
  ])('%s must be addressed: "%s"', (field, message) => {
    expect(errorsOf(parseStep('equality', { ...valid, [field]: '' }))).toEqual({ [field]: message });
  });
});
