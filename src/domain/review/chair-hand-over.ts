import { sameEntraId } from '../identity/entra-id';
import { Attendee, Review, TeamsPerson } from './review';
import { samePerson } from './same-person';
import { isProfessional } from './steps/people';

/**
 * Who the chair may be handed to: a professional attendee (never the child, a parent or carer, or
 * the family network; a role not yet chosen does not count) whose Teams identity came from this
 * chat's roster, in the review's own tenant. Only the chair's organisation runs its reviews.
 */
export function chairCandidates(review: Review): Attendee[] {
  return review.attendees.filter((a) => a.teams !== undefined && isProfessional(a) && !samePerson(a.teams, review.chair) && inTenantRoster(review, a.teams));
}

/** Whether `person` may take the chair of this review now. */
export function mayTakeChair(review: Review, person: TeamsPerson): boolean {
  return chairCandidates(review).some((a) => samePerson(a.teams!, person));
}

/** The roster entry for this person says they belong to the review's tenant (no tenant given: not shown to belong). */
function inTenantRoster(review: Review, person: TeamsPerson): boolean {
  const listed = review.rosterOffered.find((r) => samePerson(r, person));
  return listed?.tenantId !== undefined && sameEntraId(listed.tenantId, review.tenantId);
}
