/**
 * The meeting types, chair roles and lead workers policy packs speak of, with their names. The
 * review's labels are built from these tables: the timescales know nothing of the review.
 */
export const MEETING_TYPES = ['initial', 'progress', 'final'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_NAMES: Readonly<Record<MeetingType, string>> = {
  initial: 'Initial CIN meeting',
  progress: 'Progress / review meeting',
  final: 'Final review for closure',
};

/**
 * The roles a pack may name and a chair may hold, with the Service Manager (SM), who chairs plans
 * open over 18 months in Hertfordshire and must act at Leicestershire's 16 and 26 weeks.
 */
export const CHAIR_ROLES = ['SSWOP', 'TM', 'SP', 'CSW', 'SW', 'KW', 'SM'] as const;
export type ChairRole = (typeof CHAIR_ROLES)[number];
export const PACK_ROLES = CHAIR_ROLES;
export type PackRole = ChairRole;

export const ROLE_NAMES: Readonly<Record<PackRole, string>> = {
  SSWOP: 'Senior Social Work Oversight Practitioner (SSWOP)',
  TM: 'Team Manager',
  SP: 'Senior Practitioner',
  CSW: 'Consultant Social Worker',
  SW: 'Social Worker',
  KW: 'Key Worker',
  SM: 'Service Manager',
};

/** Who leads the plan, where a pack's rules differ by it (Leicestershire: social worker or key worker). */
export const LEAD_WORKERS = ['SW', 'KW'] as const;
export type LeadWorker = (typeof LEAD_WORKERS)[number];

export const LEAD_WORKER_NAMES: Readonly<Record<LeadWorker, string>> = { SW: 'A social worker', KW: 'A key worker' };

export function roleName(role: PackRole): string {
  return ROLE_NAMES[role] ?? role;
}

/** 'initial CIN meeting', 'final review for closure': the meeting's name, to use mid-sentence. */
export function meetingWords(meetingType: MeetingType): string {
  const label = MEETING_TYPE_NAMES[meetingType] ?? meetingType;
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
