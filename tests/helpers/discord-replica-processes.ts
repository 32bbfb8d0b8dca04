import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const fixture = fileURLToPath(new URL('../fixtures/pg-discord-replica.ts', import.meta.url));

export interface DiscordReplica {
  child: ChildProcess;
  /** Open, ticking, and trying for the gateway. */
  ready: Promise<void>;
  /** Resolves when this replica holds the gateway. */
  holding: Promise<void>;
  /** Ticks the daily prompt at `at`; resolves with the tick's summary once its sends are done. */
  tick(at: string): Promise<Record<string, number>>;
  kill(): void;
}

/** A replica with Discord on (tests/fixtures/pg-discord-replica.ts) on the database, against the fake Discord. */
export function startDiscordReplica(databaseUrl: string, apiUrl: string, name: string, electionRetryMs = 200): DiscordReplica {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, databaseUrl, apiUrl, name, String(electionRetryMs)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines = createInterface({ input: child.stdout! });
  const ticks: Array<(summary: Record<string, number>) => void> = [];
  let markReady!: () => void;
  let markHolding!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const holding = new Promise<void>((resolve) => (markHolding = resolve));
  lines.on('line', (line: string) => {
    if (line === 'READY') markReady();
    else if (line === 'HOLDING') markHolding();
    else if (line.startsWith('TICKED ')) ticks.shift()?.(JSON.parse(line.slice(7)) as Record<string, number>);
  });
  const exited = new Promise<never>((_, reject) => child.on('exit', (code, signal) => reject(new Error(`replica ${name} exited (${code ?? signal}): ${stderr.slice(-2000)}`))));
  exited.catch(() => undefined);
  return {
    child,
    ready: Promise.race([ready, exited]),
    holding: Promise.race([holding, exited]),
    tick: (at) => {
      const done = new Promise<Record<string, number>>((resolve) => ticks.push(resolve));
      child.stdin!.write(`TICK ${at}\n`);
      return Promise.race([done, exited]);
    },
    kill: () => void child.kill('SIGKILL'),
  };
}
