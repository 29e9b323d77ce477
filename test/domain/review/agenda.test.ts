import fc from 'fast-check';
import {
  STEP_TITLES,
  applicableSteps,
  explanationsNeeded,
  nextStep,
  parentsAndCarers,
  previousStep,
  professionalsPresent,
  progressOf,
  stepApplies,
} from '../../../src/domain/review/agenda';
import { ATTENDEE_ROLES, Attendance, Attendee, AttendeeRole, Outcome, OutcomeKind, Review, STEP_IDS, SetUp, StepId } from '../../../src/domain/review/review';
import { parseNewAttendee } from '../../../src/domain/review/step-forms';
import { MEETING_DATE, T0, freshReview, setUpValues, submit, walkTo } from './review-builder';

const attendee = (role: AttendeeRole, attendance: Attendance = 'present', key = `a-${role}-${attendance}`): Attendee => ({
  key, name: `Name ${key}`, role, organisation: '', attendance, email: '', phone: '', receivesMinutes: true, doNotShareContact: false,
});

const setUp = (meetingType: SetUp['meetingType'], mode: SetUp['mode']): SetUp => ({
  meetingType, mode, chairName: 'Chris Chair', chairRole: 'SSWOP', meetingDate: MEETING_DATE,
  children: [{ key: 'child-1', firstName: 'Amy', caseReference: 'CIN-1' }],
  planStartDate: MEETING_DATE, policyPackId: 'leicestershire', leadWorker: 'SW', timescaleReason: '', lastReviewDate: '', caseOpenedDate: '',
});

const outcome = (kind: OutcomeKind, closureLikelyNextTime: boolean): Outcome => ({
  kind, reason: 'r', decidedAt: T0, leadProfessional: '', closureLikelyNextTime,
});

/** A review with nothing optional: no set-up, no attendees, no outcome. */
const bare = (patch: Partial<Review> = {}): Review => ({ ...freshReview(), attendees: [], ...patch });

describe('skip rules', () => {
  it.each([
    ['initial', 'online', true, ['role-and-model', 'cameras']],
    ['initial', 'in-person', true, ['role-and-model']],
    ['progress', 'online', true, ['cameras']],
    ['progress', 'in-person', false, []],
    ['final', 'online', true, ['cameras']],
    ['final', 'in-person', false, []],
  ] as const)('explanations: a %s meeting held %s applies=%s, explains %j', (type, mode, applies, needed) => {
    const review = bare({ setUp: setUp(type, mode) });
    expect(stepApplies(review, 'explanations')).toBe(applies);
    expect(explanationsNeeded(review)).toEqual(needed);
  });

  it('explanations apply until the set-up says otherwise', () => {
    expect(stepApplies(bare(), 'explanations')).toBe(true);
    expect(explanationsNeeded(bare())).toEqual([]);
  });

  it.each([
    ['no attendees', [], false],
    ['a parent/carer present', [attendee('parent-carer')], true],
    ['a parent/carer who sent apologies', [attendee('parent-carer', 'apologies')], true],
    ['a parent/carer absent', [attendee('parent-carer', 'absent')], true],
    ['only family network and the child', [attendee('family-network'), attendee('child')], false],
    ['only professionals', [attendee('school-nursery'), attendee('health')], false],
  ])("parents' voice with %s applies=%s", (_, attendees, applies) => {
    const review = bare({ attendees });
    expect(stepApplies(review, 'parents-voice')).toBe(applies);
    expect(parentsAndCarers(review)).toHaveLength(attendees.filter((a) => a.role === 'parent-carer').length);
  });

  const FAMILY: readonly AttendeeRole[] = ['child', 'parent-carer', 'family-network'];
  it.each(ATTENDEE_ROLES.map((role) => [role, !FAMILY.includes(role)] as const))(
    'updates with only a %s present applies=%s',
    (role, applies) => {
      expect(stepApplies(bare({ attendees: [attendee(role)] }), 'updates')).toBe(applies);
    },
  );

  it.each([
    ['no attendees', [], false],
    // An agency that sent apologies may send a written update: the step applies, with nothing required of it.
    ['a school that sent apologies', [attendee('school-nursery', 'apologies')], true],
    ['a role not yet chosen', [{ ...attendee('health'), role: null }], false],
    ['health absent, parent present', [attendee('health', 'absent'), attendee('parent-carer')], false],
    ['a GP present among family', [attendee('parent-carer'), attendee('gp')], true],
  ])('updates with %s applies=%s', (_, attendees, applies) => {
    const review = bare({ attendees });
    expect(stepApplies(review, 'updates')).toBe(applies);
    expect(professionalsPresent(review).length > 0 || review.attendees.some((a) => a.attendance === 'apologies')).toBe(applies);
  });

  it.each([
    [undefined, undefined, false, true],
    ['continue', true, true, true],
    ['continue', false, false, true],
    ['step-down', true, true, true],
    ['assessment', true, true, true],
    ['escalate', true, true, true],
    ['escalate', false, false, true],
    ['close', true, false, false],
    ['close', false, false, false],
  ] as const)('outcome %s (closure likely next time: %s): exit planning %s, next meeting %s', (kind, likely, exit, next) => {
    const review = bare(kind === undefined ? {} : { outcome: outcome(kind, likely ?? false) });
    expect(stepApplies(review, 'exit-planning')).toBe(exit);
    expect(stepApplies(review, 'next-meeting')).toBe(next);
  });

  const ALWAYS: readonly StepId[] = ['set-up', 'introductions', 'child-voice', 'plan', 'mapping', 'equality', 'outcome', 'minutes'];
  it.each(ALWAYS)('%s always applies', (step) => {
    expect(stepApplies(bare(), step)).toBe(true);
    expect(stepApplies(bare({ setUp: setUp('progress', 'in-person'), outcome: outcome('close', false) }), step)).toBe(true);
  });
});

