import * as ACData from 'adaptivecards-templating';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project/project-root';
import { withTextShownAsTyped } from './plain-text';

export const TEMPLATE_NAMES = ['step-form', 'review-progress', 'minutes-draft', 'confirm-cancel', 'help', 'due-list', 'due-private', 'confirm-review-action', 'minutes-private', 'booking-manage'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** An Adaptive Card, as JSON, ready to send. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/**
 * The JSON templates in cards/, read once. User text only ever reaches a card as bound data,
 * so `${...}` typed by a user is shown literally and never evaluated.
 */
export class CardTemplates {
  private readonly templates = new Map<TemplateName, ACData.Template>();

  constructor(directory: string = join(PROJECT_ROOT, 'cards')) {
    for (const name of TEMPLATE_NAMES) {
      const json: unknown = JSON.parse(readFileSync(join(directory, `${name}.json`), 'utf8'));
      this.templates.set(name, new ACData.Template(json));
    }
  }

  render(name: TemplateName, data: object): AdaptiveCardJson {
    const template = this.templates.get(name);
    if (!template) throw new Error(`No card template named ${name}`);
    return withTextShownAsTyped(template.expand({ $root: data }) as AdaptiveCardJson);
  }
}
