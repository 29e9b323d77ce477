import { Attendee, Review } from '../review';

/** Who a step is about: parents and carers, professionals present, what the chair must explain. */
export function parentsAndCarers(review: Review): Attendee[] {
  return review.attendees.filter((a) => a.role === 'parent-carer');
}

const FAMILY_ROLES = new Set(['child', 'parent-carer', 'family-network']);

export function isProfessional(attendee: Attendee): boolean {
  return attendee.role !== null && !FAMILY_ROLES.has(attendee.role);
}

export function professionalsPresent(review: Review): Attendee[] {
  return review.attendees.filter((a) => isProfessional(a) && a.attendance === 'present');
}

/** Professionals who sent apologies: they may send a written update. */
export function professionalsWithApologies(review: Review): Attendee[] {
  return review.attendees.filter((a) => isProfessional(a) && a.attendance === 'apologies');
}

export function explanationsNeeded(review: Review): Array<'role-and-model' | 'cameras'> {
  const needed: Array<'role-and-model' | 'cameras'> = [];
  if (review.setUp?.meetingType === 'initial') needed.push('role-and-model');
  if (review.setUp?.mode === 'online') needed.push('cameras');
  return needed;
}

/** Whose name a line of the minutes gives for an attendee key. */
export function nameOf(review: Review, attendeeKey: string, fallback: string): string {
  return review.attendees.find((a) => a.key === attendeeKey)?.name ?? fallback;
}
