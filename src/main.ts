import { userInfo } from 'node:os';
import { createApp, type App } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import type { Adapter } from './core/adapter.js';
import { OffsetClock, systemClock } from './core/clock.js';
import { ContentError } from './content/content-error.js';
import { createLogger } from './logger.js';
import { DirectOutbox } from './core/direct-outbox.js';
import { QueuedOutbox, queueLimitsFrom } from './core/queued-outbox.js';
import { Scheduler } from './scheduler/scheduler.js';
import { StoreFileError, StoreLockedError } from './store/errors.js';
import { createShell } from './adapters/shell/start-shell.js';
import { attachDiscord } from './adapters/discord/discord-adapter.js';
import { SlackAdapter } from './adapters/slack/slack-adapter.js';
import { checkHealth, healthHandler, startHealthServer } from './health/health.js';
import type { Server } from 'node:http';

/** Docker sends SIGKILL 10 s after SIGTERM: shutdown finishes before that or exits on its own. */
const SHUTDOWN_MS = 9_000;

/** Set once a shutdown began: work still starting up may then fail on the closed store, and that is fine. */
let stopping = false;

/** Wiring: config -> store -> content -> adapters; a clean shutdown on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const shellOn = config.shell === 'on' || (config.shell === 'auto' && !config.slack && !config.discord);
  // In the shell, logs would interleave with the conversation: only warnings unless asked.
  const log = createLogger(config.logLevel ?? (shellOn ? 'warn' : 'info'));
  const clock = new OffsetClock();
  const outbox = new DirectOutbox();
  // Features and the scheduler send through per-platform queues (rate limits, retries) over the adapters.
  const app: App = await createApp({ config, clock, log, outbox: new QueuedOutbox(outbox, { clock: systemClock, limits: queueLimitsFrom(config) }) });
  const scheduler = new Scheduler(app);
  const adapters: Adapter[] = [];
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

  if (config.discord) {
    const { token, apiUrl } = config.discord;
    adapters.push(attachDiscord(outbox, { app, dispatcher: app.dispatcher, token, ...(apiUrl ? { apiUrl } : {}) }));
  }
  if (config.slack) {
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
    await scheduler.start();
    await shell.start();
    await shutdown(0);
    return;
  }
  await Promise.all(adapters.map((a) => a.start()));
  await scheduler.start();
}

main().catch((err: unknown) => {
  if (stopping) return;
  if (err instanceof ConfigError || err instanceof StoreFileError || err instanceof StoreLockedError || err instanceof ContentError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Attune failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
