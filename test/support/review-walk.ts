import { BotUnderTest, InvokeReply } from './bot-under-test';
import { actionData, errorsOf, textOf } from './card-reader';
import { TeamsUser } from './teams-activity';

/**
 * What a chair types at each step of a complete review, with a distinctive marker in every text
 * field, so a test can check each one reaches the minutes. Row numbers follow the cards: the chair
 * is attendee 0, then the people Teams offered, then a blank row to add someone.
 */
export const WALK: ReadonlyArray<{ step: string; verb?: string; typed: Record<string, string> }> = [
  {
    step: 'set-up',
    typed: {
      meetingType: 'initial',
      meetingDate: '2026-11-24',
      mode: 'online',
      chairName: 'Sam Chair',
      chairRole: 'SW',
      planStartDate: '2026-11-24',
      leadWorker: 'SW',
      'children.0.firstName': 'Amara',
      'children.0.caseReference': 'CIN-1001',
    },
    verb: 'review.save',
  },
  { step: 'set-up', typed: { 'children.1.firstName': 'Bo', 'children.1.caseReference': 'CIN-1002' } },
  {
    step: 'introductions',
    verb: 'review.save',
    typed: {
      'attendees.0.contact': 'M-CHAIR-CONTACT',
      'attendees.1.role': 'parent-carer',
      'attendees.1.contact': 'M-MUM-CONTACT',
      'attendees.2.role': 'school-nursery',
      'attendees.2.organisation': 'M-SCHOOL-ORG',
      'attendees.3.name': 'Kofi Dad',
      'attendees.3.role': 'parent-carer',
      'attendees.3.attendance': 'apologies',
      'attendees.3.contact': 'M-DAD-CONTACT',
    },
  },
  { step: 'introductions', typed: { 'attendees.4.name': 'Rose Gran', 'attendees.4.role': 'family-network', 'attendees.4.attendance': 'present' } },
  { step: 'explanations', typed: { roleAndModelExplained: 'true', camerasOnAsked: 'true' } },
  {
    step: 'child-voice',
    typed: {
      'voices.0.source': 'own-words-verbatim',
      'voices.0.ownWords': 'M-AMARA-OWN-WORDS',
      'voices.0.seenAlone': 'yes',
      'voices.0.interpreter': 'not-needed',
      'voices.0.wishesAndFeelings': 'M-AMARA-WISHES',
      'voices.0.feelsSafe': 'yes',
      'voices.1.source': 'shared-by-professional',
      'voices.1.accountBy': 'M-BO-ACCOUNT-BY',
      'voices.1.account': 'M-BO-ACCOUNT',
      'voices.1.seenAlone': 'no',
      'voices.1.notSeenAloneReason': 'M-BO-NOT-ALONE-REASON',
      'voices.1.interpreter': 'non-family-interpreter',
      'voices.1.wishesAndFeelings': 'M-BO-WISHES',
      'voices.1.feelsSafe': 'unsure',
    },
  },
  {
    step: 'parents-voice',
    typed: {
      'parents.0.wantsFromToday': 'M-MUM-WANTS',
      'parents.0.raises': 'M-MUM-RAISES',
      'parents.0.viewsOnPlan': 'M-MUM-VIEWS',
      'parents.1.viewsOnPlan': 'M-DAD-VIEWS',
    },
  },
  {
    step: 'plan',
    verb: 'review.save',
    typed: {
      'statements.0.danger': 'M-DANGER',
      'statements.0.safetyGoal': 'M-SAFETY-GOAL',
      statementsAgreedOrReviewed: 'true',
      'actions.0.what': 'M-ACTION-ONE',
      'actions.0.who': 'M-OWNER-ONE',
      'actions.0.byWhen': '2026-12-15',
      'actions.0.status': 'not-started',
    },
  },
  { step: 'plan', typed: { 'actions.1.what': 'M-ACTION-TWO', 'actions.1.who': 'M-OWNER-TWO', 'actions.1.byWhen': '2027-01-08', 'actions.1.status': 'on-track' } },
  { step: 'updates', typed: { 'updates.0.update': 'M-UPDATE-SOCIAL-CARE', 'updates.1.update': 'M-UPDATE-SCHOOL' } },
  {
    step: 'mapping',
    typed: {
      workingWell: 'M-WORKING-WELL',
      worries: 'M-WORRIES',
      complicatingFactors: 'M-COMPLICATING',
      safetyPlan: 'tested',
      safetyPlanNotes: 'M-SAFETY-PLAN-NOTES',
      scaleOverall: '6',
      scaleParents: '7',
    },
  },
  { step: 'equality', typed: { identityAndCulture: 'M-IDENTITY', language: 'M-LANGUAGE', disability: 'M-DISABILITY' } },
  { step: 'outcome', typed: { kind: 'continue', reason: 'M-DECISION-REASON', closureLikelyNextTime: 'true' } },
  { step: 'exit-planning', typed: { agenciesAsked: 'true', exitStrategies: 'M-EXIT-STRATEGIES' } },
  { step: 'next-meeting', typed: { familyPreference: 'in-person', proposedDate: '2026-12-22', proposedTime: '10:30', venue: 'M-VENUE' } },
];

