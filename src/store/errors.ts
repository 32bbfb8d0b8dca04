/**
 * A store file that cannot be read as it is. The file is never written after this:
 * the operator decides what to do with it.
 */
export class StoreFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(
      `Attune cannot use its store file ${file}: ${problem}. ` +
        'The file was left untouched. Restore it from a backup, or move it aside to start that part of the store afresh, then start Attune again.',
    );
    this.name = 'StoreFileError';
  }
}

/** Another live process owns the data directory (its lock is fresh: refreshed within the stale window). */
export class StoreLockedError extends Error {
  constructor(
    readonly dataDir: string,
    /** How long ago the holder last refreshed the lock, when known. */
    readonly ageMs: number | undefined,
    readonly staleMs: number,
  ) {
    const age = ageMs === undefined ? '' : ` (its lock was refreshed ${Math.max(0, Math.round(ageMs / 1000))} s ago)`;
    super(
      `Another Attune process is using the data directory ${dataDir}${age}. ` +
        'Stop that process, or point ATTUNE_DATA_DIR at another directory. One process owns a data directory at a time; ' +
        `a process that was killed stops refreshing its lock, and it is taken over ${Math.round(staleMs / 1000)} s later.`,
    );
    this.name = 'StoreLockedError';
  }
}

/** History exists but the small state (people, teams, admins) does not: most likely a wrong mount. */
export class StoreStateMissingError extends Error {
  constructor(
    readonly file: string,
    readonly people: number,
  ) {
    super(
      `Attune's data directory has history for ${people} ${people === 1 ? 'person' : 'people'} but no ${file}. ` +
        'Starting afresh would make the first person to speak an admin over that history, so Attune stopped without changing anything. ' +
        'Check that ATTUNE_DATA_DIR points at the right directory (a volume not mounted, a wrong path), or restore that file from a backup, then start Attune again.',
    );
    this.name = 'StoreStateMissingError';
  }
}
