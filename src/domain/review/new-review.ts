import { PlanAction, Review, TeamsPerson } from './review';
import { MAX_ATTENDEES } from './step-forms';

export interface NewReviewFacts {
  readonly id: string;
  readonly conversationId: string;
  readonly tenantId: string;
  readonly startedBy: TeamsPerson;
  readonly roster: readonly TeamsPerson[];
  readonly now: string;
}

/** A review as `start review` opens it: the person who typed it chairs, at the set-up step. */
export function newReview(facts: NewReviewFacts): Review {
  return {
    id: facts.id,
    conversationId: facts.conversationId,
    tenantId: facts.tenantId,
    status: 'in-progress',
    version: 1,
    createdAt: facts.now,
    updatedAt: facts.now,
    startedBy: facts.startedBy,
    chair: facts.startedBy,
    chairHandOvers: [],
    currentStep: 'set-up',
    completedSteps: [],
    rosterOffered: facts.roster,
    // The chair first, then everyone Teams says is in the chat: the chair only sets their roles.
    // A large chat is cut to what one card can carry; others can be added by hand.
    attendees: [facts.startedBy, ...facts.roster.filter((p) => p.teamsUserId !== facts.startedBy.teamsUserId)].slice(0, MAX_ATTENDEES).map(
      (person, i) => ({
        key: `attendee-roster-${i}`,
        name: person.name,
        // Only the chair's is known (they work in children's social care); everyone else's is chosen, not guessed.
        role: i === 0 ? 'social-care' : null,
        organisation: '',
        attendance: 'present',
        email: person.email ?? '',
        phone: '',
        receivesMinutes: true,
        doNotShareContact: false,
        teams: person,
      }),
    ),
    childVoices: [],
    parentVoices: [],
    updates: [],
  };
}

/**
 * Actions not yet done at the last review of the same case come forward into this plan, marked so.
 * Only when this review has no plan of its own yet: carrying forward never overwrites the chair's work.
 */
export function carryForwardActions(review: Review, previous: Review | undefined): Review {
  if (review.plan !== undefined || previous?.plan === undefined) return review;
  const actions: PlanAction[] = previous.plan.actions
    .filter((a) => a.status !== 'done')
    .map(({ ownerKey: _owner, ...a }) => ({ ...a, key: `carried-${a.key}`, carriedForward: true }));
  return {
    ...review,
    plan: { dangerStatements: previous.plan.dangerStatements, statementsAgreedOrReviewed: false, actions, contingencyPlan: previous.plan.contingencyPlan },
  };
}

/** Case references of the children in this review. */
export function caseReferences(review: Review): string[] {
  return (review.setUp?.children ?? []).map((c) => c.caseReference);
}