describe('applicable steps, next and previous', () => {
  const minimal = bare({ setUp: setUp('progress', 'in-person'), attendees: [attendee('parent-carer', 'apologies', 'p')] });
  const small = bare({ setUp: setUp('progress', 'in-person') });

  it('keeps agenda order and leaves out skipped steps', () => {
    expect(applicableSteps(small)).toEqual(['set-up', 'introductions', 'child-voice', 'plan', 'mapping', 'equality', 'outcome', 'next-meeting', 'minutes']);
    expect(applicableSteps(bare({ outcome: outcome('continue', true), attendees: [attendee('parent-carer'), attendee('police')] }))).toEqual([...STEP_IDS]);
  });

  it.each([
    ['set-up', 'introductions', 'set-up'],
    ['introductions', 'child-voice', 'set-up'],
    ['child-voice', 'parents-voice', 'introductions'],
    ['parents-voice', 'plan', 'child-voice'],
    ['plan', 'mapping', 'parents-voice'],
    ['outcome', 'next-meeting', 'equality'],
    ['next-meeting', 'minutes', 'outcome'],
    ['minutes', 'minutes', 'next-meeting'],
  ] as const)('from %s the next step is %s and the previous %s', (from, next, previous) => {
    expect(nextStep(minimal, from)).toBe(next);
    expect(previousStep(minimal, from)).toBe(previous);
  });

  it('steps over a skipped step even when asked from it', () => {
    expect(nextStep(small, 'explanations')).toBe('child-voice');
    expect(previousStep(small, 'updates')).toBe('plan');
  });
});

describe('progress', () => {
  // A chair saw "Step 1 of 11" become "Step 2 of 12" once a parent was added: the count must not move.
  it('starts at "Step 1 of 13": the agenda, whatever will turn out to apply', () => {
    expect(progressOf(freshReview())).toEqual({ stepNumber: 1, stepCount: 13, title: 'Set-up', label: 'Step 1 of 13: Set-up' });
  });

  it.each(STEP_IDS.map((step, i) => [step, i + 1] as const))('on the full walk, %s is "Step %i of 13"', (step, k) => {
    const p = progressOf(walkTo(step));
    expect(p.label).toBe(`Step ${k} of 13: ${STEP_TITLES[step]}`);
    expect([p.stepNumber, p.stepCount, p.title]).toEqual([k, 13, STEP_TITLES[step]]);
  });

  it('adding a parent (who brings the parents’ voice) changes neither the total nor where the review stands', () => {
    const before = walkTo('introductions');
    const added = parseNewAttendee({ 'newAttendee.name': 'Dee Dad', 'newAttendee.role': 'parent-carer' }, before, '2026-03-02T09:30:00.000Z');
    if (!added.ok) throw new Error(JSON.stringify(added.fieldErrors));
    const after: Review = { ...before, ...added.patch };
    expect(stepApplies(after, 'parents-voice')).toBe(true);
    expect(progressOf(after)).toEqual(progressOf(before));
  });

  it('a step that does not apply is skipped, never counted away: a closing progress meeting in person', () => {
    let review = walkTo('outcome', { forms: { 'set-up': () => setUpValues({ meetingType: 'progress', mode: 'in-person' }) } });
    expect(progressOf(review).label).toBe('Step 10 of 13: Outcome');
    review = submit(review, { kind: 'close', reason: 'Goals met', managerAgreement: 'true', closureSummary: 'true', safetyPlanCirculated: 'true', stepAcrossConsidered: 'true' });
    expect(progressOf(review).label).toBe('Step 13 of 13: Draft minutes');
  });

  it('on any walk, the total never changes and the step number only follows the agenda', () => {
    fc.assert(
      fc.property(fc.constantFrom('initial', 'progress', 'final'), fc.constantFrom('online', 'in-person'), fc.constantFrom(...STEP_IDS), (meetingType, mode, step) => {
        let review: Review;
        try {
          review = walkTo(step, { forms: { 'set-up': () => setUpValues({ meetingType, mode }) } });
        } catch {
          return; // this kind of meeting skips that step
        }
        const p = progressOf(review);
        expect(p.stepCount).toBe(STEP_IDS.length);
        expect(p.stepNumber).toBe(STEP_IDS.indexOf(step) + 1);
      }),
      { numRuns: 60 },
    );
  });

  it('has a title for every step', () => {
    for (const step of STEP_IDS) expect(STEP_TITLES[step]).toMatch(/\S/);
  });
});
