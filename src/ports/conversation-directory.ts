/** Where a chat is, as a later message to it needs (a Teams conversation reference, in our words). */
export interface ChatAddress {
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly botId: string;
  readonly botName: string;
  /** 'personal', 'groupChat' or 'channel', as Teams says. */
  readonly conversationType: string;
}

/** A Teams user the bot has seen: enough to start or continue their 1:1 chat with the bot later. */
export interface KnownTeamsUser {
  readonly tenantId: string;
  /** Entra object id, lower case. */
  readonly aadObjectId: string;
  readonly teamsUserId: string;
  readonly name: string;
  readonly serviceUrl: string;
  /** Their 1:1 chat with the bot, once there is one. */
  readonly personalConversationId?: string;
}

/** Remembers chats and people, so the bot can write to them outside a turn. */
export interface ConversationDirectory {
  rememberChat(address: ChatAddress, now: string): Promise<void>;
  chat(conversationId: string): Promise<ChatAddress | undefined>;
  rememberUser(user: KnownTeamsUser, now: string): Promise<void>;
  user(tenantId: string, aadObjectId: string): Promise<KnownTeamsUser | undefined>;
}
