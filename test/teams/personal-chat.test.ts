import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/logging/logger';
import { EffectFailure } from '../../src/ports/effect-failure';
import { KyselyConversationDirectory } from '../../src/store/kysely-conversation-directory';
import { migrateToLatest } from '../../src/store/migrations';
import { ReviewDatabase, openSqlite } from '../../src/store/review-database';
import { PersonalChats, PersonalChatUser } from '../../src/teams/personal-chat';
import { createTeamsAdapter } from '../../src/teams/teams-endpoint';
import { LocalConnector, cardOf } from '../support/local-connector';

const directoryDir = mkdtempSync(join(tmpdir(), 'cin-personal-chat-'));
afterAll(() => rmSync(directoryDir, { recursive: true, force: true }));
let n = 0;

const card = (text: string) => ({ type: 'AdaptiveCard' as const, version: '1.5', body: [{ type: 'TextBlock', text }] });

describe('a 1:1 chat with the bot, through a real CloudAdapter in local mode against the local connector', () => {
  let connector: LocalConnector;
  let db: Kysely<ReviewDatabase>;
  let directory: KyselyConversationDirectory;
  let chats: PersonalChats;
  let user: PersonalChatUser;

  beforeEach(async () => {
    connector = await new LocalConnector().start();
    db = openSqlite(join(directoryDir, `d-${++n}.sqlite`));
    await migrateToLatest(db);
    directory = new KyselyConversationDirectory(db);
    const adapter = createTeamsAdapter(loadConfig({}), silentLogger);
    chats = new PersonalChats(adapter, '', directory, { now: () => '2026-12-01T10:30:00.000Z' });
    user = { tenantId: 'tenant-a', aadObjectId: 'aad-dan', teamsUserId: '29:dan', name: 'Dan Price', serviceUrl: connector.url };
  });
  afterEach(async () => {
    await connector.stop();
    await db.destroy();
  });

  it('starts the chat with the tenant and the Entra id, stores it, and posts the card into it', async () => {
    const sent = await chats.sendCard(user, card('Your minutes'), 'Minutes');
    expect(connector.created).toHaveLength(1);
    expect(connector.created[0]!.body).toMatchObject({ isGroup: false, members: [{ id: 'aad-dan' }], tenantId: 'tenant-a', channelData: { tenant: { id: 'tenant-a' } } });
    const conversationId = connector.created[0]!.conversationId;
    expect(sent.conversationId).toBe(conversationId);
    const posted = connector.postedTo(conversationId);
    expect(posted).toHaveLength(1);
    expect(cardOf(posted[0]!.activity)?.body[0].text).toBe('Your minutes');
    expect(sent.activityId).toBe(posted[0]!.id);
    expect(await directory.user('tenant-a', 'aad-dan')).toMatchObject({ personalConversationId: conversationId, serviceUrl: connector.url, teamsUserId: '29:dan', name: 'Dan Price' });
  });

  it('reuses the stored chat next time: no second conversation is started', async () => {
    await chats.sendCard(user, card('First'), 'First');
    await chats.sendCard({ ...user, aadObjectId: 'AAD-DAN' }, card('Second'), 'Second');
    expect(connector.created).toHaveLength(1);
    const conversationId = connector.created[0]!.conversationId;
    expect(connector.postedTo(conversationId).map((p) => cardOf(p.activity)?.body[0].text)).toEqual(['First', 'Second']);
  });

  it('writes to a user known from an earlier turn at their own serviceUrl, and keeps what was known of them', async () => {
    await directory.rememberUser({ tenantId: 'tenant-a', aadObjectId: 'aad-dan', teamsUserId: '29:dan-real', name: 'Daniel Price', serviceUrl: connector.url }, '2026-11-01T09:00:00.000Z');
    await chats.sendCard({ ...user, serviceUrl: 'http://127.0.0.1:9/unused/' }, card('Hello'), 'Hello');
    expect(connector.created).toHaveLength(1);
    expect(await directory.user('tenant-a', 'aad-dan')).toMatchObject({ teamsUserId: '29:dan-real', name: 'Daniel Price', personalConversationId: connector.created[0]!.conversationId });
  });

  it('the app not installed for the user is NOT_INSTALLED, not worth retrying, and stores no chat', async () => {
    connector.notInstalled.add('aad-dan');
    const failure = await chats.sendCard(user, card('x'), 'x').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EffectFailure);
    expect(failure).toMatchObject({ code: 'NOT_INSTALLED', retryable: false });
    expect(connector.posted()).toEqual([]);
    expect((await directory.user('tenant-a', 'aad-dan'))?.personalConversationId).toBeUndefined();
  });

  it('an app removed after the chat began is NOT_INSTALLED too, on the stored chat', async () => {
    await chats.sendCard(user, card('First'), 'First');
    connector.notInstalled.add('aad-dan');
    await expect(chats.sendCard(user, card('Second'), 'Second')).rejects.toMatchObject({ code: 'NOT_INSTALLED' });
  });

  it('a connector that cannot be reached is a retryable failure', async () => {
    await connector.stop();
    await expect(chats.sendCard(user, card('x'), 'x')).rejects.toMatchObject({ code: 'CONNECTOR_UNREACHABLE', retryable: true });
  });
});
