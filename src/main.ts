import { CardTemplates } from './cards/card-templates';
import { ReviewCards } from './cards/review-cards';
import { systemClock } from './clock/london-clock';
import { Config, loadConfig } from './config/load-config';
import { CinError } from './errors/error-catalogue';
import { Logger, jsonLogger } from './logging/logger';
import { BotServer, startBotServer } from './http/bot-server';
import { announceStart } from './http/start-line';
import { OutboxDispatcher } from './outbox/outbox-dispatcher';
import { bookingEffectHandlers } from './booking-effects/booking-effect-handlers';
import { createGraphAdapters } from './graph/graph-connection';
import { FolderMailSender } from './mail-folder/folder-mail-sender';
import { MINUTES_DEADLINE, MINUTES_EMAIL, MINUTES_PLAN, MINUTES_REPORT, MINUTES_TEAMS, minutesDeadlineHandler, minutesEmailHandler, minutesPlanHandler, minutesTeamsHandler } from './minutes-delivery';
import { CASE_FILE_INFO, CASE_FILE_OFFER, CASE_FILE_UPLOAD } from './minutes-delivery/case-file-effects';
import { caseFileInfoHandler, caseFileOfferHandler, caseFileUploadHandler } from './minutes-delivery/case-file-handlers';
import { BookingStore } from './ports/booking-store';
import { Calendar } from './ports/calendar';
import { ConversationDirectory } from './ports/conversation-directory';
import { DeliveryStore } from './ports/delivery-store';
import { MailSender } from './ports/mail-sender';
import { EffectQueue, Outbox } from './ports/outbox';
import { ReviewStore } from './ports/review-store';
import { TeamsAppInstaller } from './ports/teams-app-installer';
import { KyselyBookingStore } from './store/kysely-booking-store';
import { KyselyDeliveryStore } from './store/kysely-delivery-store';
import { KyselyLocalCalendar } from './store/kysely-local-calendar';
import { deadlineCheckAt } from './domain/minutes-delivery/minutes-deadline-check';
import { PersonalChats } from './teams/personal-chat';
import { minutesReportEffect } from './teams/minutes-report-effect';
import { KyselyConversationDirectory } from './store/kysely-conversation-directory';
import { KyselyOutbox } from './store/kysely-outbox';
import { KyselyReviewStore } from './store/kysely-review-store';
import { migrateToLatest } from './store/migrations';
import { openPostgres, openSqlite } from './store/review-database';
import { AddressBook } from './teams/address-book';
import { ChatMessages } from './teams/chat-messages';
import { TeamsConsentedUploads } from './teams/consented-upload';
import { CaseFiles } from './use-cases/case-files';
import { progressCardEffect } from './teams/progress-card-effect';
import { ReviewBot } from './teams/review-bot';
import { createMessageEndpoint, createTeamsAdapter } from './teams/teams-endpoint';
import { PROGRESS_CARD_UPDATE } from './use-cases/review-effects';
import { BookingByCommand } from './use-cases/booking-by-command';
import { FreeSlots } from './use-cases/free-slots';
import { CaseAlerts } from './use-cases/case-alerts';
import { MinutesDeliveries } from './use-cases/minutes-deliveries';
import { ReviewActions, Timescales } from './use-cases/review-actions';
import { BOOKING_REQUEST, bookingRequestHandler } from './booking-effects/booking-request';
import { BookedMeetings } from './use-cases/booked-meetings';
import {
  WorkingDayCalendar,
  loadBankHolidaysFile,
  loadShippedPolicyPacks,
  selectPolicyPack,
} from './domain/timescales';

export interface RunningBot {
  readonly url: string;
  readonly storage: Storage;
  readonly dispatcher: OutboxDispatcher;
  stop(): Promise<void>;
}

/** The reviews, the outbox, the address directory, the minutes' deliveries and the bookings, on one database. */
export interface Storage {
  readonly reviews: ReviewStore;
  readonly outbox: Outbox & EffectQueue;
  readonly directory: ConversationDirectory;
  readonly deliveries: DeliveryStore;
  readonly bookings: BookingStore;
  /** The embedded calendar: the bookings the bot made itself (used when Graph is not configured). */
  readonly localCalendar: Calendar;
}

