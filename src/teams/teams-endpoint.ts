import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import { Config } from '../config/load-config';
import { userMessageFor } from '../errors/error-catalogue';
import { Logger } from '../logging/logger';
import { ReviewBot } from './review-bot';

/** The shape of an HTTP request and response the endpoint needs; the HTTP layer supplies them. */
export interface EndpointRequest {
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  method?: string;
}
export interface EndpointResponse {
  status(code: number): unknown;
  header(name: string, value: unknown): unknown;
  send(body?: unknown): unknown;
  end(): unknown;
}
export type MessageEndpoint = (req: EndpointRequest, res: EndpointResponse) => Promise<void>;

/** The least an activity must carry for the bot to know who, where and how to answer. */
const activityShape = z.object({
  type: z.string().min(1).max(64),
  serviceUrl: z.string().url().max(2048),
  conversation: z.object({ id: z.string().min(1).max(1024) }),
  from: z.object({ id: z.string().min(1).max(1024) }),
});

/**
 * Bot Framework authentication: with an app id, every request must carry a valid token from
 * Teams; without one (local mode), none is checked, which is why local mode binds to loopback.
 */
export function createTeamsAdapter(config: Config, logger: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.log('error', 'turn.failed', { code: 'UNEXPECTED', type: context.activity.type, error: error.stack });
    if (context.activity.type === 'message') {
      await context.sendActivity(userMessageFor('UNEXPECTED')).catch(() => undefined);
    }
  };
  return adapter;
}

/** POST /api/messages: the least shape checked, then the adapter authenticates and the bot takes the turn. */
export function createMessageEndpoint(adapter: CloudAdapter, bot: ReviewBot): MessageEndpoint {
  return async (req, res) => {
    const shape = activityShape.safeParse(req.body);
    if (!shape.success) {
      res.status(400);
      res.send({ error: 'PAYLOAD_INVALID', message: shape.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return;
    }
    await adapter.process(req as never, res as never, (context) => bot.run(context));
  };
}
