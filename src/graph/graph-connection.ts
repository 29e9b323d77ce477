import { ClientSecretCredential } from '@azure/identity';
import { Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { Calendar } from '../ports/calendar';
import { MailSender } from '../ports/mail-sender';
import { TeamsAppInstaller } from '../ports/teams-app-installer';
import { GraphCalendar } from './graph-calendar';
import { GraphMailSender } from './graph-mail-sender';
import { GraphRequests } from './graph-requests';
import { DEFAULT_RETRY_POLICY, realSleep, RetryPolicy, Sleep } from './graph-retry';
import { GraphTeamsAppInstaller } from './graph-teams-app-installer';
import { MailboxLimiter } from './mailbox-limiter';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** The Entra app registration the bot calls Graph as (client credentials, application permissions). */
export interface GraphCredentials {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface GraphSettings extends GraphCredentials {
  /** The shared mailbox emails are sent from (its UPN or SMTP address). */
  readonly sharedMailbox: string;
  /** The bot's Teams app id in the organisation's app catalog (not the manifest id). */
  readonly teamsAppCatalogId: string;
  /** Each Graph request is abandoned after this long (default 30 s). */
  readonly requestTimeoutMs?: number;
}

/** For tests, and for tuning: how long to wait, and how to sleep, between tries. */
export interface GraphAdapterOptions {
  readonly sleep?: Sleep;
  readonly now?: () => number;
  readonly retryPolicy?: RetryPolicy;
}

export interface GraphAdapters {
  readonly mailSender: MailSender;
  readonly calendar: Calendar;
  readonly teamsAppInstaller: TeamsAppInstaller;
}

/**
 * A Graph client authenticated by client secret. Its default middleware chain is kept (auth, retry,
 * redirect, telemetry, fetch); the adapters switch its retry off per request (graph-requests.ts).
 */
export function createGraphClient(credentials: GraphCredentials): Client {
  const credential = new ClientSecretCredential(credentials.tenantId, credentials.clientId, credentials.clientSecret);
  const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: [GRAPH_SCOPE] });
  return Client.initWithMiddleware({ authProvider });
}

/** The three Graph adapters, sharing one client and one per-mailbox limit of 4 requests in flight. */
export function createGraphAdapters(settings: GraphSettings, options: GraphAdapterOptions = {}): GraphAdapters {
  const requests = new GraphRequests(createGraphClient(settings), new MailboxLimiter(4), settings.requestTimeoutMs ?? 30_000, options.now);
  const retry = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? realSleep;
  return {
    mailSender: new GraphMailSender(requests, settings.sharedMailbox, retry, sleep),
    calendar: new GraphCalendar(requests, retry, sleep),
    teamsAppInstaller: new GraphTeamsAppInstaller(requests, settings.teamsAppCatalogId, retry, sleep),
  };
}
