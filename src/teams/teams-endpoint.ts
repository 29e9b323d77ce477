import {
  Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  InvokeResponse,
  TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import { Config } from '../config/load-config';
import { CinError, userMessageFor } from '../errors/error-catalogue';
import { Logger } from '../logging/logger';
import { classifyTurnFailure, failureBody } from './authentication-failure';
import { ReviewBot } from './review-bot';

/** What the SDK returns once a request is authenticated. */
type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

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
 * The SDK's adapter, except that a request it cannot authenticate or run is answered with a coded
 * body and the right status (401; 503 when the signing keys cannot be fetched), never the SDK's
 * own answer: a 500 whose body is the internal error message.
 */
class TeamsAdapter extends CloudAdapter {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly logger: Logger,
  ) {
    super(new ConfigurationBotFrameworkAuthentication(options));
  }

  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    try {
      return await (typeof auth === 'string' ? super.processActivity(auth, activity, logic) : super.processActivity(auth, activity, logic));
    } catch (error) {
      const failure = classifyTurnFailure(error);
      this.logger.log(failure.status === 401 ? 'info' : 'warn', 'request.refused', { status: failure.status, code: failure.code, reason: failure.reason });
      return { status: failure.status, body: failureBody(failure.code) };
    }
  }
}

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
  const adapter = new TeamsAdapter(options, logger);
  // The one turn-error handler: logs the code (never what people said) and tells the user plainly.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const code = error instanceof CinError ? error.code : 'UNEXPECTED';
    logger.log('error', 'turn.failed', { code, type: context.activity.type, error: error.stack });
    if (context.activity.type === 'message') {
      await context.sendActivity(userMessageFor(code)).catch(() => undefined);
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
