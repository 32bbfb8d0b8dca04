import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import lockfile from 'proper-lockfile';
import { StoreLockedError } from '../errors.js';

export interface DataDirLockOptions {
  /** A lock not refreshed for this long belongs to a process that is gone (killed, OOM, container recreated). */
  staleMs?: number;
  /** How long to wait for a held lock to become free or stale before giving up (a restart right after a kill). */
  waitMs?: number;
  /** Called if the lock is lost while held (the directory was taken over after a very long stall). */
  onCompromised?: (err: Error) => void;
}

/** proper-lockfile locks `<name>` by creating the directory `<name>.lock`. */
const LOCK_NAME = 'attune';
const GUARD_NAME = 'attune-takeover';
export const LOCK_DIR = `${LOCK_NAME}.lock`;
/** The old pid-and-hostname lock file; it carries no meaning any more and is removed once we hold the new lock. */
const LEGACY_LOCK = '.lock';
const DEFAULT_STALE_MS = 15_000;

/**
 * One process per data directory, with liveness that does not depend on pids or hostnames (a
 * container's PID 1, a recreated container's new hostname): the lock is a directory created
 * atomically (mkdir), whose mtime the holder refreshes every few seconds; a lock whose mtime is older
 * than `staleMs` is taken over. Taking over a stale lock happens under a second, short-lived lock so
 * two processes starting on one stale lock cannot both remove it and both win. proper-lockfile also
 * removes the lock on any process exit (including process.exit after a failed start).
 */
export class DataDirLock {
  private constructor(
    private readonly dataDir: string,
    private releaseFn: (() => Promise<void>) | null,
  ) {}

  static async acquire(dataDir: string, options: DataDirLockOptions = {}): Promise<DataDirLock> {
    const staleMs = Math.max(options.staleMs ?? DEFAULT_STALE_MS, 2000);
    const waitMs = options.waitMs ?? staleMs + 5000;
    const deadline = performance.now() + waitMs;
    const lockPath = path.join(dataDir, LOCK_DIR);
    const onCompromised =
      options.onCompromised ??
      ((err: Error) => {
        throw new Error(`Attune lost the lock on its data directory ${dataDir} (${err.message}); another process may have taken it over. Stopping to protect the data.`);
      });
    for (;;) {
      const release = await tryAcquire(dataDir, staleMs, onCompromised);
      if (release) {
        await rm(path.join(dataDir, LEGACY_LOCK), { force: true });
        return new DataDirLock(dataDir, release);
      }
      if (performance.now() >= deadline) throw new StoreLockedError(dataDir, await ageOf(lockPath), staleMs);
      await new Promise((r) => setTimeout(r, Math.min(500, staleMs / 4)));
    }
  }

  async release(): Promise<void> {
    const release = this.releaseFn;
    this.releaseFn = null;
    if (release) await release().catch(() => undefined);
  }

  get held(): boolean {
    return this.releaseFn !== null;
  }

  toString(): string {
    return `lock on ${this.dataDir}`;
  }
}

/** One attempt: the takeover guard first, so checking staleness, removing and re-creating is one step for everyone. */
async function tryAcquire(dataDir: string, staleMs: number, onCompromised: (err: Error) => void): Promise<(() => Promise<void>) | null> {
  let releaseGuard: (() => Promise<void>) | null = null;
  try {
    // proper-lockfile keys its locks by the locked path: each lock has its own, so they never share state.
    releaseGuard = await lockfile.lock(path.join(dataDir, GUARD_NAME), { realpath: false, stale: 2000, update: 1000, retries: 0 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') return null;
    throw err;
  }
  try {
    return await lockfile.lock(path.join(dataDir, LOCK_NAME), { realpath: false, stale: staleMs, update: Math.floor(staleMs / 5), retries: 0, onCompromised });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') return null;
    throw err;
  } finally {
    await releaseGuard().catch(() => undefined);
  }
}

async function ageOf(lockPath: string): Promise<number | undefined> {
  try {
    const { mtimeMs } = await stat(lockPath);
    // eslint-disable-next-line no-restricted-syntax -- a file's mtime is wall-clock time, as proper-lockfile compares it
    return Date.now() - mtimeMs;
  } catch {
    return undefined;
  }
}
