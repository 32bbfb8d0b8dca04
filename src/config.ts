import { z } from 'zod';
import { isValidTimeZone } from './core/time.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional()
  .refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'an http(s) URL such as http://127.0.0.1:3000/api/');

/** Every environment variable Attune reads, with its rule; the README's configuration table mirrors this. */
const EnvSchema = z.object({
  /** PostgreSQL for several replicas; unset, the embedded JSON store under ATTUNE_DATA_DIR. */
  DATABASE_URL: optionalText.refine(
    (v) => v === undefined || isPostgresUrl(v),
    'a PostgreSQL URL such as postgres://attune:secret@db.internal:5432/attune (or leave it unset for the embedded store)',
  ),
  ATTUNE_DATA_DIR: z.string().trim().min(1, 'a directory path such as ./data').default('./data'),
  /** Days of the delivery ledger kept (what was sent to whom, when); older days are deleted. */
  ATTUNE_LEDGER_RETENTION_DAYS: z.coerce
    .number({ message: 'a whole number of days from 3 to 3650, such as 35' })
    .int('a whole number of days from 3 to 3650, such as 35')
    .min(3, 'a whole number of days from 3 to 3650 (fewer would let the scheduler resend after a restart)')
    .max(3650, 'a whole number of days from 3 to 3650')
    .default(35),
  ATTUNE_TZ: z
    .string()
    .trim()
    .default('UTC')
    .refine(isValidTimeZone, 'an IANA time zone such as Europe/Berlin, America/New_York or UTC'),
  ATTUNE_MIN_RESPONDENTS: z.coerce
    .number({ message: 'a whole number, 3 or more' })
    .int('a whole number, 3 or more')
    .min(3, 'a whole number, 3 or more (fewer would let a lead single people out)')
    .default(5),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `one of ${LOG_LEVELS.join(', ')}` }).optional(),
  /** Force the shell adapter on even when platform tokens are set (it is on by default without them). */
  ATTUNE_SHELL: z.enum(['auto', 'on', 'off'], { message: 'auto, on or off' }).default('auto'),
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), 'a bot token starting with xoxb-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), 'an app-level token starting with xapp-'),
  SLACK_API_URL: optionalUrl,
  /**
   * Pace messages Attune starts on Slack (scheduled prompts, reminders, digests) to at most this many a
   * second per workspace; unset, the queue sends as fast as Slack accepts and waits out each 429.
   */
  ATTUNE_SLACK_RATE: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : Number(v)))
    .optional()
    .refine((v) => v === undefined || (Number.isFinite(v) && v > 0 && v <= 1000), 'a number of messages a second above 0 (at most 1000), such as 0.8 or 45'),
  PORT: z.coerce.number({ message: 'a port number 1-65535' }).int().min(1, 'a port number 1-65535').max(65535, 'a port number 1-65535').default(3000),
  /** GET /healthz on this port when Slack's HTTP mode is off (in HTTP mode it is served on PORT). */
  ATTUNE_HEALTH_PORT: z.coerce.number({ message: 'a port number 1-65535' }).int().min(1, 'a port number 1-65535').max(65535, 'a port number 1-65535').optional(),
  /** Support resources (an EAP line, a wellbeing page) shown kindly to someone having a very hard stretch; admins can also set it in Attune. */
  ATTUNE_SUPPORT_TEXT: optionalText.refine((v) => v === undefined || v.length <= 1500, 'at most 1,500 characters of text'),
  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), 'the numeric application id'),
  DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), 'a numeric server (guild) id'),
  DISCORD_API_URL: optionalUrl,
});

export type Env = z.infer<typeof EnvSchema>;

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '' && url.pathname.length > 1;
  } catch {
    return false;
  }
}

export interface AppConfig {
  /** DATABASE_URL: the PostgreSQL store; absent, the embedded store in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** ATTUNE_LEDGER_RETENTION_DAYS: days of the delivery ledger kept (default 35). */
  ledgerRetentionDays: number;
  defaultTimeZone: string;
  minRespondents: number;
  logLevel: (typeof LOG_LEVELS)[number] | undefined;
  shell: 'auto' | 'on' | 'off';
  port: number;
  /** ATTUNE_HEALTH_PORT: where GET /healthz listens when Slack's HTTP mode does not serve it on `port`. */
  healthPort?: number;
  supportText?: string;
  slack?: { botToken: string; signingSecret?: string; appToken?: string; apiUrl?: string };
  /** ATTUNE_SLACK_RATE: pacing of the Slack send queue, messages a second. */
  slackRate?: number;
  discord?: { token: string; appId?: string; guildId?: string; apiUrl?: string };
}

/** A bad environment: one line per variable, naming it, what it got, and what is allowed. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Attune cannot start: fix these environment variables.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const SECRET = /TOKEN|SECRET|DATABASE_URL/;

/** The only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(EnvSchema.shape)) picked[key] = env[key];
  const result = EnvSchema.safeParse(picked);
  if (!result.success) {
    const byVar = new Map<string, string>();
    for (const issue of result.error.issues) {
      const name = String(issue.path[0]);
      if (byVar.has(name)) continue;
      const got = picked[name];
      const shown = got === undefined ? '(unset)' : SECRET.test(name) ? '(hidden)' : JSON.stringify(got);
      byVar.set(name, `${name}: got ${shown}; expected ${issue.message}`);
    }
    throw new ConfigError([...byVar.values()]);
  }
  const e = result.data;
  const problems: string[] = [];
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: got (unset); expected the signing secret for HTTP mode, or set SLACK_APP_TOKEN for Socket Mode');
  }
  if (!e.SLACK_BOT_TOKEN && (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET)) {
    problems.push('SLACK_BOT_TOKEN: got (unset); expected a bot token starting with xoxb- (Slack is on because another SLACK_ variable is set)');
  }
  if (e.DISCORD_TOKEN && !e.DISCORD_APP_ID) {
    problems.push('DISCORD_APP_ID: got (unset); expected the numeric application id (Discord is on because DISCORD_TOKEN is set)');
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    dataDir: e.ATTUNE_DATA_DIR,
    ledgerRetentionDays: e.ATTUNE_LEDGER_RETENTION_DAYS,
    defaultTimeZone: e.ATTUNE_TZ,
    minRespondents: e.ATTUNE_MIN_RESPONDENTS,
    logLevel: e.LOG_LEVEL,
    shell: e.ATTUNE_SHELL,
    port: e.PORT,
    ...(e.ATTUNE_HEALTH_PORT !== undefined ? { healthPort: e.ATTUNE_HEALTH_PORT } : {}),
    ...(e.ATTUNE_SUPPORT_TEXT ? { supportText: e.ATTUNE_SUPPORT_TEXT } : {}),
    ...(e.ATTUNE_SLACK_RATE !== undefined ? { slackRate: e.ATTUNE_SLACK_RATE } : {}),
    ...(e.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: e.SLACK_BOT_TOKEN,
            ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
            ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
            ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
          },
        }
      : {}),
    ...(e.DISCORD_TOKEN
      ? {
          discord: {
            token: e.DISCORD_TOKEN,
            ...(e.DISCORD_APP_ID ? { appId: e.DISCORD_APP_ID } : {}),
            ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
            ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
          },
        }
      : {}),
  };
}

/** Defaults for tests and tools: the same schema with an empty environment plus overrides. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({}), ...overrides };
}
