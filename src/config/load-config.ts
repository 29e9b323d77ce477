import { z } from 'zod';
import { DEFAULT_SLOT_RULES, SlotRules, slotRulesSchema } from '../domain/booking/slot-search';
import { CinError } from '../errors/error-catalogue';

const commaList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((s) => s.trim()).filter((s) => s !== ''));

const environment = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    BIND_HOST: z.string().default('0.0.0.0'),
    MicrosoftAppId: z.string().trim().default(''),
    MicrosoftAppPassword: z.string().default(''),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: z.string().trim().default(''),
    ALLOWED_TENANT_IDS: commaList,
    DATABASE_URL: z
      .string()
      .trim()
      .default('')
      .refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// connection string, or empty for SQLite'),
    SQLITE_FILE: z.string().trim().min(1).default('./data/cin-reviews.sqlite'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    POLICY_PACK: z.string().trim().min(1).default('leicestershire'),
    POLICY_PACKS_DIR: z.string().trim().default(''),
    BANK_HOLIDAYS_FILE: z.string().trim().default(''),
    BANK_HOLIDAYS_DIVISION: z.enum(['england-and-wales', 'scotland', 'northern-ireland']).default('england-and-wales'),
    OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
    OUTBOX_CALL_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
    MAIL_DIR: z.string().trim().min(1).default('./data/mail'),
    MAIL_FROM: z.email().default('cin-reviews@council.example'),
    MAIL_FROM_NAME: z.string().trim().min(1).max(100).default('CIN Reviews'),
    GRAPH_TENANT_ID: z.string().trim().default(''),
    GRAPH_CLIENT_ID: z.string().trim().default(''),
    GRAPH_CLIENT_SECRET: z.string().default(''),
    TEAMS_APP_CATALOG_ID: z.string().trim().default(''),
    WORKING_HOURS: hoursSpan(DEFAULT_SLOT_RULES.workingHours),
    SCHOOL_HOURS: hoursSpan(DEFAULT_SLOT_RULES.schoolHours),
    MEETING_MINUTES: z.coerce.number().int().default(DEFAULT_SLOT_RULES.durationMinutes),
    BOOKING_ORGANISER: z.union([z.literal(''), z.email()]).default(''),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.MicrosoftAppId === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'production needs the bot credentials: set MicrosoftAppId (and MicrosoftAppPassword)',
      });
    }
    if (env.MicrosoftAppId !== '' && env.MicrosoftAppType !== 'UserAssignedMSI' && env.MicrosoftAppPassword === '') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (env.OUTBOX_CALL_TIMEOUT_SECONDS >= env.OUTBOX_LEASE_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['OUTBOX_CALL_TIMEOUT_SECONDS'], message: 'must be shorter than OUTBOX_LEASE_SECONDS' });
    }
    const graph = [env.GRAPH_TENANT_ID, env.GRAPH_CLIENT_ID, env.GRAPH_CLIENT_SECRET];
    if (graph.some((v) => v !== '') && graph.some((v) => v === '')) {
      for (const [name, value] of [['GRAPH_TENANT_ID', env.GRAPH_TENANT_ID], ['GRAPH_CLIENT_ID', env.GRAPH_CLIENT_ID], ['GRAPH_CLIENT_SECRET', env.GRAPH_CLIENT_SECRET]] as const) {
        if (value === '') ctx.addIssue({ code: 'custom', path: [name], message: 'is required with the other GRAPH_ settings (set all three, or none for the embedded mail folder and calendar)' });
      }
    }
    if (env.NODE_ENV === 'production' && env.GRAPH_CLIENT_ID === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['GRAPH_CLIENT_ID'],
        message: 'production sends the minutes and books reviews through Microsoft Graph: set GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET',
      });
    }
    if (env.TEAMS_APP_CATALOG_ID !== '' && env.GRAPH_CLIENT_ID === '') {
      ctx.addIssue({ code: 'custom', path: ['TEAMS_APP_CATALOG_ID'], message: 'installs the app through Microsoft Graph: set the GRAPH_ settings too' });
    }
    const rules = slotRulesSchema.safeParse(slotRulesOf(env));
    if (!rules.success) {
      const names: Record<string, string> = { workingHours: 'WORKING_HOURS', schoolHours: 'SCHOOL_HOURS', durationMinutes: 'MEETING_MINUTES' };
      for (const issue of rules.error.issues) {
        ctx.addIssue({ code: 'custom', path: [names[String(issue.path[0])] ?? 'environment'], message: issue.message });
      }
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && env.MicrosoftAppTenantId === '') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required for ${env.MicrosoftAppType}` });
    }
  });

/** "09:30-16:30" as a wall-clock span (checked, with the other slot rules, by slotRulesSchema). */
function hoursSpan(fallback: { start: string; end: string }) {
  return z
    .string()
    .trim()
    .default(`${fallback.start}-${fallback.end}`)
    .transform((v, ctx) => {
      const match = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(v);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: 'write it HH:mm-HH:mm, e.g. 09:30-16:30' });
        return z.NEVER;
      }
      return { start: match[1]!, end: match[2]! };
    });
}

function slotRulesOf(env: { WORKING_HOURS: SlotRules['workingHours']; SCHOOL_HOURS: SlotRules['schoolHours']; MEETING_MINUTES: number }): SlotRules {
  return { ...DEFAULT_SLOT_RULES, workingHours: env.WORKING_HOURS, schoolHours: env.SCHOOL_HOURS, durationMinutes: env.MEETING_MINUTES };
}

/** Every environment variable the bot reads (`.env.example` lists each, with its default). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(environment.shape);

export interface Config {
  readonly environment: 'development' | 'test' | 'production';
  /** No bot credentials: the bot trusts unauthenticated requests, so it listens on loopback only. */
  readonly localMode: boolean;
  readonly port: number;
  readonly host: string;
  readonly bot: {
    readonly appId: string;
    readonly appPassword: string;
    readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    readonly tenantId: string;
  };
  readonly allowedTenantIds: readonly string[];
  readonly storage: { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly timescales: {
    /** The policy pack a new case uses unless the chair picks another. */
    readonly defaultPackId: string;
    /** A folder of policy packs to use instead of the shipped ones; empty for the shipped ones. */
    readonly packsDirectory: string;
    /** An updated GOV.UK bank-holidays.json; empty for the shipped copy. */
    readonly bankHolidaysFile: string;
    readonly division: 'england-and-wales' | 'scotland' | 'northern-ireland';
  };
  readonly outbox: {
    /** How long a dispatcher holds an effect it took; after it, another may take it (a process that died). */
    readonly leaseMs: number;
    /** Time limit of one call to Teams (or Graph) made for an effect. */
    readonly callTimeoutMs: number;
  };
  /** Where the minutes' emails and the invitations go, and whom they come from. */
  readonly mail: {
    /** The embedded default (no Graph): each email an `.eml` file here. */
    readonly directory: string;
    /** The From: with Graph, the shared mailbox they are sent from. */
    readonly from: { readonly name: string; readonly address: string };
  };
  /** Microsoft Graph (client credentials, application permissions); undefined: the embedded mail folder and calendar. */
  readonly graph?: {
    readonly tenantId: string;
    readonly clientId: string;
    readonly clientSecret: string;
    /** The app's id in the organisation's app catalog, to install it for a user Teams cannot reach; '' not to. */
    readonly teamsAppCatalogId: string;
  };
  /** Booking the next review: the hours and length of a meeting, and whose calendar holds it. */
  readonly booking: {
    readonly slotRules: SlotRules;
    /** A shared mailbox that organises every review; '' for the chair's own calendar. */
    readonly organiser: string;
  };
}

/** Reads and checks the environment once, at start-up. Fails fast, naming every bad value. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.') || 'environment'}: ${i.message}`).join('\n');
    throw new CinError('CONFIG_INVALID', `Configuration is not valid:\n${problems}`);
  }
  const e = parsed.data;
  const localMode = e.MicrosoftAppId === '';
  return {
    environment: e.NODE_ENV,
    localMode,
    port: e.PORT,
    host: localMode ? '127.0.0.1' : e.BIND_HOST,
    bot: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId },
    allowedTenantIds: e.ALLOWED_TENANT_IDS,
    storage: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: e.SQLITE_FILE },
    logLevel: e.LOG_LEVEL,
    timescales: {
      defaultPackId: e.POLICY_PACK,
      packsDirectory: e.POLICY_PACKS_DIR,
      bankHolidaysFile: e.BANK_HOLIDAYS_FILE,
      division: e.BANK_HOLIDAYS_DIVISION,
    },
    outbox: { leaseMs: e.OUTBOX_LEASE_SECONDS * 1000, callTimeoutMs: e.OUTBOX_CALL_TIMEOUT_SECONDS * 1000 },
    booking: { slotRules: slotRulesOf(e), organiser: e.BOOKING_ORGANISER },
    mail: { directory: e.MAIL_DIR, from: { name: e.MAIL_FROM_NAME, address: e.MAIL_FROM } },
    ...(e.GRAPH_CLIENT_ID !== ''
      ? { graph: { tenantId: e.GRAPH_TENANT_ID, clientId: e.GRAPH_CLIENT_ID, clientSecret: e.GRAPH_CLIENT_SECRET, teamsAppCatalogId: e.TEAMS_APP_CATALOG_ID } }
      : {}),
  };
}
