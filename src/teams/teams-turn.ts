import { TurnContext } from 'botbuilder';
import { TeamsPerson } from '../domain/review/review';
import { ChatAddress, KnownTeamsUser } from '../ports/conversation-directory';
import { Conversation } from '../use-cases/review-actions';
import { canonicalEntraId } from '../domain/identity/entra-id';

/** Who and where, read from a Teams activity: the only identity the bot trusts. */
export function personOf(context: TurnContext): TeamsPerson {
  const from = context.activity.from;
  return { teamsUserId: from.id, name: from.name ?? 'Unknown', ...(from.aadObjectId ? { aadObjectId: canonicalEntraId(from.aadObjectId) } : {}) };
}

export function tenantOf(context: TurnContext): string {
  const a = context.activity;
  return canonicalEntraId(a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? '');
}

export function conversationOf(context: TurnContext): Conversation {
  return { id: context.activity.conversation.id, tenantId: tenantOf(context) };
}

/** Teams redelivers an activity with the same id; the key makes applying it idempotent. */
export function activityKeyOf(context: TurnContext): string | null {
  const id = context.activity.id;
  return id ? `${context.activity.conversation.id}|${id}` : null;
}

/** What a later message to this chat needs. */
export function chatAddressOf(context: TurnContext): ChatAddress {
  const a = context.activity;
  return {
    conversationId: a.conversation.id,
    serviceUrl: a.serviceUrl,
    tenantId: tenantOf(context),
    botId: a.recipient?.id ?? '',
    botName: a.recipient?.name ?? '',
    conversationType: a.conversation.conversationType ?? (a.conversation.isGroup ? 'groupChat' : 'personal'),
  };
}

/** The sender, when Teams gave their Entra id: what a later 1:1 message to them needs. */
export function knownUserOf(context: TurnContext): KnownTeamsUser | undefined {
  const a = context.activity;
  const aad = a.from?.aadObjectId;
  if (!aad) return undefined;
  return {
    tenantId: tenantOf(context),
    aadObjectId: aad.toLowerCase(),
    teamsUserId: a.from.id,
    name: a.from.name ?? '',
    serviceUrl: a.serviceUrl,
    ...(a.conversation.conversationType === 'personal' ? { personalConversationId: a.conversation.id } : {}),
  };
}
