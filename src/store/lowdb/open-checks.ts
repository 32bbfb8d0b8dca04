import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreStateMissingError } from '../errors.js';
import { tempFilesInFlight } from './durable-json-file.js';
import { exists } from './file-exists.js';

/** Where every durable write puts its temp file before the rename. */
export const TEMP_DIR = 'tmp';
/** Present once the whole tree was swept for the older layout's scattered temp files. */
const SWEPT_MARKER = 'swept';

/**
 * Removes temp copies a crash left behind (they can hold names, drafts, answers): everything in tmp/
 * that no write of this process is using, and the older layout's `*.tmp` files beside their targets.
 */
export async function removeLeftoverTemps(dataDir: string, opts: { deep?: boolean } = {}): Promise<string[]> {
  const removed: string[] = [];
  const busy = tempFilesInFlight();
  const sweep = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (depth > 0) await sweep(full, depth - 1);
        } else if (e.name.endsWith('.tmp') && !busy.has(full)) {
          await rm(full, { force: true });
          removed.push(full);
        }
      }),
    );
  };
  const marker = path.join(dataDir, TEMP_DIR, SWEPT_MARKER);
  // Temps of the older layout sat beside their targets (state.json's in the root, partitions' two levels
  // down): walk the whole tree once, the first time this version opens the directory.
  const deep = opts.deep ?? !(await exists(marker));
  await sweep(path.join(dataDir, TEMP_DIR), 0);
  await sweep(dataDir, deep ? 3 : 0);
  if (deep) await writeFile(marker, '');
  return removed;
}

/**
 * History without the small state (people, teams, who is admin) is almost always a wrong mount or a
 * lost file, not a new workspace: starting fresh would make the first person to speak an admin over
 * everyone's history. Refuse and say what to check.
 */
export async function assertStateBesideHistory(dataDir: string, stateFiles: string[] = ['state.json']): Promise<void> {
  for (const file of stateFiles) if (await exists(path.join(dataDir, file))) return;
  const history = path.join(dataDir, 'history');
  const people = await readdir(history).catch(() => [] as string[]);
  if (people.length === 0) return;
  throw new StoreStateMissingError(path.join(dataDir, stateFiles[0]!), people.length);
}
