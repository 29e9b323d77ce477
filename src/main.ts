import { CardTemplates } from './cards/card-templates';
import { ReviewCards } from './cards/review-cards';
import { systemClock } from './clock/london-clock';
import { Config, loadConfig } from './config/load-config';
import { CinError } from './errors/error-catalogue';
import { Logger, jsonLogger } from './logging/logger';
import { BotServer, startBotServer } from './http/bot-server';
import { announceStart } from './http/start-line';
import { ReviewStore } from './ports/review-store';
import { KyselyReviewStore } from './store/kysely-review-store';
import { migrateToLatest } from './store/migrations';
import { openPostgres, openSqlite } from './store/review-database';
import { ReviewBot } from './teams/review-bot';
import { createMessageEndpoint } from './teams/teams-endpoint';
import { CaseAlerts } from './use-cases/case-alerts';
import { ReviewActions, Timescales } from './use-cases/review-actions';
import {
  WorkingDayCalendar,
  loadBankHolidaysFile,
  loadShippedPolicyPacks,
  selectPolicyPack,
} from './domain/timescales';

export interface RunningBot {
  readonly url: string;
  readonly store: ReviewStore;
  stop(): Promise<void>;
}

export async function openStore(config: Config): Promise<ReviewStore> {
  const db = config.storage.kind === 'sqlite' ? openSqlite(config.storage.file) : openPostgres(config.storage.url);
  await migrateToLatest(db);
  return new KyselyReviewStore(db);
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
  const store = await openStore(config);
  const packChoices = [...timescales.packs.values()].map((p) => ({ title: p.authority, value: p.id }));
  const bot = new ReviewBot({
    actions: new ReviewActions(store, timescales),
    alerts: new CaseAlerts(store, timescales),
    cards: new ReviewCards(new CardTemplates(), { packChoices, defaultPackId: timescales.defaultPackId }),
    logger,
    allowedTenantIds: config.allowedTenantIds,
    clock,
  });
  const endpoint = createMessageEndpoint(config, bot, logger);
  let server: BotServer;
  try {
    server = await startBotServer({ host: config.host, port: config.port, endpoint, logger });
  } catch (error) {
    await store.close();
    throw error;
  }
  if (config.localMode) {
    logger.log('warn', 'local-mode', {
      message: 'No MicrosoftAppId: local mode. Requests are not authenticated, so the bot listens on 127.0.0.1 only.',
    });
  }
  logger.log('info', 'storage', config.storage.kind === 'sqlite' ? { kind: 'sqlite', file: config.storage.file } : { kind: 'postgres' });
  return {
    url: server.url,
    store,
    async stop() {
      await server.close();
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
