import './http-parser-binding';
import restify from 'restify';
import { Logger } from '../logging/logger';
import { MessageEndpoint } from '../teams/teams-endpoint';

/** Largest activity accepted; anything bigger is refused with 413 before it is parsed. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

/** What `GET /` answers: a person who opens the bot's URL learns what it serves. */
export const ENDPOINTS = {
  name: 'cin-review-bot',
  about: 'A Microsoft Teams bot that runs Child in Need review meetings. Talk to it from Teams, or locally with `npm run dev`.',
  endpoints: [
    { method: 'POST', path: '/api/messages', what: 'Teams (Bot Framework) activities; needs a Bot Framework token unless the bot runs in local mode' },
    { method: 'GET', path: '/healthz', what: 'liveness probe: {"ok":true}' },
    { method: 'GET', path: '/', what: 'this list' },
  ],
} as const;

export interface BotServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The only place that knows restify: POST /api/messages for Teams, GET /healthz for probes. */
export async function startBotServer(options: {
  host: string;
  port: number;
  endpoint: MessageEndpoint;
  logger: Logger;
}): Promise<BotServer> {
  const server = restify.createServer({ name: 'cin-review-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_ACTIVITY_BYTES, mapParams: false, rejectUnknown: true }));
  server.post('/api/messages', async (req, res) => {
    try {
      if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
        res.status(400);
        res.send({ error: 'PAYLOAD_INVALID', message: 'The body must be a JSON activity' });
        return;
      }
      await options.endpoint(req, res);
    } catch (error) {
      options.logger.log('error', 'http.failed', { error: (error as Error).stack });
      if (!res.headersSent) {
        res.status(500);
        res.send({ error: 'UNEXPECTED' });
      }
    }
  });
  server.get('/healthz', async (_req, res) => {
    res.send({ ok: true });
  });
  server.get('/', async (_req, res) => {
    res.send(ENDPOINTS);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const url = `http://${options.host}:${address.port}`;
  options.logger.log('info', 'server.listening', { url });
  return {
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
