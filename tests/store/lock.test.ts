import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreLockedError } from '../../src/store/errors.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';

const now = new Date('2026-03-02T10:00:00Z');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('one process per data directory', () => {
  it('makes a second process exit with a clear message while the first holds the directory', async () => {
    const first = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/open-store.ts', dir], { stdio: ['pipe', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      first.stdout.on('data', (d: Buffer) => d.toString().includes('OPEN') && resolve());
      first.on('exit', () => reject(new Error('first process exited')));
    });
    const second = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/open-store.ts', dir], { encoding: 'utf8', input: '' });
    first.stdin.end();
    await new Promise((r) => first.on('exit', r));
    expect(second.status).toBe(3);
    expect(second.stderr).toBe(
      `Another Attune process (pid ${first.pid} on ${hostname()}) is using the data directory ${dir}. Stop that process, or point ATTUNE_DATA_DIR at another directory. One process owns a data directory at a time.\n`,
    );
  });

  it('refuses a second open in the same process', async () => {
    const store = await LowdbStore.open({ dataDir: dir, now });
    await expect(LowdbStore.open({ dataDir: dir, now })).rejects.toBeInstanceOf(StoreLockedError);
    await store.close();
  });

  it('takes over a stale lock left by a process that no longer exists, and releases it on close', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(path.join(dir, '.lock'), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), startedAt: now.toISOString() }));
    const store = await LowdbStore.open({ dataDir: dir, now });
    expect(JSON.parse(await readFile(path.join(dir, '.lock'), 'utf8')).pid).toBe(process.pid);
    await store.close();
    await expect(readFile(path.join(dir, '.lock'), 'utf8')).rejects.toThrow('ENOENT');
  });
});