export async function openStorage(config: Config): Promise<Storage> {
  const db = config.storage.kind === 'sqlite' ? openSqlite(config.storage.file) : openPostgres(config.storage.url);
  await migrateToLatest(db);
  return {
    reviews: new KyselyReviewStore(db),
    outbox: new KyselyOutbox(db, config.storage.kind),
    directory: new KyselyConversationDirectory(db),
    deliveries: new KyselyDeliveryStore(db),
    bookings: new KyselyBookingStore(db),
    localCalendar: new KyselyLocalCalendar(db),
  };
}

/** Email, calendar and app installation: Microsoft Graph when configured, else the embedded mail folder and local calendar. */
export interface OutsideSystems {
  readonly mail: MailSender;
  readonly calendar: Calendar;
  /** Sends the invitations the calendar does not (all of them for the embedded calendar; those invited alone with Exchange). */
  readonly invitations: MailSender;
  /** Exchange tells the event's own attendees itself. */
  readonly calendarTellsAttendees: boolean;
  readonly installer?: TeamsAppInstaller;
}

export function connectOutsideSystems(config: Config, storage: Storage): OutsideSystems {
  if (config.graph) {
    const graph = createGraphAdapters({ ...config.graph, sharedMailbox: config.mail.from.address });
    return {
      mail: graph.mailSender,
      calendar: graph.calendar,
      invitations: graph.mailSender,
      calendarTellsAttendees: true,
      ...(config.graph.teamsAppCatalogId ? { installer: graph.teamsAppInstaller } : {}),
    };
  }
  const mail = new FolderMailSender({ directory: config.mail.directory, from: config.mail.from });
  return { mail, calendar: storage.localCalendar, invitations: mail, calendarTellsAttendees: false };
}

/**
 * The authorities' policy packs and the working-day calendar, read and checked once: a pack or a
 * bank-holiday file that does not validate stops start-up with the file, field and problem.
 */
export function loadTimescales(config: Config): Timescales {
  const t = config.timescales;
  const packs = t.packsDirectory ? loadShippedPolicyPacks(t.packsDirectory) : loadShippedPolicyPacks();
  selectPolicyPack(packs, undefined, t.defaultPackId);
  const holidays = t.bankHolidaysFile ? loadBankHolidaysFile(t.bankHolidaysFile) : loadBankHolidaysFile();
  return { packs, defaultPackId: t.defaultPackId, calendar: WorkingDayCalendar.fromBankHolidays(holidays, t.division) };
}

