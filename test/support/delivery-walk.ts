import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParsedMail, simpleParser } from 'mailparser';
import { AttendeeRole } from '../../src/domain/review/review';
import { BotUnderTest, InvokeReply } from './bot-under-test';
import { actionData, actionsOf, errorsOf, inputsOf, textOf } from './card-reader';
import { cardOf } from './local-connector';
import { WALK, openAsChair } from './review-walk';
import { TENANT, TeamsUser } from './teams-activity';

/** Someone at the meeting: in the chat (Teams gave them), or typed in by the chair (email only, or nothing). */
export interface MeetingPerson {
  readonly name: string;
  readonly role: AttendeeRole;
  readonly attendance?: 'present' | 'apologies' | 'absent';
  readonly email?: string;
  readonly phone?: string;
  /** In the meeting chat: the roster gives them, with their Entra id (and their email, as Teams does). */
  readonly teams?: TeamsUser;
}

export interface MeetingPlan {
  /** Attendee 0, the chair, who starts the review; social care by default. */
  readonly chair: TeamsUser & { readonly email?: string; readonly phone?: string };
  readonly people: readonly MeetingPerson[];
  /** The chair marks one update, one action and the professionals' worries "not for the family", each with these words. */
  readonly professionalsOnly?: { readonly update: string; readonly action: string; readonly worries: string };
}

/** What the walk typed, to look for in what was sent. */
export interface WalkedMeeting {
  readonly reviewId: string;
  readonly minutesCard: Record<string, any>;
}

/** The walk's answers for one step (the set-up and the plan come in two presses there; here their first). */
const typedFor = (step: string) => WALK.find((w) => w.step === step)?.typed ?? {};

/**
 * Sets the chat's roster, starts a review and walks it through HTTP to the draft minutes: every
 * person of the plan an attendee (the chat's members with their roles and contacts, the others
 * added one row at a time), every professional's update recorded, and the professionals-only
 * answers marked "not for the family". Returns the chair's minutes card.
 */
