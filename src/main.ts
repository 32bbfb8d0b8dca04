import { hostname, userInfo } from 'node:os';
import { createApp, type App } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import type { Adapter } from './core/adapter.js';
import { platformOf, type Platform } from './core/model/ids.js';
import { OffsetClock } from './core/clock.js';
import { ContentError } from './content/content-error.js';
import { createLogger } from './logger.js';
import { DirectOutbox } from './core/direct-outbox.js';
import { Scheduler } from './scheduler/scheduler.js';
import { createSendPath } from './send-path.js';
import { openStore, replicaSupportOf } from './store/open-store.js';
import type { Election } from './core/replicas.js';
import type { Store } from './core/store/index.js';
import { StoreFileError, StoreLockedError, StoreStateMissingError } from './store/errors.js';
import { createShell } from './adapters/shell/start-shell.js';
import { checkHealth, healthHandler, startHealthServer } from './health/health.js';
import type { Server } from 'node:http';

/** Docker sends SIGKILL 10 s after SIGTERM: shutdown finishes before that or exits on its own. */
const SHUTDOWN_MS = 9_000;

/** Set once a shutdown began: work still starting up may then fail on the closed store, and that is fine. */
let stopping = false;
/** The open app, so a failed start (a refused token, a port in use) still releases the data directory. */
let opened: App | undefined;
/** Open before the app is, so a failed start still releases it. */
let openedStore: Store | undefined;

/** Wiring: config -> store -> content -> adapters; a clean shutdown on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const shellOn = config.shell === 'on' || (config.shell === 'auto' && !config.slack && !config.discord);
  // In the shell, logs would interleave with the conversation: only warnings unless asked.
  const log = createLogger(config.logLevel ?? (shellOn ? 'warn' : 'info'));
  const clock = new OffsetClock();
  const outbox = new DirectOutbox();
  const replicaId = `${hostname()}:${process.pid}`;
  const store = await openStore(config, clock.now(), { replicaName: replicaId, onDatabaseError: (err) => log.error({ err }, 'a database connection failed') });
  openedStore = store;
  const replicas = replicaSupportOf(store);
  // Features and the scheduler send through per-platform queues (rate limits, retries) over the adapters; with
  // replicas on one database, paced together, and what features start goes through the outbox table.
  const sending = createSendPath({
    store,
    config,
    direct: outbox,
    replicaId,
    onError: (err) => log.error({ err }, 'the outbox relay failed'),
    onUndelivered: (message, error) => log.warn({ message: message.id, recipients: message.recipients, error }, 'a message Attune started was not delivered'),
  });
  const app: App = await createApp({ config, clock, log, store, outbox: sending.started });
  opened = app;
  // Occurrences of a platform this process does not run are left to one that does: preparing them here would
  // record prompts as served and their sends as failed (a shell opened on a Slack deployment's data, for one).
  const runsHere = new Set<Platform>([...(shellOn ? (['shell'] as const) : []), ...(config.slack ? (['slack'] as const) : []), ...(config.discord ? (['discord'] as const) : [])]);
  const scheduler = new Scheduler(app, { outbox: sending.queued, handles: (id) => runsHere.has(platformOf(id)) && sending.handles(id) });
  const adapters: Adapter[] = [];
  let discordElection: Election | undefined;
  const health = () => checkHealth(app, adapters);
  let healthServer: Server | undefined;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // A stop that hangs (a platform not answering) must not turn into Docker's SIGKILL mid-write.
    setTimeout(() => {
      process.stderr.write(`Attune did not stop within ${SHUTDOWN_MS / 1000} s; exiting.\n`);
      process.exit(1);
    }, SHUTDOWN_MS).unref();
    // The scheduler first (its in-flight sends finish or stay pending in the ledger), then the adapters
    // (they answer what they hold), then the store.
    await scheduler.stop();
    await discordElection?.stop();
    await sending.stop();
    await Promise.allSettled(adapters.map((a) => a.stop()));
    healthServer?.close();
    await app.store.close();
    process.exit(code);
  };
  // A closed pipe (`npm start | head`) ends the shell quietly instead of crashing on the next write.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') void shutdown(0);
  });
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGINT', () => void shutdown(0));

  // Platform SDKs load only when configured: importing both costs over a second of start-up for nothing.
  if (config.discord) {
    const { attachDiscord } = await import('./adapters/discord/discord-adapter.js');
    const { token, apiUrl } = config.discord;
    const discord = attachDiscord(outbox, { app, dispatcher: app.dispatcher, token, ...(apiUrl ? { apiUrl } : {}) });
    if (replicas) {
      // One gateway session per bot token: the replica elected through the database holds it (docs/replicas.md).
      discordElection = replicas.elect({
        name: 'discord-gateway',
        onAcquired: async () => {
          await discord.start();
          sending.setHolding('discord', true);
          log.info({ replicaId }, 'this replica holds the Discord gateway');
        },
        onLost: async () => {
          sending.setHolding('discord', false);
          await discord.stop();
          log.warn({ replicaId }, 'this replica no longer holds the Discord gateway');
        },
        onError: (err) => log.error({ err }, 'the Discord gateway election failed'),
      });
    } else {
      adapters.push(discord);
    }
  }
  if (config.slack) {
    const { SlackAdapter } = await import('./adapters/slack/slack-adapter.js');
    const httpMode = !config.slack.appToken;
    const slack = new SlackAdapter({ app, slack: config.slack, port: config.port, ...(httpMode ? { healthRoute: healthHandler(health) } : {}) });
    adapters.push(slack);
    outbox.attach(slack);
  }

  // In Slack's HTTP mode /healthz is served on PORT with the events; otherwise on its own port when asked.
  if (config.healthPort !== undefined && !(config.slack && !config.slack.appToken)) {
    healthServer = await startHealthServer(config.healthPort, health);
    log.info({ port: config.healthPort }, 'health check on /healthz');
  }

  if (shellOn) {
    const shell = createShell(app, { input: process.stdin, output: process.stdout, tty: Boolean(process.stdin.isTTY && process.stdout.isTTY), user: userInfo().username, scheduler });
    adapters.push(shell);
    outbox.attach(shell);
    log.info('shell adapter on');
    await Promise.all(adapters.filter((a) => a !== shell).map((a) => a.start()));
    await discordElection?.start();
    sending.start();
    // The shell answers at once: the scheduler's catch-up after downtime (a year of people) runs beside it.
    // It fails the start as it did before the shell was up (a damaged ledger file is named, then we stop).
    void scheduler.start().catch((err: unknown) => {
      if (stopping) return;
      reportStartFailure(err);
      void shutdown(1);
    });
    await shell.start();
    await shutdown(0);
    return;
  }
  await Promise.all(adapters.map((a) => a.start()));
  await discordElection?.start();
  sending.start();
  await scheduler.start();
}

/** What a failed start says: a known problem by its message alone, anything else with its stack. */
function reportStartFailure(err: unknown): void {
  // The database's errors are known by name: importing them would load the pg driver for the JSON store too.
  const databaseProblem = err instanceof Error && (err.name === 'DatabaseUnreachableError' || err.name === 'SchemaTooNewError');
  if (err instanceof ConfigError || err instanceof StoreFileError || err instanceof StoreLockedError || err instanceof StoreStateMissingError || err instanceof ContentError || databaseProblem) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Attune failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
}

main().catch(async (err: unknown) => {
  if (stopping) return;
  stopping = true;
  // Release the data directory before exiting, so a restart is not refused by our own lock.
  await (opened?.store ?? openedStore)?.close().catch(() => undefined);
  reportStartFailure(err);
  process.exit(1);
});
