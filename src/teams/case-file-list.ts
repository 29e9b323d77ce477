import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { AdaptiveCardJson } from '../cards/card-templates';
import { CaseFileListOwner, caseFileList, caseFileListForOwner, caseFileListPlaceholder } from '../cards/case-file-cards';
import { TeamsPerson } from '../domain/review/review';
import { userMessageFor } from '../errors/error-catalogue';
import { caseFileLabel } from '../minutes-delivery/case-file-effects';
import { CaseFiles } from '../use-cases/case-files';
import { Conversation } from '../use-cases/review-actions';
import { isPersonalChat } from './private-due';

/**
 * `minutes`: the caller's signed-off reviews (case references and dates), each with a button that
 * sends its case file to their 1:1 chat again. In their 1:1 chat the list is posted, all of theirs;
 * in a group chat, where they chaired a review, the chat gets a placeholder (their name, no case)
 * with a user-specific view that is this chat's list for them alone, as `due` does.
 */

/** The refresh (or button) of a placeholder: whose list it is, as the card says; who asks comes from Teams. */
export const caseFilesShowPayload: z.ZodType<CaseFileListOwner> = z
  .object({ forUserId: z.string().min(1).max(1024), forName: z.string().max(256) })
  .transform((d) => ({ teamsUserId: d.forUserId, name: d.forName }));

/** "Send the case file again": which review; whether the presser chaired it is checked against Teams' identity. */
export const caseFileResendPayload = z.object({ reviewId: z.string().min(1).max(64) });

const whereOf = (context: TurnContext): 'everywhere' | 'this-chat' => (isPersonalChat(context) ? 'everywhere' : 'this-chat');

/** What to answer when `minutes` is typed: a card, or one plain line when there is nothing of theirs here. */
export async function caseFilesForMessage(caseFiles: CaseFiles, context: TurnContext, conversation: Conversation, caller: TeamsPerson): Promise<AdaptiveCardJson | string> {
  const where = whereOf(context);
  const reviews = await caseFiles.recent(conversation, caller, where);
  if (where === 'everywhere') return caseFileList(reviews, { where });
  if (reviews.length === 0) return 'You have not chaired a signed-off review in this chat. Type "minutes" in your chat with the bot to see all of yours.';
  return caseFileListPlaceholder(caller);
}

/** The answer to a placeholder's refresh: the list to its owner (checked against Teams' identity), the placeholder to anyone else. */
export async function caseFilesForRefresh(caseFiles: CaseFiles, context: TurnContext, conversation: Conversation, invoker: TeamsPerson, owner: CaseFileListOwner): Promise<AdaptiveCardJson> {
  if (invoker.teamsUserId !== owner.teamsUserId) return caseFileListPlaceholder(owner);
  const where = whereOf(context);
  return keptPrivate(context, caseFileList(await caseFiles.recent(conversation, invoker, where), { where }), invoker);
}

/** A press on "Send the case file again": a new file consent card in the presser's 1:1 chat, if they chaired that review. */
export async function resendCaseFile(
  caseFiles: CaseFiles,
  context: TurnContext,
  conversation: Conversation,
  presser: TeamsPerson,
  reviewId: string,
  activityKey: string | null,
  now: string,
): Promise<{ card: AdaptiveCardJson; sent: boolean }> {
  const offered = await caseFiles.offerAgain(conversation, presser, reviewId, activityKey, now);
  const notice = offered.ok
    ? `On its way: the case file for ${caseFileLabel(offered.review)} is coming to your chat with the bot. Accept it there to save it.`
    : userMessageFor(offered.code);
  const where = whereOf(context);
  const list = caseFileList(await caseFiles.recent(conversation, presser, where), { where, notice });
  return { card: keptPrivate(context, list, presser), sent: offered.ok };
}

/** In a group chat the list stays the presser's own view. */
function keptPrivate(context: TurnContext, list: AdaptiveCardJson, owner: TeamsPerson): AdaptiveCardJson {
  return isPersonalChat(context) ? list : caseFileListForOwner(list, owner);
}
