import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FakeSlackStats } from '../../bench/fake-slack-api.js';

const root = (rel: string) => fileURLToPath(new URL(`../../${rel}`, import.meta.url));

export interface FakeSlackProcess {
  url: string;
  stats(): Promise<FakeSlackStats>;
  stop(): void;
}

/** The fake Slack Web API (rate limits as Slack's, optional injected 500s) in its own process. */
export async function startFakeSlack(workspacePerSecond: number, failRate: number): Promise<FakeSlackProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', root('bench/fake-slack-server.ts'), String(workspacePerSecond), String(failRate)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return {
    url: line,
    stats: async () => (await (await fetch(`${line}_stats`)).json()) as FakeSlackStats,
    stop: () => void child.kill('SIGTERM'),
  };
}

export interface ReplicaProcess {
  child: ChildProcess;
  ready: Promise<{ name: string; migrated: number[] }>;
  done: Promise<Record<string, number>>;
  go(): void;
  kill(): void;
}

/** An Attune replica process (tests/fixtures/pg-replica.ts) on the database, sending to the fake Slack. */
export function startReplica(databaseUrl: string, slackUrl: string, rate: number, name: string): ReplicaProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', root('tests/fixtures/pg-replica.ts'), databaseUrl, slackUrl, String(rate), name], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines = createInterface({ input: child.stdout! });
  const wait = (prefix: string) =>
    new Promise<never>((resolve, reject) => {
      lines.on('line', (l: string) => l.startsWith(prefix) && resolve(JSON.parse(l.slice(prefix.length + 1)) as never));
      child.on('exit', (code, signal) => reject(new Error(`replica ${name} exited (${code ?? signal}) before ${prefix}: ${stderr.slice(-2000)}`)));
    });
  const ready = wait('READY');
  const done = wait('DONE');
  // A replica killed on purpose never prints DONE; nobody waits for it then.
  done.catch(() => undefined);
  return { child, ready, done, go: () => child.stdin!.write('GO\n'), kill: () => void child.kill('SIGKILL') };
}
