import { TurnContext } from 'botbuilder';
import { Logger } from '../logging/logger';
import { ConversationDirectory } from '../ports/conversation-directory';
import { chatAddressOf, knownUserOf } from './teams-turn';

/**
 * Remembers, from each turn, where the chat is and who wrote, so the bot can write to them later.
 * It writes only what is new or changed since this process last wrote it: a turn usually costs nothing.
 */
export class AddressBook {
  private readonly written = new Map<string, string>();

  constructor(
    private readonly directory: ConversationDirectory,
    private readonly logger: Logger,
  ) {}

  async remember(context: TurnContext, now: string): Promise<void> {
    try {
      const chat = chatAddressOf(context);
      await this.once(`chat|${chat.conversationId}`, chat, () => this.directory.rememberChat(chat, now));
      const user = knownUserOf(context);
      if (user) await this.once(`user|${user.tenantId}|${user.aadObjectId}`, user, () => this.directory.rememberUser(user, now));
    } catch (error) {
      // A turn is never refused for this: the next turn tries again.
      this.logger.log('warn', 'address.not-remembered', { reason: (error as Error).message });
    }
  }

  private async once(key: string, value: object, write: () => Promise<void>): Promise<void> {
    const text = JSON.stringify(value);
    if (this.written.get(key) === text) return;
    await write();
    this.written.set(key, text);
  }
}
