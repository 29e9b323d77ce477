import { randomUUID } from 'node:crypto';

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
}

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT = { id: '28:cin-review-bot', name: 'CIN Review' };

export function teamsUser(name: string, n: number): TeamsUser {
  const hex = n.toString(16).padStart(12, '0');
  return { id: `29:1${name.toLowerCase()}${n}`, name, aadObjectId: `00000000-0000-4000-8000-${hex}` };
}

interface Where {
  serviceUrl: string;
  conversationId: string;
  tenantId?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
}

function base(where: Where, from: TeamsUser) {
  const tenantId = where.tenantId ?? TENANT;
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: where.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { id: where.conversationId, conversationType: where.conversationType ?? 'groupChat', tenantId, isGroup: true },
    channelData: { tenant: { id: tenantId } },
    locale: 'en-GB',
  };
}

/** A message as Teams delivers it in a group chat: the bot is @mentioned. */
export function messageActivity(where: Where, from: TeamsUser, text: string) {
  return {
    ...base(where, from),
    type: 'message',
    text: `<at>${BOT.name}</at> ${text}`,
    entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
  };
}

/** A Universal Action press: an `adaptiveCard/action` invoke with the card's data and inputs merged. */
export function cardActionActivity(where: Where, from: TeamsUser, verb: string, data: Record<string, unknown>, trigger = 'manual') {
  return {
    ...base(where, from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger },
  };
}

/** Teams tells the bot who joined a chat; the bot itself appears when it is added. */
export function membersAddedActivity(where: Where, from: TeamsUser, added: Array<{ id: string; name?: string }>) {
  return { ...base(where, from), type: 'conversationUpdate', membersAdded: added, channelData: { tenant: { id: where.tenantId ?? TENANT }, eventType: 'teamMemberAdded' } };
}

/** The user's answer to a file consent card, as Teams sends it: `fileConsent/invoke` with the card's context (and, on accept, where to upload). */
export function fileConsentActivity(where: Where, from: TeamsUser, action: 'accept' | 'decline', context: unknown, uploadInfo?: unknown) {
  return {
    ...base(where, from),
    type: 'invoke',
    name: 'fileConsent/invoke',
    value: { type: 'fileUpload', action, context, ...(uploadInfo !== undefined ? { uploadInfo } : {}) },
  };
}
