import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreStateMissingError } from '../../src/store/errors.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';
import { personFolder } from '../../src/store/lowdb/paths.js';

const now = new Date('2026-03-02T10:00:00Z');
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-recovery-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const person = (id: string) => ({
  id,
  workspace: 'shell:local',
  name: 'Ana Flores',
  createdAt: now.toISOString(),
  admin: false,
  promptTime: '09:30',
  reminderTime: '16:30',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
});

function storeCheck(): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/store/check-cli.ts'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, ATTUNE_DATA_DIR: dir } });
  return { status: result.status, stdout: result.stdout };
}

describe('a data directory that recovers by itself', () => {
  it('removes temp copies a crash of the older version left beside their files (state.json with names, partitions) when the store opens', async () => {
    await writeFile(path.join(dir, 'state.json'), JSON.stringify({ version: 1, people: { 'shell:local:ana': person('shell:local:ana') } }));
    const history = path.join(dir, 'history', personFolder('shell:local:ana'));
    await mkdir(history, { recursive: true });
    await writeFile(path.join(dir, 'state.json.4242.1.tmp'), '{"people":{"shell:local:ana":{"name":"Ana Flores"}}}');
    await writeFile(path.join(history, '2026-03.json.4242.2.tmp'), '{"reflections":[{"text":"a private answer"}]}');
    const reopened = await openLowdbStore({ dataDir: dir, now });
    await reopened.close();
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await readdir(history)).toEqual([]);
  });

  it('removes temp copies a crash left in tmp/ when the store opens', async () => {
    const store = await openLowdbStore({ dataDir: dir, now });
    await store.people.create(person('shell:local:ana') as never);
    await store.close();
    await writeFile(path.join(dir, 'tmp', 'state.json.4242.3.tmp'), '{"people":{"shell:local:ana":{"name":"Ana Flores"}}}');
    const reopened = await openLowdbStore({ dataDir: dir, now });
    await reopened.close();
    expect((await readdir(path.join(dir, 'tmp'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('privacy delete removes temp copies that still name the person', async () => {
    const store = await openLowdbStore({ dataDir: dir, now });
    await store.people.create(person('shell:local:ana') as never);
    // A write that failed half-way in this run (a full disk) left its temp copy behind.
    await writeFile(path.join(dir, 'tmp', 'state.json.1.99.tmp'), '{"people":{"shell:local:ana":{"name":"Ana Flores"}}}');
    await store.privacy.erasePerson('shell:local:ana');
    await store.close();
    const leftovers = [...(await readdir(dir)), ...(await readdir(path.join(dir, 'tmp')))].filter((n) => n.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
    expect(await readFile(path.join(dir, 'state.json'), 'utf8')).not.toContain('Ana Flores');
  });

  it('given history but no state.json (a volume not mounted), refuses to start, explains, and creates nothing', async () => {
    await mkdir(path.join(dir, 'history', 'slack=3AT1=3AU1'), { recursive: true });
    await writeFile(path.join(dir, 'history', 'slack=3AT1=3AU1', '2026-02.json'), '{}');
    const err = await openLowdbStore({ dataDir: dir, now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreStateMissingError);
    expect((err as Error).message).toBe(
      `Attune's data directory has history for 1 person but no ${path.join(dir, 'state.json')}. ` +
        'Starting afresh would make the first person to speak an admin over that history, so Attune stopped without changing anything. ' +
        'Check that ATTUNE_DATA_DIR points at the right directory (a volume not mounted, a wrong path), or restore that file from a backup, then start Attune again.',
    );
    await expect(stat(path.join(dir, 'state.json'))).rejects.toThrow('ENOENT');
    await expect(stat(path.join(dir, 'attune.lock'))).rejects.toThrow('ENOENT');
  });

  it('store:check validates pairing rounds too, and names a damaged one', async () => {
    const rounds = path.join(dir, 'mentoring', 'rounds', 'pool-1');
    await mkdir(rounds, { recursive: true });
    await writeFile(path.join(dir, 'state.json'), JSON.stringify({ version: 1 }));
    await writeFile(path.join(rounds, '2026-03-02.json'), JSON.stringify({ version: 1, id: 'pool-1@2026-03-02', poolId: 'pool-1', slot: '2026-03-02', createdAt: now.toISOString(), groups: [['a', 'b']], met: {} }));
    await writeFile(path.join(rounds, '2026-03-09.json'), JSON.stringify({ version: 1, id: 'pool-1@2026-03-09', poolId: 'pool-1', slot: '2026-03-09', createdAt: now.toISOString(), groups: [['a', 'b', 'c', 'd']] }));
    const result = storeCheck();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`Checked 3 store files under ${dir}: 2 valid, 1 damaged.`);
    expect(result.stdout).toContain(`${path.join(rounds, '2026-03-09.json')}: it does not match the expected shape at groups.0`);
  });
});
