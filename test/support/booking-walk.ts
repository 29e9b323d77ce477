import { BotUnderTest, InvokeReply } from './bot-under-test';
import { actionData, errorsOf, textOf } from './card-reader';
import { WALK } from './review-walk';
import { TENANT, TeamsUser } from './teams-activity';

export const CHAIR_EMAIL = 'sam.chair@council.example';

/** The walk's answers, with email addresses for the chair, mum and Kofi Dad, so they can be invited. */
export const BOOKING_WALK = WALK.map((w) =>
  w.step === 'introductions' && w.typed['attendees.0.contact']
    ? { ...w, typed: { ...w.typed, 'attendees.0.contact': CHAIR_EMAIL, 'attendees.1.contact': 'mum@example.org', 'attendees.3.contact': 'kofi@example.org' } }
    : w,
).filter((w) => w.step !== 'next-meeting');

/** Walks from set-up to the next-meeting step (answering each step as the walk does); returns that step's card. */
export async function walkToNextMeeting(bot: BotUnderTest, chair: TeamsUser, from: InvokeReply): Promise<InvokeReply> {
  let reply = from;
  for (const { step, typed, verb } of BOOKING_WALK) {
    const onStep = actionData(reply.card!, 'review.continue').step;
    if (onStep !== step) throw new Error(`Expected step ${step}, card is at ${onStep}: ${textOf(reply.card).slice(0, 400)}`);
    reply = await bot.pressOn(chair, reply.card!, verb ?? 'review.continue', typed);
    const errors = reply.card ? errorsOf(reply.card) : [];
    if (errors.length > 0) throw new Error(`Step ${step} refused: ${errors.join('; ')}`);
  }
  return reply;
}

/** The choices of the "A time free for everyone" input on a next-meeting card. */
export function slotChoices(card: Record<string, any>): Array<{ title: string; value: string }> {
  let found: Array<{ title: string; value: string }> = [];
  const walk = (n: any): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      if (n.type === 'Input.ChoiceSet' && n.id === 'slot') found = n.choices;
      Object.values(n).forEach(walk);
    }
  };
  walk(card.body);
  return found;
}

export function bookingKeyOf(reviewId: string, caseReference = 'CIN-1001'): string {
  return `${TENANT}:${caseReference}:${reviewId}`;
}

/** Every invitation .eml under the mail folder, read with mailparser and its .ics with ical.js. */
export { invitationFilesIn as invitationsIn } from './invitation-files';
export type { InvitationFile as Invitation } from './invitation-files';
