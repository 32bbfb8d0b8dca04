import { Low } from 'lowdb';
import type { DurableJsonFile } from './durable-json-file.js';

/**
 * One lowdb database over one durable file, with group commit: changes made while a write is in
 * flight are flushed together by the next write, so a burst of N updates costs about two writes, and
 * every caller's promise resolves only once its change is on disk.
 */
export class JsonDocument<T> {
  private readonly db: Low<T>;
  /** Held by an open transaction: the document has uncommitted changes and must stay in memory. */
  pinned = 0;
  private inFlight: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  /** Set when a write failed: memory may hold a change the disk lacks, so the owner must reload. */
  failed = false;

  private constructor(
    private readonly adapter: DurableJsonFile<T>,
    defaults: T,
  ) {
    this.db = new Low<T>(adapter, defaults);
  }

  /**
   * Told after each write that reached the disk, with what `capture` took from the data as that write
   * serialized it (a month learns which of its log lines its file now holds).
   */
  private hooks?: { capture: (data: T) => number; written: (captured: number) => void };

  watchWrites(capture: (data: T) => number, written: (captured: number) => void): void {
    this.hooks = { capture, written };
  }

  static async open<T>(adapter: DurableJsonFile<T>, defaults: () => T): Promise<JsonDocument<T>> {
    const doc = new JsonDocument(adapter, defaults());
    await doc.db.read();
    return doc;
  }

  get data(): T {
    return this.db.data;
  }

  get busy(): boolean {
    return this.inFlight !== null || this.queued !== null || this.pinned > 0;
  }

  get file(): string {
    return this.adapter.file;
  }

  /** The file's text for the data in memory now. */
  serialize(): string {
    return this.adapter.serialize(this.db.data);
  }

  /** Replaces the data in memory (a rolled-back transaction); writes nothing. */
  reset(data: T): void {
    this.db.data = data;
  }

  /** Applies a synchronous change and resolves once it is durable. Throwing in `change` writes nothing. */
  async update<R>(change: (data: T) => R): Promise<R> {
    const result = change(this.db.data);
    await this.flush();
    return result;
  }

  flush(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.inFlight) {
      this.inFlight = this.writeNow().finally(() => {
        this.inFlight = null;
      });
      return this.inFlight;
    }
    const previous = this.inFlight;
    this.queued = previous
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        this.inFlight = this.writeNow().finally(() => {
          this.inFlight = null;
        });
        return this.inFlight;
      });
    return this.queued;
  }

  private async writeNow(): Promise<void> {
    // Taken before the write starts: the adapter serializes the data synchronously when called.
    const captured = this.hooks?.capture(this.db.data);
    try {
      await this.db.write();
    } catch (err) {
      this.failed = true;
      throw err;
    }
    if (captured !== undefined) this.hooks!.written(captured);
  }
}
