/**
 * A seeded year kept outside the repository (`--reuse <dir>`) so a run does not pay 10 minutes of seeding.
 * The cache is keyed by a hash of everything that decides the seeded bytes (the shape, the seeders, the
 * engine's file layout and schemas): change any of them and the year is seeded again. Each run works on a
 * fresh copy, because the probes write (migration at first open, check-ins, erasures).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The files whose content decides what a seeded year looks like on disk. */
const SHAPING_FILES = [
  'bench/scale/shape.ts',
  'bench/scale/seed-lowdb.ts',
  'bench/scale/seed-sqlite.ts',
  'src/store/lowdb/paths.ts',
  'src/store/lowdb/served-index.ts',
  'src/store/lowdb/week-partials.ts',
  'src/store/lowdb/month-log.ts',
  'src/store/lowdb/events.ts',
  'src/store/lowdb/partition-schemas.ts',
  'src/store/lowdb/state-schema.ts',
];

export async function seedVersion(shapeName: string): Promise<string> {
  const hash = createHash('sha256').update(`shape:${shapeName}\n`);
  for (const file of SHAPING_FILES) {
    const full = path.join(root, file);
    hash.update(`${file}\n`).update(existsSync(full) ? await readFile(full) : 'absent');
  }
  return `${shapeName}-${hash.digest('hex').slice(0, 16)}`;
}

/** Copies a directory tree's contents into `to` (reflinks where the filesystem has them). */
function copyTree(from: string, to: string): void {
  const cp = spawnSync('cp', ['-a', '--reflink=auto', `${from}/.`, to], { encoding: 'utf8' });
  if (cp.status !== 0) throw new Error(`copying the cached year failed: ${cp.stderr}`);
  // The copy's 2.5 GB of dirty pages are written back first: fsyncs timed while the kernel flushes
  // them waited behind it (the first 20 check-ins of a run took 10-34 ms).
  spawnSync('sync');
}

/**
 * Fills `base` with a seeded year: copied from `cacheDir/<version>` when present and complete, otherwise
 * seeded there first by `seed` (older versions removed to free the disk). Returns whether it was reused.
 */
export async function seededFromCache(cacheDir: string, shapeName: string, base: string, seed: (dir: string) => Promise<void>): Promise<boolean> {
  const version = await seedVersion(shapeName);
  const ready = path.join(cacheDir, version);
  const reused = existsSync(path.join(ready, '.complete'));
  if (!reused) {
    await mkdir(cacheDir, { recursive: true });
    for (const entry of await readdir(cacheDir)) if (entry.startsWith(`${shapeName}-`)) await rm(path.join(cacheDir, entry), { recursive: true, force: true });
    const partial = `${ready}.partial`;
    await mkdir(partial, { recursive: true });
    await seed(partial);
    await writeFile(path.join(partial, '.complete'), `${new Date().toISOString()}\n`);
    await rename(partial, ready);
  }
  copyTree(ready, base);
  await rm(path.join(base, '.complete'), { force: true });
  return reused;
}
