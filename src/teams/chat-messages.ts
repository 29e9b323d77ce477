import { CardFactory, CloudAdapter, ConversationReference } from 'botbuilder';
import { AdaptiveCardJson } from '../cards/card-templates';
import { ChatAddress } from '../ports/conversation-directory';
import { connectorFailure } from './connector-failure';

/** Writes to a chat outside a turn (proactively), from its stored address. */
export class ChatMessages {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  /** Replaces a message the bot posted earlier with this card. */
  async updateCard(address: ChatAddress, activityId: string, card: AdaptiveCardJson): Promise<void> {
    // The adapter hands an error thrown inside the turn to its turn-error handler and resolves: the
    // connector's answer is caught here, inside, so the outbox sees it and tries again.
    let failed: { error: unknown } | undefined;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, referenceOf(address), async (context) => {
        try {
          await context.updateActivity({ type: 'message', id: activityId, attachments: [CardFactory.adaptiveCard(card)] });
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