/** The composition root: adapters, then the bot, then the server. */
export async function startBot(config: Config, logger: Logger, clock = systemClock): Promise<RunningBot> {
  const timescales = loadTimescales(config);
  const storage = await openStorage(config);
  const store = storage.reviews;
  const packChoices = [...timescales.packs.values()].map((p) => ({ title: p.authority, value: p.id }));
  const cards = new ReviewCards(new CardTemplates(), { packChoices, defaultPackId: timescales.defaultPackId });
  const adapter = createTeamsAdapter(config, logger);
  const messages = new ChatMessages(adapter, config.bot.appId);
  const outside = connectOutsideSystems(config, storage);
  const now = () => clock().now;
  const chats = new PersonalChats(adapter, config.bot.appId, storage.directory, { now });
  const delivery = { reviews: store, deliveries: storage.deliveries, bookings: storage.bookings, now };
  // Booking the next review: times found at its step, booked at sign-off, moved or cancelled after.
  let wakeDispatcher = () => undefined as void;
  const nextMeetingBooking = {
    freeSlots: new FreeSlots(outside.calendar, storage.bookings, timescales.calendar, config.booking.slotRules),
    rules: { sharedOrganiser: config.booking.organiser, durationMinutes: config.booking.slotRules.durationMinutes },
    bookings: storage.bookings,
  };
  const bookingRequest = bookingRequestHandler({ reviews: store, bookings: storage.bookings, now, queued: () => wakeDispatcher() });
  const bookedMeetings = new BookedMeetings(store, storage.bookings, () => wakeDispatcher());
  // The chair's case file: the PDF goes to the upload URL Teams gives once they accept (plain http only to this machine, in local mode).
  const caseFile = {
    reviews: store,
    chats,
    directory: storage.directory,
    uploads: new TeamsConsentedUploads({ timeoutMs: config.outbox.callTimeoutMs, allowLoopbackHttp: config.localMode }),
    queue: storage.outbox,
    now,
  };
  const dispatcher = new OutboxDispatcher({
    outbox: storage.outbox,
    handlers: {
      [PROGRESS_CARD_UPDATE]: progressCardEffect(store, storage.outbox, storage.directory, cards, messages),
      [MINUTES_PLAN]: minutesPlanHandler({ ...delivery, deadlineCheckAt: (review) => deadlineCheckAt(review, timescales.calendar) }),
      [MINUTES_DEADLINE]: minutesDeadlineHandler({ ...delivery, chats, directory: storage.directory }),
      [MINUTES_TEAMS]: minutesTeamsHandler({ ...delivery, chats, directory: storage.directory, ...(outside.installer ? { installer: outside.installer } : {}) }),
      [MINUTES_EMAIL]: minutesEmailHandler({ ...delivery, mail: outside.mail }),
      [MINUTES_REPORT]: minutesReportEffect(store, storage.deliveries, storage.outbox, storage.directory, messages, now),
      [CASE_FILE_OFFER]: caseFileOfferHandler(caseFile),
      [CASE_FILE_UPLOAD]: caseFileUploadHandler(caseFile),
      [CASE_FILE_INFO]: caseFileInfoHandler(caseFile),
      [BOOKING_REQUEST]: bookingRequest,
      ...bookingEffectHandlers({ bookings: storage.bookings, calendar: outside.calendar, invitations: outside.invitations, calendarTellsAttendees: outside.calendarTellsAttendees }),
    },
    logger,
    leaseMs: config.outbox.leaseMs,
    callTimeoutMs: config.outbox.callTimeoutMs,
    maxPacedWaitMs: 250,
    concurrency: 16,
  });
  wakeDispatcher = () => dispatcher.wake();
  const bot = new ReviewBot({
    actions: new ReviewActions(store, timescales, () => dispatcher.wake(), nextMeetingBooking),
    alerts: new CaseAlerts(store, timescales, storage.deliveries, storage.bookings),
    bookedMeetings,
    deliveries: new MinutesDeliveries(store, storage.deliveries, () => dispatcher.wake()),
    caseFiles: new CaseFiles(store, storage.outbox, () => dispatcher.wake()),
    booking: new BookingByCommand({
      reviews: store,
      bookings: storage.bookings,
      sharedMailbox: { name: config.mail.from.name, email: config.mail.from.address },
      organiserMailbox: config.booking.organiser,
      meetingMinutes: config.booking.slotRules.durationMinutes,
      freeSlots: new FreeSlots(outside.calendar, storage.bookings, timescales.calendar, config.booking.slotRules),
      wake: () => dispatcher.wake(),
    }),
    cards,
    addresses: new AddressBook(storage.directory, logger),
    logger,
    allowedTenantIds: config.allowedTenantIds,
    clock,
  });
  const endpoint = createMessageEndpoint(adapter, bot);
  let server: BotServer;
  try {
    server = await startBotServer({ host: config.host, port: config.port, endpoint, logger });
  } catch (error) {
    await store.close();
    throw error;
  }
  // Effects left pending by an earlier run (a crash, a restart) are taken up now.
  dispatcher.start();
  if (config.localMode) {
    logger.log('warn', 'local-mode', {
      message: 'No MicrosoftAppId: local mode. Requests are not authenticated, so the bot listens on 127.0.0.1 only.',
    });
  }
  logger.log('info', 'storage', config.storage.kind === 'sqlite' ? { kind: 'sqlite', file: config.storage.file } : { kind: 'postgres' });
  return {
    url: server.url,
    storage,
    dispatcher,
    async stop() {
      await server.close();
      await dispatcher.stop();
      await store.close();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof CinError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = jsonLogger(config.logLevel);
  const running = await startBot(config, logger);
  announceStart(process.stderr, config, running.url);
  const stop = () => {
    running.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`The bot could not start: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
