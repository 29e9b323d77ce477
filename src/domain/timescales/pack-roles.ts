import { CHAIR_ROLES, MEETING_TYPES, MeetingType } from '../review/review';
import { labelOf } from '../review/review-labels';

export { MEETING_TYPES };
export type { MeetingType };

/**
 * The roles a pack may name: the review's chair roles, plus the Service Manager (SM), who chairs
 * plans open over 18 months in Hertfordshire and must act at Leicestershire's 16 and 26 weeks.
 */
export const PACK_ROLES = [...new Set([...CHAIR_ROLES, 'SM'] as const)];
export type PackRole = (typeof CHAIR_ROLES)[number] | 'SM';

/** Who leads the plan, where a pack's rules differ by it (Leicestershire: social worker or key worker). */
export const LEAD_WORKERS = ['SW', 'KW'] as const;
export type LeadWorker = (typeof LEAD_WORKERS)[number];

const NAMES_NOT_IN_REVIEW_LABELS: Readonly<Record<string, string>> = { SM: 'Service Manager' };

export function roleName(role: PackRole): string {
  const label = labelOf('chairRole', role);
  return label !== role ? label : (NAMES_NOT_IN_REVIEW_LABELS[role] ?? role);
}

/** 'initial CIN meeting', 'final review for closure': the review's label, to use mid-sentence. */
export function meetingWords(meetingType: MeetingType): string {
  const label = labelOf('meetingType', meetingType);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** 'Team Manager or Consultant Social Worker'. */
export function roleList(roles: readonly PackRole[]): string {
  const names = roles.map(roleName);
  return names.length <= 1 ? (names[0] ?? 'nobody') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** 'an initial CIN meeting', 'a final review for closure'. */
export function withArticle(words: string): string {
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}