export async function walkMeeting(bot: BotUnderTest, plan: MeetingPlan): Promise<WalkedMeeting> {
  const inChat = plan.people.filter((p) => p.teams);
  bot.connector.members = [
    { ...plan.chair, tenantId: TENANT, ...(plan.chair.email ? { email: plan.chair.email } : {}) },
    ...inChat.map((p) => ({ ...p.teams!, tenantId: TENANT, ...(p.email ? { email: p.email } : {}) })),
  ];
  const chair = plan.chair;
  if ((await bot.say(chair, 'start review')) !== 200) throw new Error('start review was refused');
  let reply = await openAsChair(bot, chair);
  const press = async (verb: string, typed: Record<string, string>, expectStep?: string) => {
    if (expectStep) {
      const onStep = actionData(reply.card!, 'review.continue').step;
      if (onStep !== expectStep) throw new Error(`Expected step ${expectStep}, card is at ${onStep}: ${textOf(reply.card).slice(0, 400)}`);
    }
    reply = await bot.pressOn(chair, reply.card!, verb, typed);
    if (!reply.card) throw new Error(`No card after ${verb}: ${JSON.stringify(reply.body).slice(0, 300)}`);
    const errors = errorsOf(reply.card);
    if (errors.length > 0) throw new Error(`${verb} refused: ${errors.join('; ')}`);
    return reply;
  };

  await press('review.save', typedFor('set-up'), 'set-up');
  await press('review.continue', { 'children.1.firstName': 'Bo', 'children.1.caseReference': 'CIN-1002' }, 'set-up');

  // Introductions: the chat's members are there already (their rows by name); the rest are added one row at a time.
  const rowOf = (name: string): number => {
    const id = Object.entries(inputsOf(reply.card!)).find(([k, v]) => /^attendees\.\d+\.name$/.test(k) && v === name)?.[0];
    if (!id) throw new Error(`${name} is not on the introductions card`);
    return Number(id.split('.')[1]);
  };
  const rowInputs = (row: number, p: Omit<MeetingPerson, 'teams'>) => ({
    [`attendees.${row}.role`]: p.role,
    [`attendees.${row}.attendance`]: p.attendance ?? 'present',
    [`attendees.${row}.email`]: p.email ?? '',
    [`attendees.${row}.contact`]: p.phone ?? '',
  });
  const members: Record<string, string> = { 'attendees.0.email': chair.email ?? '', 'attendees.0.contact': chair.phone ?? '' };
  for (const p of inChat) Object.assign(members, rowInputs(rowOf(p.teams!.name), p));
  await press('review.save', members, 'introductions');
  for (const p of plan.people.filter((x) => !x.teams)) {
    const row = Object.keys(inputsOf(reply.card!)).filter((k) => /^attendees\.\d+\.name$/.test(k)).length - 1;
    await press('review.save', { [`attendees.${row}.name`]: p.name, ...rowInputs(row, p) }, 'introductions');
  }
  await press('review.continue', {}, 'introductions');

  const marked = plan.professionalsOnly;
  while (true) {
    if (actionsOf(reply.card!).some((a) => a.verb === 'review.signOff')) break;
    const step = actionData(reply.card!, 'review.continue').step as string;
    const inputs = inputsOf(reply.card!);
    let typed: Record<string, string> = { ...typedFor(step) };
    if (step === 'parents-voice') {
      typed = {};
      for (const id of Object.keys(inputs).filter((k) => /^parents\.\d+\.wantsFromToday$/.test(k))) typed[id] = `M-PARENT-WANTS-${id.split('.')[1]}`;
    }
    if (step === 'updates') {
      typed = {};
      for (const id of Object.keys(inputs).filter((k) => /^updates\.\d+\.update$/.test(k))) typed[id] = `M-UPDATE-${id.split('.')[1]}`;
      if (marked) Object.assign(typed, { 'updates.0.update': marked.update, 'updates.0.notForFamily': 'true' });
    }
    if (step === 'plan' && marked) {
      Object.assign(typed, {
        'actions.1.what': marked.action,
        'actions.1.who': 'M-OWNER-TWO',
        'actions.1.byWhen': '2027-01-08',
        'actions.1.status': 'on-track',
        'actions.1.notForFamily': 'true',
      });
    }
    if (step === 'mapping' && marked) typed.professionalWorries = marked.worries;
    await press('review.continue', typed, step);
  }
  return { reviewId: actionData(reply.card!, 'review.signOff').reviewId as string, minutesCard: reply.card! };
}

/** "Sign off the minutes", then "Confirm sign-off", as the chair. */
export async function confirmSignOff(bot: BotUnderTest, chair: TeamsUser, minutesCard: Record<string, any>): Promise<InvokeReply> {
  const asked = await bot.pressOn(chair, minutesCard, 'review.signOff');
  if (!asked.card) throw new Error(`No confirmation card: ${JSON.stringify(asked.body).slice(0, 300)}`);
  const signed = await bot.pressOn(chair, asked.card, 'review.confirmSignOff');
  if (!textOf(signed.card).includes('Signed off by')) throw new Error(`Not signed off: ${textOf(signed.card).slice(0, 300)}`);
  return signed;
}

/** The cards posted into a person's 1:1 chat with the bot (none if no chat was started with them). */
export function personalCards(bot: BotUnderTest, person: TeamsUser): Array<Record<string, any>> {
  const chat = bot.connector.personalChatOf(person.aadObjectId);
  return chat ? bot.connector.postedTo(chat).map((s) => cardOf(s.activity)).filter((c): c is Record<string, any> => c !== undefined) : [];
}

/** Every email written to a mail folder (the `.eml` files; never a half-written temporary one), parsed. */
export async function emailsIn(mailDir: string, options: { withInvitations?: boolean } = {}): Promise<Array<{ file: string; to: string; mail: ParsedMail }>> {
  if (!existsSync(mailDir)) return [];
  // The next meeting's invitations (booked at sign-off) are in the same folder: left out unless asked for.
  const files = readdirSync(mailDir).filter((f) => f.endsWith('.eml') && !f.startsWith('.') && (options.withInvitations || !f.startsWith('booking-invitation')));
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(readFileSync(join(mailDir, file)));
      const to = mail.to && !Array.isArray(mail.to) ? (mail.to.value[0]?.address ?? '') : '';
      return { file, to, mail };
    }),
  );
}
