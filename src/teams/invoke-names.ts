import { InvokeResponse } from 'botbuilder';

/**
 * Teams sends an `invoke` for features an app may offer: dialogs (`task/*`), message extensions
 * (`composeExtension/*`), bot settings (`config/*`), Adaptive Card tabs (`tab/*`), typeahead search
 * (`application/search`). This bot offers none of them, only `adaptiveCard/action`; each other
 * invoke gets a 200 in the shape its sender documents, saying so plainly, never a 5xx (the SDK's
 * default is 501, which Teams shows as an error).
 */
export const NOT_OFFERED = 'This app does not offer that here. Type "help" in the chat with the bot to see what it can do.';
export const NOTHING_TO_SET_UP = 'The bot has nothing to set up. Type "help" in the chat with the bot to see what it can do.';

/** A dialog that shows a message (TaskModuleMessageResponse). */
const taskMessage = { task: { type: 'message', value: NOT_OFFERED } };

/** Bot configuration answers with a message (ConfigResponse whose config is a task message). */
const configMessage = { responseType: 'config', config: { type: 'message', value: NOTHING_TO_SET_UP } };

/** A search-based message extension with no results. */
const emptyResult = { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };

/** A message-extension action that answers with a message. */
const extensionMessage = { composeExtension: { type: 'message', text: NOT_OFFERED } };

/** An Adaptive Card tab holding one card with the message (TabResponse, type `continue`). */
const tabCard = {
  tab: {
    type: 'continue',
    value: {
      cards: [
        {
          card: {
            type: 'AdaptiveCard',
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            version: '1.5',
            body: [{ type: 'TextBlock', text: NOT_OFFERED, wrap: true }],
          },
        },
      ],
    },
  },
};

/** Typeahead data for an Input.ChoiceSet: no results (an AdaptiveCardInvokeResponse). */
const noSearchResults = { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } };

const ANSWERS: Readonly<Record<string, unknown>> = {
  'task/fetch': taskMessage,
  'task/submit': taskMessage,
  'composeExtension/fetchTask': taskMessage,
  'message/fetchTask': taskMessage,
  'composeExtension/query': emptyResult,
  'composeExtension/queryLink': emptyResult,
  'composeExtension/anonymousQueryLink': emptyResult,
  'composeExtension/selectItem': emptyResult,
  'composeExtension/submitAction': extensionMessage,
  'message/submitAction': extensionMessage,
  'composeExtension/querySettingUrl': extensionMessage,
  'config/fetch': configMessage,
  'config/submit': configMessage,
  'tab/fetch': tabCard,
  'tab/submit': tabCard,
  'application/search': noSearchResults,
};

/** The answer to an invoke the bot does not handle: the documented shape, or 200 with no body. */
export function answerToUnofferedInvoke(name: string | undefined): InvokeResponse {
  const body = name !== undefined && Object.hasOwn(ANSWERS, name) ? ANSWERS[name] : undefined;
  return body === undefined ? { status: 200 } : { status: 200, body };
}
