import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckIn } from '../../src/core/model/history.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';
import { personFolder } from '../../src/store/lowdb/paths.js';

const now = new Date('2026-03-02T10:00:00Z');
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-check-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function storeCheck(): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/store/check-cli.ts'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, ATTUNE_DATA_DIR: dir } });
  return { status: result.status, stdout: result.stdout };
}

const checkIn = (name: string, localDate: string, mood: number): CheckIn => ({
  id: `${name}-${localDate}`,
  personId: `shell:${name}`,
  at: `${localDate}T16:00:00.000Z`,
  localDate,
  mood,
  energy: 3,
  stress: 3,
  shareNote: false,
  teams: ['shell/care'],
  custom: {},
});

async function seed(): Promise<void> {
  const store = await openLowdbStore({ dataDir: dir, now });
  for (const name of ['ann', 'bob', 'cy']) for (const date of ['2026-02-27', '2026-03-02']) await store.history.addCheckIn(checkIn(name, date, 2));
  // Written whole once (the appended lines go into the month's JSON), as the daily prompt does every day.
  for (const name of ['ann', 'bob', 'cy']) await store.history.replaceCheckIn(checkIn(name, '2026-03-02', 2));
  await store.history.addCheckIn(checkIn('ann', '2026-03-03', 3));
  await store.close();
}

describe('npm run store:check', () => {
  it('passes a data directory the store wrote, counting every file', async () => {
    await seed();
    const { status, stdout } = storeCheck();
    expect(stdout).toMatch(/Checked \d+ store files under .*: \d+ valid, 0 damaged\./);
    expect(Number(/Checked (\d+)/.exec(stdout)![1])).toBeGreaterThanOrEqual(7);
    expect(status).toBe(0);
  });

  it('names a month whose week summaries disagree with its check-ins, and changes nothing', async () => {
    await seed();
    const month = path.join(dir, 'history', personFolder('shell:bob'), '2026-03.json');
    const data = JSON.parse(await readFile(month, 'utf8'));
    data.weeks['2026-03-02']['shell/care'].mood += 1;
    const tampered = JSON.stringify(data);
    await writeFile(month, tampered);
    const { status, stdout } = storeCheck();
    expect(status).toBe(1);
    expect(stdout).toContain(`${month}: its week summaries do not match its check-ins`);
    expect(stdout).toContain('1 damaged');
    expect(await readFile(month, 'utf8')).toBe(tampered);
  });

  it("checks each month's log: a torn last line passes, a damaged line is named with its number", async () => {
    await seed();
    const log = path.join(dir, 'history', personFolder('shell:ann'), '2026-03.log');
    const text = await readFile(log, 'utf8');
    await writeFile(log, text + '{"seq":9,"checkin":{"id":"torn"');
    expect(storeCheck().status).toBe(0);
    await writeFile(log, text.replace('"mood":3', '"mood":"three"'));
    const { status, stdout } = storeCheck();
    expect(status).toBe(1);
    expect(stdout).toContain(`${log}: line 1 does not match the expected shape at checkin.mood`);
  });

  it('names a file that is not valid JSON', async () => {
    await seed();
    const month = path.join(dir, 'history', personFolder('shell:cy'), '2026-02.json');
    await writeFile(month, '{"version":1,');
    const { status, stdout } = storeCheck();
    expect(status).toBe(1);
    expect(stdout).toContain(`${month}: it is not valid JSON`);
  });

  it('checks a large directory on worker threads, counting every file and naming the damaged one', async () => {
    await seed();
    // 1,200 valid months written as the store writes them, and one damaged among them.
    const body = (id: string) => JSON.stringify({ version: 1, personId: id, month: '2026-01', reflections: [], checkins: [], served: [] });
    for (let i = 0; i < 1200; i++) {
      const id = `shell:p${i}`;
      await mkdir(path.join(dir, 'history', personFolder(id)), { recursive: true });
      await writeFile(path.join(dir, 'history', personFolder(id), '2026-01.json'), i === 777 ? body(id).replace('"checkins":[]', '"checkins":[{"id":1}]') : body(id));
    }
    const { status, stdout } = storeCheck();
    const total = Number(/Checked (\d+)/.exec(stdout)![1]);
    expect(total).toBeGreaterThan(1200);
    expect(stdout).toContain(`${total - 1} valid, 1 damaged`);
    expect(stdout).toContain(path.join(dir, 'history', personFolder('shell:p777'), '2026-01.json'));
    expect(status).toBe(1);
  });
});

