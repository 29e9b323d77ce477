import { MAX_ATTENDEES } from '../../../src/domain/review/step-forms';
import { carryForwardActions, caseReferences, newReview } from '../../../src/domain/review/new-review';
import { PlanAction, Review } from '../../../src/domain/review/review';
import { CHAIR, OTHER, T0, completeReview, freshReview, planValues, setUpValues, walkTo } from './review-builder';

describe('newReview', () => {
  it('opens at the set-up, version 1, chaired by whoever started it', () => {
    const r = freshReview();
    expect(r).toMatchObject({
      status: 'in-progress', version: 1, currentStep: 'set-up', completedSteps: [], createdAt: T0, updatedAt: T0,
      startedBy: CHAIR, chair: CHAIR, childVoices: [], parentVoices: [], updates: [],
    });
    expect(r.setUp ?? r.plan ?? r.outcome ?? r.signOff ?? r.cancelled).toBeUndefined();
  });

  it('lists the chair first (social care), then everyone else Teams offered, once, their role to be chosen', () => {
    const r = freshReview([OTHER, CHAIR, { teamsUserId: '29:third', name: 'Tia Third' }]);
    expect(r.attendees.map((a) => [a.key, a.name, a.role, a.attendance, a.teams?.teamsUserId])).toEqual([
      ['attendee-roster-0', 'Chris Chair', 'social-care', 'present', '29:chair'],
      ['attendee-roster-1', 'Olu Other', null, 'present', '29:other'],
      ['attendee-roster-2', 'Tia Third', null, 'present', '29:third'],
    ]);
    expect(r.rosterOffered).toHaveLength(3);
  });

  it("takes each roster member's email from the Teams identity, when the roster gave one; no phone is guessed", () => {
    const r = freshReview([{ ...OTHER, email: 'olu.other@council.gov.uk' }, { teamsUserId: '29:third', name: 'Tia Third' }]);
    expect(r.attendees.map((a) => [a.name, a.email, a.phone, a.teams?.email, a.receivesMinutes, a.doNotShareContact])).toEqual([
      ['Chris Chair', '', '', undefined, true, false],
      ['Olu Other', 'olu.other@council.gov.uk', '', 'olu.other@council.gov.uk', true, false],
      ['Tia Third', '', '', undefined, true, false],
    ]);
  });

  it('keeps ids from the conversation', () => {
    const r = newReview({ id: 'r-9', conversationId: 'c-9', tenantId: 't-9', startedBy: OTHER, roster: [], now: T0 });
    expect([r.id, r.conversationId, r.tenantId, r.chair]).toEqual(['r-9', 'c-9', 't-9', OTHER]);
  });
});

describe('carryForwardActions', () => {
  const act = (key: string, status: PlanAction['status'], carriedForward = false): PlanAction => ({
    key, what: `do ${key}`, who: 'Sam', byWhen: '2026-02-20', status, carriedForward, notForFamily: false,
  });
  const previousWith = (actions: PlanAction[]): Review => ({
    ...completeReview(),
    plan: { dangerStatements: [{ key: 's1', danger: 'D', safetyGoal: 'G' }], statementsAgreedOrReviewed: true, actions, contingencyPlan: 'C' },
  });

  it('brings forward every action not done, marked, with new keys; done ones stay behind', () => {
    const previous = previousWith([act('a', 'done'), act('b', 'on-track'), act('c', 'not-started'), act('d', 'drifting'), act('e', 'done', true)]);
    const carried = carryForwardActions(walkTo('plan'), previous);
    expect(carried.plan?.actions).toEqual([
      { ...act('b', 'on-track'), key: 'carried-b', carriedForward: true },
      { ...act('c', 'not-started'), key: 'carried-c', carriedForward: true },
      { ...act('d', 'drifting'), key: 'carried-d', carriedForward: true },
    ]);
  });

  it('brings the danger statements to be reviewed again (not yet ticked)', () => {
    const carried = carryForwardActions(walkTo('plan'), previousWith([act('b', 'on-track')]));
    expect(carried.plan).toMatchObject({ dangerStatements: [{ key: 's1', danger: 'D', safetyGoal: 'G' }], statementsAgreedOrReviewed: false });
  });

  it('changes nothing else in the review', () => {
    const review = walkTo('plan');
    const { plan, ...rest } = carryForwardActions(review, previousWith([act('b', 'on-track')]));
    expect(rest).toEqual(review);
    expect(plan).toBeDefined();
  });

  it('never overwrites a plan the chair has already started, even an empty one', () => {
    const previous = previousWith([act('b', 'on-track')]);
    const started = walkTo('mapping');
    expect(carryForwardActions(started, previous)).toBe(started);
    const empty: Review = { ...walkTo('plan'), plan: { dangerStatements: [], statementsAgreedOrReviewed: false, actions: [], contingencyPlan: '' } };
    expect(carryForwardActions(empty, previous)).toBe(empty);
  });

  it('does nothing without a previous review or a previous plan', () => {
    const review = walkTo('plan');
    expect(carryForwardActions(review, undefined)).toBe(review);
    expect(carryForwardActions(review, walkTo('child-voice'))).toBe(review);
  });

  it('an all-done plan carries forward no actions', () => {
    expect(carryForwardActions(walkTo('plan'), previousWith([act('a', 'done')])).plan?.actions).toEqual([]);
  });

  it('carried actions survive the plan step unchanged', () => {
    const carried = carryForwardActions(walkTo('plan'), previousWith([act('b', 'drifting')]));
    const done = walkTo('mapping', { from: carried, forms: { plan: (r) => planValues(r, []) } });
    expect(done.plan?.actions).toEqual(carried.plan?.actions);
  });
});

describe('caseReferences', () => {
  it('lists the case reference of each child, none before the set-up', () => {
    expect(caseReferences(freshReview())).toEqual([]);
    const two = walkTo('introductions', { forms: { 'set-up': () => setUpValues({ children: [{ firstName: 'A', caseReference: 'R-1' }, { firstName: 'B', caseReference: 'R/2' }] }) } });
    expect(caseReferences(two)).toEqual(['R-1', 'R/2']);
  });
});

describe('a large chat', () => {
  it('offers the chair and the first people of the roster up to the most one card carries', () => {
    const roster = Array.from({ length: 45 }, (_, i) => ({ teamsUserId: `29:p${i}`, name: `Person ${i}` }));
    const review = newReview({ id: 'r', conversationId: 'c', tenantId: 't', startedBy: CHAIR, roster, now: T0 });
    expect(review.attendees).toHaveLength(MAX_ATTENDEES);
    expect(review.attendees[0]!.teams).toEqual(CHAIR);
    expect(review.rosterOffered).toHaveLength(45);
  });
});
