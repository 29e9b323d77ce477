import { caseReferences } from '../domain/review/new-review';
import { londonDate } from '../domain/review/london-time';
import { Review } from '../domain/review/review';
import { AdaptiveCardJson } from './card-templates';
import { asPlainText } from './plain-text';

/** The verb of the `minutes` list's user-specific view: Teams sends it when its owner views the card. */
export const CASE_FILES_SHOW_VERB = 'minutes.list';
/** "Send the case file again" on one review of the list. */
export const CASE_FILE_RESEND_VERB = 'minutes.resend';

/** The one person a `minutes` list is for, as Teams names them (`29:` id, for `refresh.userIds`). */
export interface CaseFileListOwner {
  readonly teamsUserId: string;
  readonly name: string;
}

type Element = Record<string, unknown>;

const text = (value: string, extra: Element = {}): Element => ({ type: 'TextBlock', text: asPlainText(value), wrap: true, ...extra });

function card(body: readonly Element[], extra: Element = {}): AdaptiveCardJson {
  return { type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', body: [...body], ...extra };
}

/** Case references and dates only: a list that could be seen over a shoulder says nothing more. */
function entryOf(review: Review): Element {
  const refs = [...new Set(caseReferences(review))].join(', ') || 'No case reference';
  const meeting = review.setUp?.meetingDate ? `Meeting on ${londonDate(`${review.setUp.meetingDate}T12:00:00Z`)}` : '';
  const signed = review.signOff ? `signed off ${londonDate(review.signOff.at)}` : '';
  return {
    type: 'Container',
    separator: true,
    items: [
      text(refs, { weight: 'Bolder' }),
      text([meeting, signed].filter((s) => s !== '').join(', '), { isSubtle: true, spacing: 'None' }),
      {
        type: 'ActionSet',
        actions: [{ type: 'Action.Execute', verb: CASE_FILE_RESEND_VERB, title: `Send the case file again: ${refs}`, data: { reviewId: review.id } }],
      },
    ],
  };
}

/** The caller's signed-off reviews, each with a button that sends its case file to their 1:1 chat again. */
export function caseFileList(reviews: readonly Review[], options: { readonly where: 'this-chat' | 'everywhere'; readonly notice?: string }): AdaptiveCardJson {
  const title = options.where === 'this-chat' ? 'Your signed-off reviews in this chat' : 'Your signed-off reviews';
  const body: Element[] = [text(title, { size: 'Medium', weight: 'Bolder', style: 'heading' })];
  if (options.notice) body.push(text(options.notice, { color: 'Accent', weight: 'Bolder' }));
  if (reviews.length === 0) body.push(text('You have no signed-off reviews here yet.', { isSubtle: true }));
  body.push(...reviews.map(entryOf));
  body.push(text('The case file (the minutes for professionals, as a PDF) comes to your chat with the bot: accept it there to save it to your OneDrive.', { isSubtle: true, size: 'Small', separator: true }));
  return card(body);
}

const showAction = (owner: CaseFileListOwner, title: string) => ({ type: 'Action.Execute', verb: CASE_FILES_SHOW_VERB, title, data: { forUserId: owner.teamsUserId, forName: owner.name } });

/**
 * What a group chat sees when someone types `minutes` there: the owner's name and that only they
 * can see the list, never a case. It refreshes to the owner's list for the owner alone
 * (`refresh.userIds`), and its button does the same for a client without automatic refresh.
 */
export function caseFileListPlaceholder(owner: CaseFileListOwner): AdaptiveCardJson {
  return card(
    [
      text(`${owner.name}'s signed-off reviews: only they can see them`, { weight: 'Bolder' }),
      text('Type "minutes" to the bot to see your own.', { isSubtle: true, size: 'Small' }),
    ],
    { refresh: { action: showAction(owner, 'Show my signed-off reviews'), userIds: [owner.teamsUserId] }, actions: [showAction(owner, `Show them (${owner.name} only)`)] },
  );
}

/** The owner's own list, kept user-specific: it refreshes again for them alone. */
export function caseFileListForOwner(list: AdaptiveCardJson, owner: CaseFileListOwner): AdaptiveCardJson {
  return { ...list, refresh: caseFileListPlaceholder(owner).refresh };
}
