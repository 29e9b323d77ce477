import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { BotServer, startBotServer } from '../src/http/bot-server';
import { silentLogger } from '../src/logging/logger';

/** The baseline: an echo bot on the same restify server and CloudAdapter, in local mode. */
export async function startEchoBot(): Promise<BotServer> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
  });
  return startBotServer({
    host: '127.0.0.1',
    port: 0,
    logger: silentLogger,
    endpoint: (req, res) => adapter.process(req as never, res as never, (context) => bot.run(context)),
  });
}
