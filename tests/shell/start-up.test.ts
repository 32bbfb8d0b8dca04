import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';

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
