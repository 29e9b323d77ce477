import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { simpleParser } from 'mailparser';
import { loadConfig } from '../../src/config/load-config';
import { Attendee, Review } from '../../src/domain/review/review';
import { silentLogger } from '../../src/logging/logger';
import { FolderMailSender } from '../../src/mail-folder/folder-mail-sender';
import { MINUTES_EMAIL, MINUTES_PLAN, MINUTES_REPORT, MINUTES_TEAMS, minutesEmailHandler, minutesPlanEffect, minutesPlanHandler, minutesTeamsHandler } from '../../src/minutes-delivery';
import { EffectHandler, OutboxDispatcher } from '../../src/outbox/outbox-dispatcher';
import { DeliveryStore } from '../../src/ports/delivery-store';
import { TeamsAppInstaller } from '../../src/ports/teams-app-installer';
import { KyselyConversationDirectory } from '../../src/store/kysely-conversation-directory';
import { KyselyDeliveryStore } from '../../src/store/kysely-delivery-store';
import { KyselyOutbox } from '../../src/store/kysely-outbox';
import { KyselyReviewStore } from '../../src/store/kysely-review-store';
import { migrateToLatest } from '../../src/store/migrations';
import { ReviewDatabase, openSqlite } from '../../src/store/review-database';
import { PersonalChats } from '../../src/teams/personal-chat';
import { ChatMessages } from '../../src/teams/chat-messages';
import { minutesReportEffect } from '../../src/teams/minutes-report-effect';
import { createTeamsAdapter } from '../../src/teams/teams-endpoint';
import { markedReview } from '../domain/minutes-delivery/marked-review';
import { LocalConnector } from '../support/local-connector';

export const TENANT = 'tenant-a';
const NOW = '2026-11-24T11:00:00.000Z';

export function attendee(key: string, name: string, role: Attendee['role'], contact: { email?: string; phone?: string; aad?: string; doNotShareContact?: boolean } = {}): Attendee {
  return {
    key,
    name,
    role,
    organisation: '',
    attendance: 'present',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    receivesMinutes: true,
    doNotShareContact: contact.doNotShareContact ?? false,
    ...(contact.aad ? { teams: { teamsUserId: `29:${key}`, aadObjectId: contact.aad, name } } : {}),
  };
}

/** A signed-off review, the bot's store on SQLite, the local connector, a mail folder, and the delivery handlers. */
export class DeliveryRig {
  readonly connector = new LocalConnector();
  readonly dir = mkdtempSync(join(tmpdir(), 'cin-minutes-delivery-'));
  readonly mailDir = join(this.dir, 'mail');
  db!: Kysely<ReviewDatabase>;
  reviews!: KyselyReviewStore;
  outbox!: KyselyOutbox;
  deliveries!: DeliveryStore;
  directory!: KyselyConversationDirectory;
  chats!: PersonalChats;
  handlers!: Record<string, EffectHandler>;
  dispatcher!: OutboxDispatcher;
  review!: Review;

  async start(attendees: readonly Attendee[], options: { installer?: TeamsAppInstaller; childLetters?: readonly string[]; deliveries?: (store: DeliveryStore) => DeliveryStore } = {}): Promise<this> {
    await this.connector.start();
    this.db = openSqlite(join(this.dir, 'bot.sqlite'));
    await migrateToLatest(this.db);
    this.reviews = new KyselyReviewStore(this.db, () => NOW);
    this.outbox = new KyselyOutbox(this.db, 'sqlite');
    const store = new KyselyDeliveryStore(this.db);
    this.deliveries = options.deliveries ? options.deliveries(store) : store;
    this.directory = new KyselyConversationDirectory(this.db);
    const adapter = createTeamsAdapter(loadConfig({}), silentLogger);
    this.chats = new PersonalChats(adapter, '', this.directory, { now: () => NOW });
    this.review = { ...markedReview([...attendees]), id: 'review-7', tenantId: TENANT, conversationId: '19:meeting@thread.v2' };
    await this.directory.rememberChat({ conversationId: this.review.conversationId, serviceUrl: this.connector.url, tenantId: TENANT, botId: '', botName: 'CIN Review', conversationType: 'groupChat' }, NOW);
    const childLetters = options.childLetters ?? [];
    const deps = { reviews: this.reviews, deliveries: this.deliveries, now: () => NOW };
    this.handlers = {
      [MINUTES_PLAN]: minutesPlanHandler({ ...deps, choicesOf: () => ({ childLetters }) }),
      [MINUTES_TEAMS]: minutesTeamsHandler({ ...deps, chats: this.chats, directory: this.directory, ...(options.installer ? { installer: options.installer } : {}) }),
      [MINUTES_REPORT]: minutesReportEffect(this.reviews, this.deliveries, this.outbox, this.directory, new ChatMessages(adapter, ''), () => NOW),
      [MINUTES_EMAIL]: minutesEmailHandler({ ...deps, mail: new FolderMailSender({ directory: this.mailDir, from: { name: 'CIN Reviews', address: 'cin-reviews@council.example' } }) }),
    };
    this.dispatcher = new OutboxDispatcher({ outbox: this.outbox, handlers: this.handlers, logger: silentLogger });
    return this;
  }

  /** Stores the signed-off review with the one effect sign-off would queue. */
  async signOff(): Promise<void> {
    expect(await this.reviews.create(this.review, 'sign-off', [minutesPlanEffect(this.review)])).toBe('created');
  }

  /** Performs every effect that falls due now, until none is left. */
  async deliverAll(): Promise<void> {
    for (let round = 0; round < 10; round++) if ((await this.dispatcher.runOnce()) === 0) return;
  }

  /** Every email written to the mail folder, parsed. */
  async emails() {
    if (!existsSync(this.mailDir)) return [];
    const files = readdirSync(this.mailDir).filter((f) => f.endsWith('.eml'));
    return Promise.all(files.map(async (file) => ({ file, mail: await simpleParser(readFileSync(join(this.mailDir, file))) })));
  }

  async stop(): Promise<void> {
    await this.connector.stop();
    await this.db.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
