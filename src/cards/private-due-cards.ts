import * as ACData from 'adaptivecards-templating';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project/project-root';
import { AdaptiveCardJson } from './card-templates';
import { asPlainText } from './plain-text';

/** The verb of the due list's user-specific view: Teams sends it when its owner views the card. */
export const DUE_SHOW_VERB = 'due.show';

/** The one person a due list is for, as Teams names them (`29:` id, for `refresh.userIds`). */
export interface DueListOwner {
  readonly teamsUserId: string;
  readonly name: string;
}

const template = new ACData.Template(JSON.parse(readFileSync(join(PROJECT_ROOT, 'cards', 'due-private.json'), 'utf8')));

/**
 * What a group chat sees when someone types `due` there: the owner's name and that only they can
 * see the list, never a case. The card refreshes to the owner's list for the owner alone
 * (`refresh.userIds`), and its button does the same for a client without automatic refresh.
 */
export function dueListPlaceholder(owner: DueListOwner): AdaptiveCardJson {
  return template.expand({ $root: { forUserId: owner.teamsUserId, forName: owner.name, shownName: asPlainText(owner.name) } }) as AdaptiveCardJson;
}

/** The owner's own due list, kept user-specific: it refreshes again for them alone. */
export function dueListForOwner(dueList: AdaptiveCardJson, owner: DueListOwner): AdaptiveCardJson {
  const refresh = dueListPlaceholder(owner).refresh;
  return { ...dueList, refresh };
}
