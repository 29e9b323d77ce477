import { sameEntraId } from '../identity/entra-id';
import { TeamsPerson } from './review';

/** Entra object ids are GUIDs: compared without regard to case; without them, the Teams user ids. */
export function samePerson(a: TeamsPerson, b: TeamsPerson): boolean {
  if (a.aadObjectId && b.aadObjectId) return sameEntraId(a.aadObjectId, b.aadObjectId);
  return a.teamsUserId === b.teamsUserId;
}
