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

/** Another live process owns the data directory. */
export class StoreLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly host: string,
  ) {
    super(
      `Another Attune process (pid ${pid} on ${host}) is using the data directory ${dataDir}. ` +
        'Stop that process, or point ATTUNE_DATA_DIR at another directory. One process owns a data directory at a time.',
    );
    this.name = 'StoreLockedError';
  }
}
