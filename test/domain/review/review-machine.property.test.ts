import fc from 'fast-check';
import { stepApplies } from '../../../src/domain/review/agenda';
import { Review, STEP_IDS, StepId, TeamsPerson } from '../../../src/domain/review/review';
import { ReviewCommand, decide, outstandingSteps } from '../../../src/domain/review/review-machine';
import { FormValues } from '../../../src/domain/review/step-forms';
import {
  AttendeeRow, CHAIR, FormStep, OTHER, VALID_FORMS, attendeeValues, completeReview, currentAttendeeRows, freshReview, later,
  outcomeValues, setUpValues, withColleague,
} from './review-builder';
import { mayTakeChair } from '../../../src/domain/review/chair-hand-over';

/** Answers that change which steps apply. */
interface Variant {
  readonly meetingType: 'initial' | 'progress' | 'final';
  readonly mode: 'online' | 'in-person';
  readonly twoChildren: boolean;
  readonly keepAttendees: boolean;
  readonly parent: 'none' | 'present' | 'apologies';
  readonly professional: 'none' | 'present' | 'apologies';
  readonly kind: 'continue' | 'step-down' | 'close' | 'assessment' | 'escalate';
  readonly closureLikely: boolean;
}

type Spec =
  | { readonly t: 'valid'; readonly intent: 'continue' | 'save'; readonly v: Variant }
  | { readonly t: 'garbage'; readonly intent: 'continue' | 'save'; readonly form: FormValues }
  | { readonly t: 'wrong-step'; readonly step: StepId }
  | { readonly t: 'back'; readonly stale: StepId | null }
  | { readonly t: 'goto'; readonly step: StepId }
  | { readonly t: 'sign-off' }
  | { readonly t: 'cancel' }
  | { readonly t: 'hand-chair' }
  | { readonly t: 'stranger' };

const variant: fc.Arbitrary<Variant> = fc.record({
  meetingType: fc.constantFrom('initial', 'progress', 'final'),
  mode: fc.constantFrom('online', 'in-person'),
  twoChildren: fc.boolean(),
  keepAttendees: fc.boolean(),
  parent: fc.constantFrom('none', 'present', 'apologies'),
  professional: fc.constantFrom('none', 'present', 'apologies'),
  kind: fc.constantFrom('continue', 'step-down', 'close', 'assessment', 'escalate'),
  closureLikely: fc.boolean(),
});

const FIELD_IDS = [...new Set(STEP_IDS.filter((s): s is FormStep => s !== 'minutes').flatMap((s) => Object.keys(VALID_FORMS[s](completeReview()))))];
const VALUES = ['', ' ', 'true', 'false', '2026-02-30', '2026-01-01', '2026-04-01', 'x', '11', '-1', 'close', 'parent-carer', 'health', 'present', 'apologies', 'own-words-verbatim', 'no', 'initial', 'in-person'];
const garbageForm = fc.dictionary(fc.constantFrom(...FIELD_IDS), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 6 })), { maxKeys: 12 });
const intent = fc.constantFrom('continue' as const, 'save' as const);
const step = fc.constantFrom(...STEP_IDS);

const spec: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 20, arbitrary: fc.record({ t: fc.constant('valid' as const), intent: fc.constantFrom('continue' as const, 'continue' as const, 'save' as const), v: variant }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('garbage' as const), intent, form: garbageForm }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('wrong-step' as const), step }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('back' as const), stale: fc.option(step, { freq: 4 }) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('goto' as const), step }) },
  { weight: 2, arbitrary: fc.constant({ t: 'sign-off' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'cancel' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'hand-chair' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'stranger' as const }) },
);

function validForm(review: Review, v: Variant): FormValues {
  switch (review.currentStep) {
    case 'minutes':
      return {};
    case 'set-up':
      return setUpValues({ meetingType: v.meetingType, mode: v.mode, children: v.twoChildren ? [{ firstName: 'Amy', caseReference: 'A1' }, { firstName: 'Ben', caseReference: 'B2' }] : undefined });
    case 'introductions': {
      const kept = currentAttendeeRows(review).map((r) => ({ ...r, remove: !v.keepAttendees }));
      const added: AttendeeRow[] = [{ name: 'Gran', role: 'family-network' }];
      if (v.parent !== 'none') added.push({ name: 'Pat Parent', role: 'parent-carer', attendance: v.parent });
      if (v.professional !== 'none') added.push({ name: 'Sam School', role: 'school-nursery', attendance: v.professional });
      return attendeeValues([...kept, ...added]);
    }
    case 'outcome':
      return outcomeValues({ kind: v.kind, closureLikelyNextTime: v.closureLikely });
    default:
      return VALID_FORMS[review.currentStep](review);
  }
}

