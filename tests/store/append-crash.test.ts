import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';

const now = new Date('2026-03-02T10:00:00Z');
const root = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs the writer until it has acknowledged `after` answers, kills it with SIGKILL, and returns what it acknowledged. */
function writeUntilKilled(round: number, after: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/answers-until-killed.ts', dataDir, String(round)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').length - 2 >= after) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the writer stopped by itself: ${err}`));
      resolve(out.split('\n').filter((l) => l && l !== 'open'));
    });
  });
}

describe('lowdb history: kill -9 while answers are being appended', () => {
  it('loses no acknowledged answer, and leaves files that pass store:check', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'attune-append-kill-'));
    const acknowledged: string[] = [];
    // Killed at a different point of the cycle each time (appends, whole-month writes, emptied logs).
    for (const [round, after] of [[1, 17], [2, 40], [3, 9], [4, 63], [5, 28]] as const) acknowledged.push(...(await writeUntilKilled(round, after)));
    const store = await openLowdbStore({ dataDir, now, lock: { staleMs: 2000 } });
    const stored = new Set<string>();
    for (const p of ['shell:p0', 'shell:p1', 'shell:p2']) {
      for (const c of await store.history.checkIns(p, { from: '2026-03-01', to: '2026-03-31' })) stored.add(c.id);
      for (const r of await store.history.reflections(p, { from: '2026-03-01', to: '2026-03-31' })) stored.add(r.id);
    }
    await store.close();
    // What should be there, replayed in acknowledged order: a replaced check-in takes the place of that person's earlier ones of the day.
    const checkIns = new Map<string, string[]>();
    const reflections: string[] = [];
    for (const id of acknowledged) {
      const i = Number(id.split('-')[1]);
      const day = `${i % 3}|${i % 28}`;
      if (i % 5 === 4) reflections.push(id);
      else if (i % 11 === 10) checkIns.set(day, [id]);
      else checkIns.set(day, [...(checkIns.get(day) ?? []), id]);
    }
    const expected = [...reflections, ...[...checkIns.values()].flat()];
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.filter((id) => !stored.has(id))).toEqual([]);
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'src/store/check-cli.ts'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, ATTUNE_DATA_DIR: dataDir } });
    expect(check.stdout).toContain('0 damaged');
    expect(check.status).toBe(0);
  }, 120_000);
});
