import type { JsonDocument } from './json-document.js';

export interface DocumentCacheLimits {
  /** Documents kept at most. */
  maxEntries: number;
  /** Approximate bytes kept at most (as measured by `sizeOf`): what bounds memory, whatever the documents' sizes. */
  maxBytes?: number;
  /** A cheap estimate of a document's size in memory, in bytes. */
  sizeOf?: (data: unknown) => number;
}

/**
 * Keeps recently used documents in memory, loading each at most once at a time. Safe because one
 * process owns the data directory (the lock), so nobody else changes the files under us.
 */
export class DocumentCache<T> {
  private readonly docs = new Map<string, JsonDocument<T>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  private readonly loading = new Map<string, Promise<JsonDocument<T>>>();
  private readonly limits: DocumentCacheLimits;

  constructor(
    limits: number | DocumentCacheLimits,
    private readonly load: (key: string) => Promise<JsonDocument<T>>,
  ) {
    this.limits = typeof limits === 'number' ? { maxEntries: limits } : limits;
  }

  async get(key: string): Promise<JsonDocument<T>> {
    const hit = this.docs.get(key);
    if (hit && !hit.failed) {
      // Re-insert to mark as most recently used; re-measure, since writes may have grown it.
      this.docs.delete(key);
      this.docs.set(key, hit);
      this.measure(key, hit);
      return hit;
    }
    if (hit?.failed) this.forget(key);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = this.load(key)
      .then((doc) => {
        this.docs.set(key, doc);
        this.measure(key, doc);
        this.evict(key);
        return doc;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }

  /** Documents in memory now, for a clean shutdown's final flush. */
  loaded(): JsonDocument<T>[] {
    return [...this.docs.values()];
  }

  forget(key: string): void {
    this.docs.delete(key);
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }

  /** The document in memory under `key` (never loads it, never counts as a use). */
  peek(key: string): JsonDocument<T> | undefined {
    const doc = this.docs.get(key);
    return doc && !doc.failed ? doc : undefined;
  }

  /** Whether `key` is in memory or being loaded now. */
  has(key: string): boolean {
    return this.peek(key) !== undefined || this.loading.has(key);
  }

  /** Keys of the documents in memory for which `predicate` holds. */
  keysWhere(predicate: (key: string) => boolean): string[] {
    return [...this.docs.keys()].filter(predicate);
  }

  forgetWhere(predicate: (key: string) => boolean): void {
    for (const key of [...this.docs.keys()]) if (predicate(key)) this.forget(key);
  }

  get size(): number {
    return this.docs.size;
  }

  /** Approximate bytes held (0 when the cache is not bounded in bytes). */
  get heldBytes(): number {
    return this.bytes;
  }

  private measure(key: string, doc: JsonDocument<T>): void {
    if (!this.limits.sizeOf) return;
    const size = this.limits.sizeOf(doc.data);
    this.bytes += size - (this.sizes.get(key) ?? 0);
    this.sizes.set(key, size);
  }

  private evict(keep: string): void {
    const over = () => this.docs.size > this.limits.maxEntries || (this.limits.maxBytes !== undefined && this.bytes > this.limits.maxBytes);
    if (!over()) return;
    // Oldest first; a document with a write in flight stays (its promise holds it anyway).
    for (const [key, doc] of this.docs) {
      if (!over()) break;
      if (key !== keep && !doc.busy) this.forget(key);
    }
  }
}