function command(review: Review, s: Spec): { command: ReviewCommand; actor: TeamsPerson } {
  const chair = review.chair;
  switch (s.t) {
    case 'valid':
      return { actor: chair, command: { type: 'submit', step: review.currentStep, form: validForm(review, s.v), intent: s.intent } };
    case 'garbage':
      return { actor: chair, command: { type: 'submit', step: review.currentStep, form: s.form, intent: s.intent } };
    case 'wrong-step':
      return { actor: chair, command: { type: 'submit', step: s.step, form: s.step === 'minutes' ? {} : VALID_FORMS[s.step](review), intent: 'continue' } };
    case 'back':
      return { actor: chair, command: { type: 'back', step: s.stale ?? review.currentStep } };
    case 'goto':
      return { actor: chair, command: { type: 'goto', step: s.step } };
    case 'sign-off':
      return { actor: chair, command: { type: 'sign-off' } };
    case 'cancel':
      return { actor: chair, command: { type: 'cancel' } };
    case 'hand-chair':
      return { actor: chair, command: { type: 'hand-chair', to: chair.teamsUserId === CHAIR.teamsUserId ? OTHER : CHAIR } };
    case 'stranger':
      return { actor: { teamsUserId: '29:stranger', aadObjectId: 'aad-stranger', name: 'S' }, command: { type: 'back', step: review.currentStep } };
  }
}

const CAPTURED = ['setUp', 'attendees', 'explanations', 'childVoices', 'parentVoices', 'plan', 'updates', 'mapping', 'equality', 'outcome', 'exitPlanning', 'nextMeeting'] as const;
const captured = (r: Review) => Object.fromEntries(CAPTURED.map((k) => [k, r[k]]));

/** Applies each spec in turn, checking every decision; returns the final review. */
function run(start: Review, specs: readonly Spec[]): Review {
  let review = start;
  for (const s of specs) {
    const { command: c, actor } = command(review, s);
    const now = later(review.updatedAt);
    const d = decide(review, c, actor, now);
    if (!d.ok) {
      // (c) a refused decision never returns a review
      expect('review' in d).toBe(false);
      expect(d.code).toMatch(/^[A-Z_]+$/);
      continue;
    }
    const next = d.review;
    // (a) the review stays valid
    expect(stepApplies(next, next.currentStep)).toBe(true);
    expect(next.version).toBe(review.version + 1);
    expect(next.updatedAt).toBe(now);
    expect(new Set(next.completedSteps).size).toBe(next.completedSteps.length);
    expect(next.completedSteps).not.toContain('minutes');
    for (const done of next.completedSteps) expect(review.completedSteps.includes(done) || stepApplies(next, done)).toBe(true);
    if (c.type === 'sign-off') {
      expect(next.status).toBe('signed-off');
      expect(outstandingSteps(review)).toEqual([]);
    } else if (c.type === 'hand-chair') {
      // Only to someone who may take it, and every hand-over is recorded.
      expect(mayTakeChair(review, c.to)).toBe(true);
      expect(next.chairHandOvers).toEqual([...review.chairHandOvers, { from: review.chair, to: c.to, at: now }]);
    } else if (c.type === 'cancel') {
      expect(next.status).toBe('cancelled');
    } else {
      expect(next.status).toBe('in-progress');
    }
    // (b) going back never changes captured data
    if (c.type === 'back' || c.type === 'goto') expect(captured(next)).toEqual(captured(review));
    review = next;
  }
  return review;
}

describe('decide, under any sequence of commands', () => {
  it('keeps the review valid, never returns a review on refusal, and back/goto never change data', () => {
    fc.assert(
      fc.property(fc.constantFrom('fresh', 'minutes', 'colleague'), fc.array(spec, { maxLength: 60, size: 'large' }), (from, specs) => {
        run(from === 'minutes' ? completeReview() : from === 'colleague' ? withColleague() : freshReview(), specs);
      }),
      { numRuns: 150 },
    );
  });

  it('once closed, refuses everything', () => {
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 10 }), fc.constantFrom('sign-off' as const, 'cancel' as const), (specs, how) => {
        const closed = run(completeReview(), [{ t: how }]);
        for (const s of specs) {
          const { command: c, actor } = command(closed, s);
          const d = decide(closed, c, actor, later(closed.updatedAt));
          expect(d.ok ? 'ok' : d.code).toBe('REVIEW_CLOSED');
        }
      }),
      { numRuns: 50 },
    );
  });

  it('only the chair moves the review: anyone else is refused, whatever they send', () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 15 }), spec, (prefix, s) => {
        const review = run(freshReview(), prefix);
        fc.pre(review.status === 'in-progress');
        const { command: c } = command(review, s);
        const d = decide(review, c, { teamsUserId: '29:x', aadObjectId: 'aad-x', name: 'X' }, later(review.updatedAt));
        expect(d.ok ? 'ok' : d.code).toBe('NOT_CHAIR');
      }),
      { numRuns: 100 },
    );
  });

  it('valid answers, whatever they are, reach the minutes in at most 12 submits and sign off', () => {
    fc.assert(
      fc.property(variant, (v) => {
        const specs: Spec[] = Array.from({ length: 12 }, () => ({ t: 'valid', intent: 'continue', v }));
        const walked = run(freshReview(), specs);
        expect(walked.currentStep).toBe('minutes');
        expect(outstandingSteps(walked)).toEqual([]);
        expect(run(walked, [{ t: 'sign-off' }]).status).toBe('signed-off');
      }),
      { numRuns: 100 },
    );
  });
});
