import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreLockedError } from '../../src/store/errors.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';

const now = new Date('2026-03-02T10:00:00Z');
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function holder(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/open-store.ts', dir, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Resolves 'open' when the child holds the store, or its exit code when it gave up. */
function outcome(child: ChildProcessWithoutNullStreams): Promise<'open' | number> {
  return new Promise((resolve) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('OPEN') && resolve('open'));
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

/** A lock directory as a killed process leaves it: nobody refreshes its mtime any more. */
async function leaveStaleLock(ageMs: number): Promise<void> {
  const lock = path.join(dir, 'attune.lock');
  await mkdir(lock);
  const then = new Date(Date.now() - ageMs);
  await utimes(lock, then, then);
}

async function stop(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.stdin.end();
  await exited;
}

describe('one process per data directory', () => {
  it('makes a second process exit with a clear message while the first holds the directory', async () => {
    const first = holder(['2000']);
    expect(await outcome(first)).toBe('open');
    const second = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/open-store.ts', dir, '2000', '', '0'], { cwd: root, encoding: 'utf8', input: '' });
    await stop(first);
    expect(second.status).toBe(3);
    expect(second.stderr).toMatch(
      new RegExp(`^Another Attune process is using the data directory ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(its lock was refreshed \\d+ s ago\\)\\. Stop that process, or point ATTUNE_DATA_DIR at another directory\\.`),
    );
  });

  it('refuses a second open in the same process', async () => {
    const store = await openLowdbStore({ dataDir: dir, now });
    await expect(openLowdbStore({ dataDir: dir, now, lock: { waitMs: 0 } })).rejects.toBeInstanceOf(StoreLockedError);
    await store.close();
  });

  it('keeps a live holder that outlasts the stale window: its lock stays fresh', { timeout: 30_000 }, async () => {
    const first = holder(['2000']);
    expect(await outcome(first)).toBe('open');
    await new Promise((r) => setTimeout(r, 3500));
    await expect(openLowdbStore({ dataDir: dir, now, lock: { staleMs: 2000, waitMs: 0 } })).rejects.toBeInstanceOf(StoreLockedError);
    await stop(first);
  });

  it('given two processes starting at once on a stale lock, only one opens the store', { timeout: 60_000 }, async () => {
    for (let trial = 0; trial < 4; trial++) {
      await leaveStaleLock(60_000);
      const startAt = String(Date.now() + 2500);
      const racers = [holder(['2000', startAt, '0']), holder(['2000', startAt, '0'])];
      const results = await Promise.all(racers.map(outcome));
      expect(results.filter((r) => r === 'open')).toHaveLength(1);
      expect(results).toContain(3);
      await Promise.all(racers.map(stop));
      await rm(path.join(dir, 'attune.lock'), { recursive: true, force: true });
    }
  });

  it('after a kill -9, a restart as PID 1 with the old lock naming its own pid opens the store once the lock is stale', { timeout: 30_000 }, async () => {
    const killed = holder(['2000']);
    expect(await outcome(killed)).toBe('open');
    killed.kill('SIGKILL');
    await once(killed, 'exit');
    // The old lock format named a pid: in a container the new process is PID 1 again, as the dead one was.
    await writeFile(path.join(dir, '.lock'), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: now.toISOString() }));
    const store = await openLowdbStore({ dataDir: dir, now, lock: { staleMs: 2000 } });
    await store.close();
    expect(await readdir(dir)).not.toContain('.lock');
  });

  it('a lock left in a container that was recreated with a new hostname is taken over once stale', async () => {
    await leaveStaleLock(60_000);
    await writeFile(path.join(dir, '.lock'), JSON.stringify({ pid: 4242, host: 'attune-7d9f-old', startedAt: now.toISOString() }));
    const store = await openLowdbStore({ dataDir: dir, now, lock: { staleMs: 15_000, waitMs: 0 } });
    await store.close();
    await expect(stat(path.join(dir, 'attune.lock'))).rejects.toThrow('ENOENT');
  });

  it('releases the lock when start-up fails (Slack refuses the token), so the next start opens', { timeout: 60_000 }, async () => {
    const slack = await fakeSlackRefusingAuth();
    try {
      const port = (slack.address() as AddressInfo).port;
      const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/main.ts'], {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          ATTUNE_DATA_DIR: dir,
          SLACK_BOT_TOKEN: 'xoxb-fake',
          SLACK_SIGNING_SECRET: 'not-a-real-secret',
          SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
          PORT: String(40_000 + (process.pid % 20_000)),
          LOG_LEVEL: 'fatal',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const [code] = await once(child, 'exit');
      expect(code).toBe(1);
      expect(stderr).toContain('invalid_auth');
      await expect(stat(path.join(dir, 'attune.lock'))).rejects.toThrow('ENOENT');
      const store = await openLowdbStore({ dataDir: dir, now, lock: { waitMs: 0 } });
      await store.close();
    } finally {
      slack.close();
    }
  });
});

/** A Slack Web API that answers every call as Slack does for a revoked or mistyped token. */
async function fakeSlackRefusingAuth(): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: false, error: 'invalid_auth' }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}
