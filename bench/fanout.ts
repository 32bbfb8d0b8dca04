/**
 * Fan-out benchmark: the daily prompt to N people (default 5,000) in one scheduler tick, wired as
 * src/main.ts wires it (Scheduler -> QueuedOutbox with the configured limits -> DirectOutbox -> the real
 * SlackAdapter.send) against a local fake Slack API with rate limits and 5% 500s.
 * Prints total time against the floor the limits set (N / workspace limit), duplicates and losses.
 *
 *   npx tsx bench/fanout.ts [--people 5000] [--workspace 50] [--fail 0.05] [--modes reactive,paced] [--margin 0.98]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import { SlackAdapter } from '../src/adapters/slack/slack-adapter.js';
import { testConfig } from '../src/config.js';
import { ManualClock, systemClock } from '../src/core/clock.js';
import { DirectOutbox } from '../src/core/direct-outbox.js';
import { PersonSchema } from '../src/core/model/person.js';
import { QueuedOutbox } from '../src/core/queued-outbox.js';
import { sendLimits } from '../src/send-limits.js';
import { silentLogger } from '../src/logger.js';
import { dailyPromptJob } from '../src/scheduler/jobs/daily-prompt.js';
import { Scheduler } from '../src/scheduler/scheduler.js';
import type { FakeSlackStats } from './fake-slack-api.js';
import { putPerson } from '../tests/helpers/seed.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '5000' },
    workspace: { type: 'string', default: '50' },
    fail: { type: 'string', default: '0.05' },
    modes: { type: 'string', default: 'reactive,paced' },
    /** Paced mode sends at this share of the workspace limit, leaving room for network jitter. */
    margin: { type: 'string', default: '0.98' },
  },
});
const PEOPLE = Number(values.people);
const WORKSPACE = Number(values.workspace);
const FAIL = Number(values.fail);
const MARGIN = Number(values.margin);
const DAY = '2026-03-02'; // a Monday

interface Row {
  mode: string;
  total: number;
  floor: number;
  calls: number;
  rateLimited: number;
  serverErrors: number;
  opens: number;
  openErrors: number;
  sentInLedger: number;
  duplicates: number;
  lost: number;
}

async function runOnce(mode: 'reactive' | 'paced'): Promise<Row> {
  const fake = await startFake();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'attune-bench-fanout-'));
  const clock = new ManualClock(`${DAY}T09:29:00Z`);
  // As main.ts: ATTUNE_SLACK_RATE (here: paced mode) sets the Slack queue's pace; all else is the default.
  const config = testConfig({ dataDir, defaultTimeZone: 'UTC', ...(mode === 'paced' ? { slackRate: WORKSPACE * MARGIN } : {}) });
  const direct = new DirectOutbox();
  const queued = new QueuedOutbox(direct, { clock: systemClock, limits: sendLimits(config) });
  const app = await createApp({ config, clock, log: silentLogger, outbox: queued });
  // HTTP mode on a free port (nothing calls it here); start() checks the token with auth.test, as in production.
  const slack = new SlackAdapter({ app, slack: { botToken: 'xoxb-bench', signingSecret: 'bench-secret', apiUrl: fake.url }, port: 0 });
  direct.attach(slack);
  await slack.start();
  try {
    const ids = Array.from({ length: PEOPLE }, (_, i) => `slack:T0BENCH:U${String(i).padStart(6, '0')}`);
    await Promise.all(
      ids.map((id, i) => putPerson(app.store, PersonSchema.parse({ id, workspace: 'slack:T0BENCH', name: `person ${i}`, createdAt: '2026-01-01T00:00:00Z' }))),
    );
    const scheduler = new Scheduler(app, { jobs: [dailyPromptJob] });
    await scheduler.tick(clock.now()); // the first tick: nothing due yet
    clock.set(`${DAY}T09:30:00Z`);
    const started = performance.now();
    await scheduler.tick(clock.now());
    const total = (performance.now() - started) / 1000;

    const ledger = await app.store.ledger.on(DAY);
    const sent = new Set(ledger.filter((d) => d.status === 'sent').map((d) => d.personId));
    const stats = await fake.stats();
    const delivered = new Map(Object.entries(stats.delivered));
    const duplicates = [...delivered.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
    const lost = ids.filter((id) => !delivered.has(`D${id.split(':')[2]!}`) || !sent.has(id)).length;
    return { mode, total, floor: PEOPLE / WORKSPACE, calls: stats.calls, rateLimited: stats.rateLimited, serverErrors: stats.serverErrors, opens: stats.opens, openErrors: stats.openErrors, sentInLedger: sent.size, duplicates, lost };
  } finally {
    await slack.stop();
    await app.store.close();
    fake.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The fake Slack API in a child process (see fake-slack-server.ts). */
async function startFake(): Promise<{ url: string; stats(): Promise<FakeSlackStats>; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fake-slack-server.ts', import.meta.url)), String(WORKSPACE), String(FAIL)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return {
    url: line,
    stats: async () => (await (await fetch(`${line}_stats`)).json()) as FakeSlackStats,
    stop: () => void child.kill('SIGTERM'),
  };
}

const rows: Row[] = [];
for (const mode of values.modes.split(',') as Array<'reactive' | 'paced'>) rows.push(await runOnce(mode));

console.log(
  `Fan-out of the daily prompt to ${PEOPLE} people; fake Slack: 1 msg/s per channel, ${WORKSPACE} calls/s per workspace, ` +
    `${FAIL * 100}% HTTP 500 (postMessage and conversations.open); queue as in main.ts; paced: ATTUNE_SLACK_RATE = ${MARGIN} x the limit. Floor = people / workspace limit.`,
);
console.table(
  rows.map((r) => ({
    mode: r.mode,
    'total s': r.total.toFixed(1),
    'floor s': r.floor.toFixed(1),
    'x floor': (r.total / r.floor).toFixed(3),
    'posts': r.calls,
    '429s': r.rateLimited,
    '500s': r.serverErrors,
    'opens': r.opens,
    'open 500s': r.openErrors,
    'sent (ledger)': r.sentInLedger,
    duplicates: r.duplicates,
    lost: r.lost,
  })),
);
