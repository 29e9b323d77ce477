import { Attendee } from '../review/review';
import { isProfessional } from '../review/steps/people';
import type { InviteeAudience } from './booking';

/**
 * A professional whose address may be shown is listed with the other professionals; a family member,
 * a child, someone whose role is not chosen, or anyone whose contact details are not to be shared is
 * invited on their own.
 */
export function audienceOf(attendee: Attendee): InviteeAudience {
  return attendee.role !== null && isProfessional(attendee) && !attendee.doNotShareContact ? 'professional' : 'alone';
}
