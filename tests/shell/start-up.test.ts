import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PersonSchema } from '../../src/core/model/person.js';
import { WEEKDAYS } from '../../src/core/time.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-start-up-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('npm start with no platform configured answers help in the shell without loading the Slack, Discord or PostgreSQL libraries', { timeout: 60_000 }, async () => {
  const trail = path.join(dir, 'modules.txt');
  const result = spawnSync(process.execPath, ['--import', path.join(root, 'tests/fixtures/module-trail.mjs'), '--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    encoding: 'utf8',
    input: 'help\n',
    env: { PATH: process.env.PATH, ATTUNE_DATA_DIR: path.join(dir, 'data'), ATTUNE_SHELL: 'on', MODULE_TRAIL: trail },
  });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/checkin/i);
  const loaded = (await readFile(trail, 'utf8')).split('\n');
  // The trail works: the app's own modules and its always-needed libraries are in it.
  expect(loaded.some((url) => url.endsWith('/src/main.ts'))).toBe(true);
  expect(loaded.some((url) => url.includes('/node_modules/zod/'))).toBe(true);
  const platformLibraries = loaded.filter((url) => /\/node_modules\/(@slack\/|@discordjs\/|discord\.js\/|pg\/|pg-)/.test(url));
  expect(platformLibraries).toEqual([]);
});

it('the shell alone sends what is due to shell people and leaves Slack people to a process running Slack (nothing recorded for them)', { timeout: 60_000 }, async () => {
  const data = path.join(dir, 'data');
  const now = new Date();
  // Due within the hour the shell will advance through, whatever the time of day the test runs.
  const due = new Date(now.getTime() + 30 * 60_000).toISOString().slice(11, 16);
  const person = (id: string, name: string) => PersonSchema.parse({ id, workspace: id.slice(0, id.lastIndexOf(':')) || 'shell', name, createdAt: '2026-01-01T00:00:00Z', tz: 'UTC', tzSource: 'user', promptTime: due, workingDays: [...WEEKDAYS] });
  const seed = await openLowdbStore({ dataDir: data, now });
  await seed.people.create(person('shell:ana', 'ana'));
  await seed.people.create(person('slack:T1:U1', 'Sam'));
  await seed.close();

  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    encoding: 'utf8',
    input: '\\advance 1h\n',
    env: { PATH: process.env.PATH, ATTUNE_DATA_DIR: data, ATTUNE_SHELL: 'on' },
  });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain('-- message for ana --');

  const store = await openLowdbStore({ dataDir: data, now: new Date() });
  try {
    const dates = [...new Set([now, new Date(now.getTime() + 3600_000)].map((d) => d.toISOString().slice(0, 10)))];
    const entries = (await Promise.all(dates.map((d) => store.ledger.on(d)))).flat();
    expect(entries.filter((e) => e.job === 'daily-prompt').map((e) => `${e.personId} ${e.status}`)).toEqual(['shell:ana sent']);
  } finally {
    await store.close();
  }
});
