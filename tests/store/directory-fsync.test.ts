import type * as fsPromises from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

/** Every directory Attune opened to fsync (opened read-only, then synced). */
const dirSyncs: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsPromises>();
  const open: typeof real.open = async (file, flags, mode) => {
    const handle = await real.open(file, flags, mode);
    if (flags === 'r') {
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        dirSyncs.push(String(file));
        return sync();
      };
    }
    return handle;
  };
  return { ...real, default: { ...real, open }, open };
});

const { openLowdbStore } = await import('../../src/store/lowdb/open-lowdb-store.js');
const { personFolder } = await import('../../src/store/lowdb/paths.js');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-fsync-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it("fsyncs a new partition folder's parent, so the folder (and the file in it) survive a power cut", async () => {
  const store = await openLowdbStore({ dataDir: dir, now: new Date('2026-03-02T10:00:00Z') });
  dirSyncs.length = 0;
  await store.history.addCheckIn({ id: 'c1', personId: 'shell:ann', at: '2026-03-02T16:00:00.000Z', localDate: '2026-03-02', mood: 3, energy: 3, stress: 3, shareNote: false, teams: [], custom: {} } as never);
  await store.close();
  const personDir = path.join(dir, 'history', personFolder('shell:ann'));
  // history/ is new: the data dir records it; history/<person>/ is new: history/ records it; then the file's creation.
  expect(dirSyncs.filter((d) => d !== path.join(dir, 'answers'))).toEqual([dir, path.join(dir, 'history'), personDir]);
  // The answer log's folder records each new log file and each one deleted once copied into the months.
  expect(dirSyncs).toContain(path.join(dir, 'answers'));
});
