import { mkdir, readFile, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { StoreFileError } from '../errors.js';
import { syncDir, writeDurably } from './durable-json-file.js';

/**
 * The intent journal of a transaction that changes several files: written whole (temp, fsync,
 * rename) before the first file changes, removed once the last is durable. Finding it at open means
 * a crash came in between: replaying it (write each file, remove each path) finishes the commit.
 */
const JournalSchema = z.object({
  version: z.literal(1),
  writes: z.array(z.object({ file: z.string(), body: z.string() })),
  removes: z.array(z.string()),
});
export type Journal = z.infer<typeof JournalSchema>;

export const journalFile = (dataDir: string) => path.join(dataDir, 'tx-journal.json');

/** Paths are kept relative to the data directory, so a moved directory still replays. */
export async function writeJournal(dataDir: string, journal: Omit<Journal, 'version'>): Promise<void> {
  const rel = (p: string) => path.relative(dataDir, p);
  const body: Journal = { version: 1, writes: journal.writes.map((w) => ({ file: rel(w.file), body: w.body })), removes: journal.removes.map(rel) };
  await writeDurably(journalFile(dataDir), JSON.stringify(body));
}

export async function removeJournal(dataDir: string): Promise<void> {
  await unlink(journalFile(dataDir)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  // A journal that came back after a crash would replay old contents over newer writes.
  await syncDir(dataDir);
}

/** Applies the journal's writes and removes if one is there; every step is idempotent. True when it replayed one. */
export async function replayJournal(dataDir: string): Promise<boolean> {
  const file = journalFile(dataDir);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StoreFileError(file, `it could not be read (${(err as Error).message})`);
  }
  let journal: Journal;
  try {
    journal = JournalSchema.parse(JSON.parse(raw));
  } catch (err) {
    throw new StoreFileError(file, `it is not a valid transaction journal (${(err as Error).message})`);
  }
  const root = path.resolve(dataDir);
  const inside = (rel: string) => {
    const full = path.resolve(root, rel);
    if (!full.startsWith(root + path.sep)) throw new StoreFileError(file, `it names a path outside the data directory (${rel})`);
    return full;
  };
  const writes = journal.writes.map((w) => ({ file: inside(w.file), body: w.body }));
  const removes = journal.removes.map(inside);
  for (const w of writes) {
    await mkdir(path.dirname(w.file), { recursive: true });
    await writeDurably(w.file, w.body);
  }
  for (const target of removes) await rm(target, { recursive: true, force: true });
  await removeJournal(dataDir);
  return true;
}
