import { Attachment, CardFactory, CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import { AdaptiveCardJson } from '../cards/card-templates';
import { ConversationDirectory } from '../ports/conversation-directory';
import { EffectFailure } from '../ports/effect-failure';
import { connectorFailure } from './connector-failure';
import { sendProactively } from './proactive-send';

/** Someone to write to in their 1:1 chat with the bot. */
export interface PersonalChatUser {
  readonly tenantId: string;
  /** Entra object id: the only id Teams takes to start a chat with someone the bot has not talked to. */
  readonly aadObjectId: string;
  /** Their Teams id ("29:…"), as the roster gave it. */
  readonly teamsUserId: string;
  readonly name: string;
  /** Where to start the chat when the bot has never had one with them: the serviceUrl of a chat they are in. */
  readonly serviceUrl: string;
}

export interface PersonalChatsOptions {
  readonly now: () => string;
  /** The token audience for outbound calls; undefined for the public cloud (as the SDK's own default). */
  readonly audience?: string;
}

/**
 * Sends into a user's 1:1 chat with the bot, outside any turn. The first time, the chat is started
 * proactively (createConversationAsync with the tenant and the user's Entra id), its id is stored
 * through the ConversationDirectory before anything is sent, and the message goes through
 * continueConversationAsync with the new reference, as Microsoft's sample does; later sends reuse it.
 * The app not installed for the user (403 BotNotInConversationRoster) is EffectFailure NOT_INSTALLED.
 */
export class PersonalChats {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly directory: ConversationDirectory,
    private readonly options: PersonalChatsOptions,
  ) {}

  /** Posts the card; returns the chat and the id Teams gave the message. */
  async sendCard(user: PersonalChatUser, card: AdaptiveCardJson, summary: string): Promise<{ conversationId: string; activityId: string }> {
    return this.sendAttachment(user, CardFactory.adaptiveCard(card), summary);
  }

  /** Posts one attachment (a card, a file consent or file info card); returns the chat and the id Teams gave the message. */
  async sendAttachment(user: PersonalChatUser, attachment: Attachment, summary: string): Promise<{ conversationId: string; activityId: string }> {
    const reference = await this.chatWith(user);
    let activityId: string;
    try {
      activityId = await sendProactively(this.adapter, this.botAppId, reference, attachment, summary);
    } catch (error) {
      throw personalChatFailure(error);
    }
    return { conversationId: reference.conversation!.id, activityId };
  }

  /** The stored 1:1 chat, or a new one (stored at once, so a crash after it never starts a second). */
  private async chatWith(user: PersonalChatUser): Promise<Partial<ConversationReference>> {
    const known = await this.directory.user(user.tenantId, user.aadObjectId);
    if (known?.personalConversationId) return personalReference(known.personalConversationId, known.serviceUrl, user.tenantId, this.botAppId);
    const serviceUrl = known?.serviceUrl ?? user.serviceUrl;
    const parameters = {
      isGroup: false,
      bot: { id: this.botAppId, name: '' },
      members: [{ id: user.aadObjectId, name: '' }],
      tenantId: user.tenantId,
      channelData: { tenant: { id: user.tenantId } },
    } as ConversationParameters;
    let reference: Partial<ConversationReference> | undefined;
    try {
      // The audience stays undefined unless configured: the SDK takes any string, '' too, as the token's scope.
      await this.adapter.createConversationAsync(this.botAppId, 'msteams', serviceUrl, this.options.audience as string, parameters, async (context) => {
        reference = TurnContext.getConversationReference(context.activity);
      });
    } catch (error) {
      throw personalChatFailure(error);
    }
    const conversationId = reference?.conversation?.id;
    if (!conversationId) throw new EffectFailure('CONNECTOR_NO_CONVERSATION', 'Teams started no conversation', { retryable: true, mayHaveHappened: false });
    await this.directory.rememberUser(
      { tenantId: user.tenantId, aadObjectId: user.aadObjectId, teamsUserId: known?.teamsUserId ?? user.teamsUserId, name: known?.name ?? user.name, serviceUrl, personalConversationId: conversationId },
      this.options.now(),
    );
    return { ...reference, conversation: { ...reference!.conversation!, conversationType: 'personal', tenantId: user.tenantId } };
  }
}

function personalReference(conversationId: string, serviceUrl: string, tenantId: string, botAppId: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl,
    bot: { id: botAppId, name: '' },
    conversation: { id: conversationId, tenantId, conversationType: 'personal', isGroup: false, name: '' },
  };
}

/** Teams' answer when the bot's app is not installed for the user (or the user removed it). */
export function personalChatFailure(error: unknown): EffectFailure {
  const e = error as { statusCode?: number; code?: string; message?: string; body?: unknown };
  const said = `${e.code ?? ''} ${e.message ?? ''} ${typeof e.body === 'string' ? e.body : JSON.stringify(e.body ?? '')}`;
  if (e.statusCode === 403 && said.includes('BotNotInConversationRoster')) {
    return new EffectFailure('NOT_INSTALLED', 'The app is not installed for this person in Teams', { retryable: false, mayHaveHappened: false });
  }
  return connectorFailure(error);
}
