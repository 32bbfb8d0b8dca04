import { AsyncLocalStorage } from 'node:async_hooks';
import type { ZodType } from 'zod';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { FaultHook } from '../../core/store/index.js';
import { copyJson } from './copy-json.js';
import { DataDirLock, type DataDirLockOptions } from './data-dir-lock.js';
import { assertStateBesideHistory, removeLeftoverTemps, TEMP_DIR } from './open-checks.js';
import { PersonShards } from './person-shards.js';
import { DurableJsonFile, mkdirDurable, type DurableJsonFileOptions } from './durable-json-file.js';
import { JsonDocument } from './json-document.js';
import { layout, type Layout } from './paths.js';
import { RwLock } from './rw-lock.js';
import { emptyState, StateSchema, type State } from './state-schema.js';
import { removeJournal, replayJournal, writeJournal } from './tx-journal.js';

export interface LowdbStoreOptions {
  dataDir: string;
  now: Date;
  /** History partitions kept in memory (each is one person's month). */
  cacheSize?: number;
  /** Approximate bytes of history partitions kept in memory: what bounds the cache's memory. */
  cacheBytes?: number;
  /** When answers waiting in the answer log are copied into their months (history.ts ANSWER_CHECKPOINT; tests change it). */
  answerCheckpoint?: { answers?: number; idleMs?: number };
  /** Test hook passed to every file adapter. */
  fileOptions?: DurableJsonFileOptions;
  /** Days of the delivery ledger kept (ATTUNE_LEDGER_RETENTION_DAYS); older days are deleted at open and each new day. */
  ledgerRetentionDays?: number;
  /** How the data-directory lock decides a holder is gone (tests shorten it). */
  lock?: DataDirLockOptions;
  /** Test hook: called between the steps of a transaction's commit; throwing there simulates a crash. */
  faults?: FaultHook;
}

/** The older state.json as it was before its people moved to people/ (kept by the migration). */
export const STATE_BACKUP = 'state.v1-backup.json';

/** The open transaction: documents changed in memory (with their data before), and paths to remove at commit. */
interface Tx {
  dirty: Map<JsonDocument<unknown>, unknown>;
  removes: string[];
  afterCommit: Array<() => void>;
}

/** Anything holding documents the engine must flush at close (the repositories' caches). */
interface DocumentHolder {
  loaded(): Iterable<Flushable>;
}

/** What close() needs of a document. */
interface Flushable {
  readonly busy: boolean;
  readonly pinned: number;
  flush(): Promise<void>;
}

export const clone = <T>(x: T): T => copyJson(x);

/**
 * The embedded engine's core: the data directory, its lock, state.json and the person shards, and the
 * write path every repository shares. Single reads and writes share a lock that a transaction holds
 * alone; a transaction changes documents in memory only, then commits them together (through an
 * intent journal when it changed more than one file).
 */
export class LowdbEngine {
  readonly paths: Layout;
  private closed = false;
  /** Set when a commit failed after its journal was written: memory and disk disagree until a reopen replays it. */
  private broken: Error | undefined;
  private readonly lock = new RwLock();
  private readonly txs = new AsyncLocalStorage<Tx>();
  private readonly holders: DocumentHolder[] = [];
  private readonly rollbackListeners: Array<() => void> = [];
  private readonly closeSteps: Array<() => Promise<void>> = [];

  private constructor(
    readonly dataDir: string,
    private readonly dirLock: DataDirLock,
    readonly state: JsonDocument<State>,
    readonly persons: PersonShards,
    readonly fileOptions: DurableJsonFileOptions,
    private readonly faults: FaultHook | undefined,
  ) {
    this.paths = layout(dataDir);
  }

