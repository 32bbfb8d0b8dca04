import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store/index.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';

/**
 * tests/fixtures/data-dir-main-9c44ed7 was written by main at 9c44ed7 (the one-state.json layout) through
 * its own app: five people in team care who checked in and reflected, a pending "replace?" draft for cy,
 * nudge settings for bo, one ledger entry and one event key.
 */
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/data-dir-main-9c44ed7');
const now = new Date('2026-03-02T11:00:00Z');
const everyone = ['shell:ana', 'shell:bo', 'shell:cy', 'shell:di', 'shell:ed'];
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-migrate-'));
  await cp(FIXTURE, dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectEverythingReadable(store: Store): Promise<void> {
  expect((await store.people.list('shell')).map((p) => p.id)).toEqual(everyone);
  expect((await store.people.get('shell:ana'))?.admin).toBe(true);
  expect((await store.teams.get('shell/care'))?.members.map((m) => m.personId).sort()).toEqual(everyone);
  expect(await store.drafts.get('shell:cy', 'checkin.replace', now)).toBeDefined();
  expect((await store.nudges.get('shell:bo')).daily).toBe('09:00');
  expect((await store.history.checkIns('shell:cy', { from: '2026-03-01', to: '2026-03-31' })).map((c) => c.mood)).toEqual([4]);
  expect(await store.history.reflections('shell:di', { from: '2026-03-01', to: '2026-03-31' })).toHaveLength(1);
  expect(await store.ledger.get('shell:ana', 'daily-prompt', '2026-03-02')).toMatchObject({ status: 'sent' });
  expect(await store.events.claim('EvV1a', now)).toBe(false);
}

describe('migrating a data directory written by the previous layout', () => {
  it('moves people, drafts and nudge state out of state.json at the first start, keeping a backup, and loses nothing', async () => {
    const original = await readFile(path.join(dir, 'state.json'), 'utf8');
    const store = await openLowdbStore({ dataDir: dir, now });
    await expectEverythingReadable(store);
    await store.close();
    const state = JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8'));
    expect([Object.keys(state.people), Object.keys(state.drafts), Object.keys(state.nudges.people)]).toEqual([[], [], []]);
    expect(await readFile(path.join(dir, 'state.v1-backup.json'), 'utf8')).toBe(original);
  });

  it('is idempotent: a second start changes nothing and keeps the first backup', async () => {
    const original = await readFile(path.join(dir, 'state.json'), 'utf8');
    await (await openLowdbStore({ dataDir: dir, now })).close();
    const shards = await readdir(path.join(dir, 'people'));
    const store = await openLowdbStore({ dataDir: dir, now });
    await expectEverythingReadable(store);
    await store.close();
    expect(await readdir(path.join(dir, 'people'))).toEqual(shards);
    expect(await readFile(path.join(dir, 'state.v1-backup.json'), 'utf8')).toBe(original);
  });

  it('resumes when a crash stopped it after the people moved but before state.json was rewritten', async () => {
    const crash = openLowdbStore({
      dataDir: dir,
      now,
      fileOptions: {
        beforeRename: async (temp) => {
          if (path.basename(temp).startsWith('state.json.')) throw new Error('killed during the migration');
        },
      },
    });
    await expect(crash).rejects.toThrow('killed during the migration');
    expect(Object.keys(JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8')).people)).toEqual(everyone);
    const store = await openLowdbStore({ dataDir: dir, now });
    await expectEverythingReadable(store);
    await store.close();
    expect(Object.keys(JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8')).people)).toEqual([]);
  });

  it("privacy delete after the migration also takes the person out of the migration's backup", async () => {
    const store = await openLowdbStore({ dataDir: dir, now });
    await store.privacy.erasePerson('shell:cy');
    expect(await store.people.get('shell:cy')).toBeUndefined();
    await store.close();
    const backup = await readFile(path.join(dir, 'state.v1-backup.json'), 'utf8');
    expect(backup).not.toContain('shell:cy');
    expect(JSON.parse(backup).people['shell:bo']).toBeDefined();
    const everything = await Promise.all((await readdir(path.join(dir, 'people'))).map((n) => readFile(path.join(dir, 'people', n), 'utf8')));
    expect(everything.join('')).not.toContain('shell:cy');
  });
});
