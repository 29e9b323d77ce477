import { Attendee, Review, STEP_IDS, TeamsPerson } from '../../src/domain/review/review';

const sentence = (what: string, n: number) =>
  `${what}: ` + 'the family told us that mornings are still hard and school attendance dipped in the last fortnight, '.repeat(n);

const chair: TeamsPerson = { teamsUserId: '29:chair', aadObjectId: 'aad-chair', name: 'Chris Chair' };

const ROLES = ['social-care', 'parent-carer', 'parent-carer', 'family-network', 'school-nursery', 'health', 'gp', 'police', 'other'] as const;

export interface MeetingSize {
  readonly attendees: number;
  readonly children: number;
  readonly actions: number;
  readonly statements: number;
}

/** The realistic large meeting. */
export const LARGE_MEETING: MeetingSize = { attendees: 15, children: 3, actions: 30, statements: 3 };

/** A realistic large meeting (by default 15 attendees, 3 children, 30 actions), every field filled with real-length text. */
export function largeReview(text = (s: string) => s, size: MeetingSize = LARGE_MEETING): Review {
  const attendees: Attendee[] = Array.from({ length: size.attendees }, (_, i) => ({
    key: `a${i}`,
    name: text(`Attendee Number${i} Surname-Longname`),
    role: ROLES[i % ROLES.length]!,
    organisation: text(`Organisation ${i} Primary Academy Trust`),
    attendance: i % 5 === 4 ? 'apologies' : 'present',
    email: `attendee${i}@example.org.uk`,
    phone: text(`07700 900${String(i).padStart(3, '0')}`),
    receivesMinutes: i % 7 !== 6,
    doNotShareContact: i % 4 === 1,
    ...(i < 6 ? { teams: { teamsUserId: `29:a${i}`, name: `Attendee ${i}` } } : {}),
  }));
  const children = ['Amara', 'Bo', 'Cai', 'Dana', 'Eli', 'Fern'].slice(0, size.children).map((firstName, i) => ({ key: `c${i}`, firstName: text(firstName), caseReference: `CIN-10${i}` }));
  return {
    id: 'review-large',
    conversationId: '19:meeting@thread.v2',
    tenantId: 'tenant',
    status: 'in-progress',
    version: 42,
    createdAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T10:30:00.000Z',
    startedBy: chair,
    chair,
    chairHandOvers: [],
    currentStep: 'minutes',
    completedSteps: STEP_IDS.filter((s) => s !== 'minutes'),
    rosterOffered: [],
    setUp: { meetingType: 'progress', children, chairName: text('Chris Chair'), chairRole: 'SW', meetingDate: '2026-11-24', mode: 'online', planStartDate: '2026-09-01', policyPackId: 'leicestershire', leadWorker: 'SW', timescaleReason: text('Chair on leave; the SSWOP agreed'), lastReviewDate: '2026-10-20', caseOpenedDate: '2026-08-03' },
    attendees,
    explanations: { roleAndModelExplained: false, camerasOnAsked: true },
    childVoices: children.map((c, i) => ({
      childKey: c.key,
      source: i === 0 ? 'own-words-verbatim' : 'shared-by-professional',
      ownWords: i === 0 ? text(sentence('Own words', 2)) : '',
      accountBy: i === 0 ? '' : text('Attendee Number4, class teacher'),
      account: i === 0 ? '' : text(sentence('Account', 2)),
      seenAlone: i === 2 ? 'no' : 'yes',
      notSeenAloneReason: i === 2 ? text(sentence('Reason', 1)) : '',
      interpreter: 'not-needed',
      wishesAndFeelings: text(sentence('Wishes', 2)),
      feelsSafe: 'yes',
      attended: i === 1 ? 'no' : i === 0 ? 'yes' : null,
      notAttendingReason: i === 1 ? text(sentence('Not attending', 1)) : '',
    })),
    parentVoices: attendees
      .filter((a) => a.role === 'parent-carer')
      .map((a) => ({ attendeeKey: a.key, wantsFromToday: text(sentence('Wants', 1)), raises: text(sentence('Raises', 1)), viewsOnPlan: text(sentence('Views', 1)) })),
    plan: {
      dangerStatements: Array.from({ length: size.statements }, (_, i) => i).map((i) => ({ key: `d${i}`, danger: text(sentence('Danger', 1)), safetyGoal: text(sentence('Goal', 1)) })),
      statementsAgreedOrReviewed: true,
      contingencyPlan: text(sentence('Contingency', 2)),
      actions: Array.from({ length: size.actions }, (_, i) => ({
        key: `x${i}`,
        what: text(`Action ${i}: arrange a weekly check-in with the school nurse and share notes with the social worker`),
        who: text(`Attendee Number${i % size.attendees}`),
        byWhen: '2026-12-15',
        status: (['done', 'on-track', 'not-started', 'drifting'] as const)[i % 4]!,
        carriedForward: i < 10,
        notForFamily: i % 6 === 5,
      })),
    },
    updates: attendees
      .filter((a) => a.role !== null && !['child', 'parent-carer', 'family-network'].includes(a.role) && a.attendance === 'present')
      .map((a, i) => ({ attendeeKey: a.key, update: text(sentence('Update', 2)), notForFamily: i % 3 === 2, inWriting: false }))
      .concat(attendees.filter((a) => a.role === 'gp' && a.attendance === 'apologies').map((a) => ({ attendeeKey: a.key, update: text(sentence('Written', 1)), notForFamily: false, inWriting: true }))),
    mapping: {
      workingWell: text(sentence('Working well', 2)),
      worries: text(sentence('Worries', 2)),
      professionalWorries: text(sentence('Professional worries', 1)),
      complicatingFactors: text(sentence('Complicating', 1)),
      safetyPlan: 'tested-and-changed',
      safetyPlanNotes: text(sentence('Safety plan', 1)),
      scaling: [
        { party: 'Overall', score: 6 },
        { party: 'Parents', score: 7 },
        { party: 'Professionals', score: 5 },
      ],
    },
    equality: { identityAndCulture: text(sentence('Identity', 1)), language: text(sentence('Language', 1)), disability: text(sentence('Disability', 1)) },
    outcome: { kind: 'continue', reason: text(sentence('Reason', 1)), decidedAt: '2026-11-24T10:20:00.000Z', leadProfessional: '', closureLikelyNextTime: true },
    exitPlanning: { agenciesAsked: true, exitStrategies: text(sentence('Exit', 2)) },
    nextMeeting: { familyPreference: 'online', parentPreferences: attendees.filter((a) => a.role === 'parent-carer').map((a, i) => ({ attendeeKey: a.key, mode: i % 2 ? 'online' as const : 'in-person' as const })), proposedDate: '2026-12-22', proposedTime: '10:00', dateReason: '', dateVerdict: { ok: true, message: 'Inside the window' }, venue: '', schoolAgeChild: 'no', booking: null },
    timescales: {
      packId: 'leicestershire',
      authority: 'Leicestershire County Council',
      planWeek: 'week 13 of a 12-16 week plan',
      minutesDue: { date: '2026-12-01', explanation: 'within 5 working days' },
      nextReview: { earliest: '2026-12-22', latest: '2027-01-05', target: '2026-12-22', explanation: '4-6 weeks after the previous meeting' },
      nextReviewNote: '',
      chair: { ok: false, message: text('The procedure names an SSWOP to chair progress meetings of key-worker-led plans') },
      meetingDate: { ok: true, message: 'Inside the window' },
      previousReviews: 2,
      // A case that began before the bot: set-up shows its history section too, the largest set-up card.
      historyFrom: 'chair',
    },
  };
}
