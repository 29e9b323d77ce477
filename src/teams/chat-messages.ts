import { Activity, CardFactory, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { AdaptiveCardJson } from '../cards/card-templates';
import { ChatAddress } from '../ports/conversation-directory';
import { connectorFailure } from './connector-failure';
import { sendProactively } from './proactive-send';

/** What this needs of the SDK's connector client: updating a message. */
interface MessageUpdater {
  readonly conversations: { updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<unknown> };
}

/**
 * Writes to a chat outside a turn (proactively), from its stored address. The first write to a
 * service URL goes through the adapter's proactive turn; the connector client it made (with its
 * credentials, which renew their own tokens) is kept for later writes there, as building one per
 * write was most of an update's cost under load.
 */
export class ChatMessages {
  private readonly clients = new Map<string, MessageUpdater>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  /** Posts a card into the chat; the id Teams gave the message. */
  async postCard(address: ChatAddress, card: AdaptiveCardJson, summary: string): Promise<string> {
    try {
      return await sendProactively(this.adapter, this.botAppId, referenceOf(address), CardFactory.adaptiveCard(card), summary);
    } catch (error) {
      throw connectorFailure(error);
    }
  }

  /** Replaces a message the bot posted earlier with this card. */
  async updateCard(address: ChatAddress, activityId: string, card: AdaptiveCardJson): Promise<void> {
    const reference = referenceOf(address);
    const update = TurnContext.applyConversationReference({ type: 'message', id: activityId, attachments: [CardFactory.adaptiveCard(card)] }, reference);
    const client = this.clients.get(address.serviceUrl);
    if (client) {
      try {
        await client.conversations.updateActivity(address.conversationId, activityId, update);
        return;
      } catch (error) {
        throw connectorFailure(error);
      }
    }
    // The adapter hands an error thrown inside the turn to its turn-error handler and resolves: the
    // connector's answer is caught here, inside, so the outbox sees it and tries again.
    let failed: { error: unknown } | undefined;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        try {
          await context.updateActivity(update);
          const made = context.turnState.get(context.adapter.ConnectorClientKey) as MessageUpdater | undefined;
          if (made) this.clients.set(address.serviceUrl, made);
        } catch (error) {
          failed = { error };
        }
      });
    } catch (error) {
      failed = { error };
    }
    if (failed) throw connectorFailure(failed.error);
  }
}

export function referenceOf(address: ChatAddress): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: address.serviceUrl,
    bot: { id: address.botId, name: address.botName },
    conversation: { id: address.conversationId, tenantId: address.tenantId, conversationType: address.conversationType, isGroup: address.conversationType !== 'personal', name: '' },
  };
}
