import { Kysely } from 'kysely';
import { ChatAddress, ConversationDirectory, KnownTeamsUser } from '../ports/conversation-directory';
import { ReviewDatabase } from './review-database';

/** Chats and people the bot has seen, kept up to date (an upsert when something changed). */
export class KyselyConversationDirectory implements ConversationDirectory {
  constructor(private readonly db: Kysely<ReviewDatabase>) {}

  async rememberChat(a: ChatAddress, now: string): Promise<void> {
    const values = {
      service_url: a.serviceUrl,
      tenant_id: a.tenantId,
      bot_id: a.botId,
      bot_name: a.botName,
      conversation_type: a.conversationType,
      updated_at: now,
    };
    await this.db
      .insertInto('chat_addresses')
      .values({ conversation_id: a.conversationId, ...values })
      .onConflict((oc) => oc.column('conversation_id').doUpdateSet(values))
      .execute();
  }

  async chat(conversationId: string): Promise<ChatAddress | undefined> {
    const r = await this.db.selectFrom('chat_addresses').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
    return r
      ? { conversationId: r.conversation_id, serviceUrl: r.service_url, tenantId: r.tenant_id, botId: r.bot_id, botName: r.bot_name, conversationType: r.conversation_type }
      : undefined;
  }

  async rememberUser(u: KnownTeamsUser, now: string): Promise<void> {
    const values = {
      teams_user_id: u.teamsUserId,
      name: u.name,
      service_url: u.serviceUrl,
      updated_at: now,
      ...(u.personalConversationId ? { personal_conversation_id: u.personalConversationId } : {}),
    };
    await this.db
      .insertInto('teams_users')
      .values({ tenant_id: u.tenantId, aad_object_id: u.aadObjectId.toLowerCase(), personal_conversation_id: null, ...values })
      .onConflict((oc) => oc.columns(['tenant_id', 'aad_object_id']).doUpdateSet(values))
      .execute();
  }

  async user(tenantId: string, aadObjectId: string): Promise<KnownTeamsUser | undefined> {
    const r = await this.db
      .selectFrom('teams_users')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('aad_object_id', '=', aadObjectId.toLowerCase())
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      tenantId: r.tenant_id,
      aadObjectId: r.aad_object_id,
      teamsUserId: r.teams_user_id,
      name: r.name,
      serviceUrl: r.service_url,
      ...(r.personal_conversation_id ? { personalConversationId: r.personal_conversation_id } : {}),
    };
  }
}