export const MARKERS: string[] = [
  ...new Set(WALK.flatMap((w) => Object.values(w.typed).filter((v) => v.startsWith('M-')))),
  'Amara',
  'Kofi Dad',
  'Rose Gran',
  '2026-12-22 at 10:30',
];

/** Opens the chair's view of the review from the shared progress card, as a Teams client's refresh does. */
export async function openAsChair(bot: BotUnderTest, chair: TeamsUser): Promise<InvokeReply> {
  const shared = bot.connector.lastCard();
  if (!shared) throw new Error('No card was posted to the chat');
  return bot.press(chair, 'review.refresh', actionData(shared, 'review.refresh'));
}

/** Walks every step from set-up to the draft minutes; returns the chair's minutes card. */
export async function walkToMinutes(bot: BotUnderTest, chair: TeamsUser, from?: InvokeReply, walk: typeof WALK = WALK): Promise<Record<string, any>> {
  let reply = from ?? (await openAsChair(bot, chair));
  for (const { step, typed, verb } of walk) {
    const card = reply.card;
    if (!card) throw new Error(`No card at ${step}: ${JSON.stringify(reply.body).slice(0, 300)}`);
    const onStep = actionData(card, 'review.continue').step;
    if (onStep !== step) throw new Error(`Expected step ${step}, card is at ${onStep}: ${textOf(card).slice(0, 400)}`);
    reply = await bot.pressOn(chair, card, verb ?? 'review.continue', typed);
    const errors = reply.card ? errorsOf(reply.card) : [];
    if (errors.length > 0) throw new Error(`Step ${step} refused: ${errors.join('; ')}`);
  }
  if (!reply.card) throw new Error('No minutes card');
  return reply.card;
}

/** Signs off from the minutes card as a chair does: "Sign off the minutes", then "Confirm sign-off". */
export async function signOff(bot: BotUnderTest, chair: TeamsUser, minutes: Record<string, any>): Promise<InvokeReply> {
  const asked = await bot.pressOn(chair, minutes, 'review.signOff');
  if (!asked.card) throw new Error(`No confirmation card: ${JSON.stringify(asked.body).slice(0, 300)}`);
  return bot.pressOn(chair, asked.card, 'review.confirmSignOff');
}

/** The walk with a child attendee too (Amara, who came, reached by the family's email) and an email for Mum. */
export const WALK_WITH_CHILD: typeof WALK = WALK.flatMap((w, i) => {
  if (w.step === 'introductions' && i === WALK.findIndex((x) => x.step === 'introductions')) {
    return [{ ...w, typed: { ...w.typed, 'attendees.1.email': 'mum@family.example' } }];
  }
  if (w.step !== 'introductions' || !('attendees.4.name' in w.typed)) return [w];
  return [
    { ...w, verb: 'review.save' },
    { step: 'introductions', typed: { 'attendees.5.name': 'Amara', 'attendees.5.role': 'child', 'attendees.5.attendance': 'present', 'attendees.5.email': 'amara.letters@family.example' } },
  ];
});