  /**
   * Opens the engine: takes the directory lock, finishes a transaction a crash interrupted, then reads
   * and validates state.json and the person shards, then runs `prepare` (the repositories' own open
   * steps). A bad file throws StoreFileError (the lock is released, the file untouched).
   */
  static async open(options: LowdbStoreOptions, prepare: (engine: LowdbEngine) => Promise<void>): Promise<LowdbEngine> {
    const dataDir = path.resolve(options.dataDir);
    await mkdirDurable(dataDir);
    const lock = await DataDirLock.acquire(dataDir, options.lock);
    try {
      await replayJournal(dataDir);
      const paths = layout(dataDir);
      await assertStateBesideHistory(dataDir);
      const fileOptions: DurableJsonFileOptions = { ...options.fileOptions, tempDir: path.join(dataDir, TEMP_DIR) };
      await mkdirDurable(fileOptions.tempDir!);
      await removeLeftoverTemps(dataDir);
      const stateFile = new DurableJsonFile(paths.state, StateSchema, { ...fileOptions, pretty: true });
      // A fresh directory gets its state file at once, so history never exists without one (see open-checks).
      if ((await stateFile.read()) === null) await stateFile.write(emptyState());
      const state = await JsonDocument.open(stateFile, emptyState);
      const persons = await PersonShards.open(dataDir, fileOptions);
      // Migration from the one-file layout: people, drafts and nudge state move to their shards, then
      // leave state.json (a backup of the old state.json is kept). Resumes if a crash cut it short.
      if (await persons.adoptFrom(state.data, { from: paths.state, to: path.join(dataDir, STATE_BACKUP) })) {
        await state.update((s) => {
          s.people = {};
          s.drafts = {};
          s.nudges.people = {};
        });
      }
      const engine = new LowdbEngine(dataDir, lock, state, persons, fileOptions, options.faults);
      await prepare(engine);
      return engine;
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  /** Registers a cache whose documents close() must flush. */
  hold(holder: DocumentHolder): void {
    this.holders.push(holder);
  }

  /** Registers what close() must finish before the documents' final flush (writes made by the step are flushed too). */
  beforeClose(step: () => Promise<void>): void {
    this.closeSteps.push(step);
  }

  /** Registers what must be forgotten when a transaction rolls back (memory derived from its writes). */
  onRollback(listener: () => void): void {
    this.rollbackListeners.push(listener);
  }

  async openDoc<T>(file: string, schema: ZodType<T>, defaults: () => T): Promise<JsonDocument<T>> {
    this.assertOpen();
    await mkdirDurable(path.dirname(file));
    return JsonDocument.open(new DurableJsonFile(file, schema, this.fileOptions), defaults);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The store is closed');
    if (this.broken) throw new Error(`The store must be reopened: a transaction could not finish (${this.broken.message})`);
  }

  /** Whether the caller runs inside a transaction (whose writes become durable together at its commit). */
  get inTransaction(): boolean {
    return this.txs.getStore() !== undefined;
  }

  /** Runs one read or write: alone for its documents' synchronous steps, never during a transaction. */
  run<R>(work: () => Promise<R>): Promise<R> {
    if (this.txs.getStore()) return work();
    return this.lock.shared(async () => {
      this.assertOpen();
      return work();
    });
  }

  /**
   * Runs `work` as one transaction: its writes change documents in memory only; at the end they are
   * made durable together, or (when `work` throws) put back as they were.
   */
  transaction<R>(work: () => Promise<R>): Promise<R> {
    if (this.txs.getStore()) return work();
    return this.lock.exclusive(async () => {
      this.assertOpen();
      const tx: Tx = { dirty: new Map(), removes: [], afterCommit: [] };
      let result: R;
      try {
        result = await this.txs.run(tx, work);
      } catch (err) {
        this.rollback(tx);
        throw err;
      }
      await this.commit(tx);
      return result;
    });
  }

  /** Applies a synchronous change to a document: durable now, or (in a transaction) at commit. */
  async mutate<T, R>(doc: JsonDocument<T>, change: (data: T) => R): Promise<R> {
    const tx = this.txs.getStore();
    if (!tx) return doc.update(change);
    const key = doc as JsonDocument<unknown>;
    if (!tx.dirty.has(key)) {
      tx.dirty.set(key, clone(doc.data));
      doc.pinned++;
    }
    return change(doc.data);
  }

  /** Removes a file or folder: now, or (in a transaction) at commit; `after` runs once it is gone. */
  removeOnCommit(target: string, after: () => void): Promise<void> | void {
    const tx = this.txs.getStore();
    if (!tx) return rm(target, { recursive: true, force: true }).then(after);
    tx.removes.push(target);
    tx.afterCommit.push(after);
  }

  private rollback(tx: Tx): void {
    for (const [doc, before] of tx.dirty) {
      doc.reset(before);
      doc.pinned--;
    }
    for (const listener of this.rollbackListeners) listener();
  }

  private async fault(point: string): Promise<void> {
    if (this.faults) await this.faults(point);
  }

  private async commit(tx: Tx): Promise<void> {
    const docs = [...tx.dirty.keys()];
    if (docs.length === 0 && tx.removes.length === 0) return;
    if (docs.length === 1 && tx.removes.length === 0) {
      // One file: its rename is the commit.
      try {
        await this.fault('before-write');
        await docs[0]!.flush();
      } catch (err) {
        this.rollback(tx);
        throw err;
      }
      docs[0]!.pinned--;
      for (const done of tx.afterCommit) done();
      return;
    }
    try {
      await this.fault('before-journal');
      await writeJournal(this.dataDir, { writes: docs.map((d) => ({ file: d.file, body: d.serialize() })), removes: tx.removes });
    } catch (err) {
      this.rollback(tx);
      throw err;
    }
    // The journal is durable, so the files no longer need an order: they are written at once (their
    // fsyncs overlap), which keeps a many-file commit (an erasure) near the cost of one write.
    const flushes: Array<Promise<void>> = [];
    try {
      for (const [i, doc] of docs.entries()) {
        await this.fault(`write-${i}`);
        flushes.push(doc.flush());
      }
      await Promise.all(flushes);
      for (const target of tx.removes) {
        await this.fault('remove');
        await rm(target, { recursive: true, force: true });
      }
      await this.fault('before-journal-removed');
      await removeJournal(this.dataDir);
    } catch (err) {
      // The journal is durable: a reopen finishes this commit. Until then nothing may read or write.
      this.broken = err as Error;
      await Promise.allSettled(flushes);
      throw err;
    } finally {
      for (const doc of docs) doc.pinned--;
    }
    for (const done of tx.afterCommit) done();
  }

  health(): { ok: boolean; problem?: string } {
    if (this.closed) return { ok: false, problem: 'the store is closed' };
    if (this.broken) return { ok: false, problem: `a transaction could not finish (${this.broken.message}); restart to complete it` };
    return { ok: true };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Waits for a running transaction, then for every write in flight.
    await this.lock.exclusive(async () => {
      for (const step of this.closeSteps) await step();
      const docs: Flushable[] = [this.state, ...this.persons.loaded()];
      for (const holder of this.holders) docs.push(...holder.loaded());
      await Promise.allSettled(docs.filter((d) => d.busy && d.pinned === 0).map((d) => d.flush()));
      this.closed = true;
      await this.dirLock.release();
    });
  }
}
