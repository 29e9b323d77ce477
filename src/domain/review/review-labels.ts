import { LEAD_WORKER_NAMES, MEETING_TYPE_NAMES, ROLE_NAMES } from '../timescales/pack-roles';

/** The words a chair reads for each coded answer. */
export const LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  meetingType: MEETING_TYPE_NAMES,
  chairRole: ROLE_NAMES,
  leadWorker: LEAD_WORKER_NAMES,
  mode: { online: 'Online (Teams)', 'in-person': 'In person' },
  role: {
    child: 'Child',
    'parent-carer': 'Parent / carer',
    'family-network': 'Family network',
    'school-nursery': 'School / nursery',
    health: 'Health',
    gp: 'GP',
    police: 'Police',
    'social-care': "Children's social care",
    other: 'Other',
  },
  attendance: { present: 'Present', apologies: 'Apologies', absent: 'Absent' },
  source: {
    'child-in-meeting': 'The child, in the meeting',
    'own-words-verbatim': "The child's own words, recorded verbatim",
    'drawing-or-writing': 'A drawing or written piece by the child',
    'mind-of-my-own': 'Mind of My Own statement',
    'shared-by-professional': 'Shared by a professional',
    'shared-by-family': 'Shared by a family member',
    observations: 'Too young or unable: observations',
  },
  seenAlone: { yes: 'Yes', no: 'No' },
  interpreter: {
    'not-needed': 'Not needed',
    'non-family-interpreter': 'Yes, a non-family interpreter',
    'needed-not-used': 'Needed but not used',
  },
  feelsSafe: { yes: 'Yes', no: 'No', unsure: 'Unsure', 'not-asked': 'Not asked' },
  status: { done: 'Done', 'on-track': 'On track', 'not-started': 'Not started', drifting: 'Drifting' },
  safetyPlan: {
    tested: 'Tested',
    changed: 'Changed',
    'tested-and-changed': 'Tested and changed',
    neither: 'Neither tested nor changed',
    'no-safety-plan-yet': 'No safety plan yet',
  },
  outcome: {
    continue: 'Continue (minor amendments to the plan)',
    'step-down': 'Step down / step across to Early Help',
    close: 'Close',
    assessment: 'Child and Family assessment',
    escalate: 'Escalate: strategy discussion / s47',
  },
  familyPreference: { 'in-person': 'In person', online: 'On Teams' },
  schoolAgeChild: { yes: 'Yes', no: 'No' },
};

export function labelOf(kind: string, code: string): string {
  return LABELS[kind]?.[code] ?? code;
}

export function choicesOf(kind: string): Array<{ title: string; value: string }> {
  return Object.entries(LABELS[kind] ?? {}).map(([value, title]) => ({ title, value }));
}
