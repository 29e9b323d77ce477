import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { BotServer, startBotServer } from '../src/http/bot-server';
import { silentLogger } from '../src/logging/logger';

/** The baseline: an echo bot on the same restify server and CloudAdapter, in local mode. */
export async function startEchoBot(port = 0): Promise<BotServer> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
  });
  return startBotServer({
    host: '127.0.0.1',
    port,
    logger: silentLogger,
    endpoint: (req, res) => adapter.process(req as never, res as never, (context) => bot.run(context)),
  });
}

if (require.main === module) {
  // Run on its own (bench/run.ts starts it as a separate process, as it does the bot).
  startEchoBot(Number(process.argv[2] ?? process.env.PORT ?? 0)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
