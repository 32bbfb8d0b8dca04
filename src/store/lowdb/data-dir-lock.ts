import { hostname } from 'node:os';
import { open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreLockedError } from '../errors.js';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

/**
 * One process per data directory. The lock file is created exclusively; a lock left by a process
 * that no longer exists on this host is taken over. A lock from another host is respected, since we
 * cannot tell whether that process is alive.
 */
export class DataDirLock {
  private constructor(private readonly file: string) {}

  static async acquire(dataDir: string, now: Date): Promise<DataDirLock> {
    const file = path.join(dataDir, '.lock');
    const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: now.toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(file, 'wx', 0o600);
        await handle.writeFile(JSON.stringify(info));
        await handle.sync();
        await handle.close();
        return new DataDirLock(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = await readLock(file);
      if (holder && holder.pid !== process.pid && (holder.host !== hostname() || isAlive(holder.pid))) {
        throw new StoreLockedError(dataDir, holder.pid, holder.host);
      }
      if (holder && holder.pid === process.pid) {
        throw new StoreLockedError(dataDir, holder.pid, holder.host);
      }
      // Stale (dead process) or unreadable: replace it atomically, then loop to re-check we won.
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(info), { mode: 0o600 });
      await rename(temp, file);
      const now2 = await readLock(file);
      if (now2?.pid === process.pid) return new DataDirLock(file);
    }
    throw new Error(`Could not take the lock ${file}`);
  }

  async release(): Promise<void> {
    const holder = await readLock(this.file);
    if (holder?.pid === process.pid) await unlink(this.file).catch(() => undefined);
  }
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') return parsed as LockInfo;
    return null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
