import type { JsonDocument } from './json-document.js';

/**
 * Keeps recently used documents in memory, loading each at most once at a time. Safe because one
 * process owns the data directory (the lock), so nobody else changes the files under us.
 */
export class DocumentCache<T> {
  private readonly docs = new Map<string, JsonDocument<T>>();
  private readonly loading = new Map<string, Promise<JsonDocument<T>>>();

  constructor(
    private readonly maxEntries: number,
    private readonly load: (key: string) => Promise<JsonDocument<T>>,
  ) {}

  async get(key: string): Promise<JsonDocument<T>> {
    const hit = this.docs.get(key);
    if (hit && !hit.failed) {
      // Re-insert to mark as most recently used.
      this.docs.delete(key);
      this.docs.set(key, hit);
      return hit;
    }
    if (hit?.failed) this.docs.delete(key);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = this.load(key)
      .then((doc) => {
        this.docs.set(key, doc);
        this.evict();
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
  }

  forgetWhere(predicate: (key: string) => boolean): void {
    for (const key of [...this.docs.keys()]) if (predicate(key)) this.docs.delete(key);
  }

  get size(): number {
    return this.docs.size;
  }

  private evict(): void {
    if (this.docs.size <= this.maxEntries) return;
    for (const [key, doc] of this.docs) {
      if (this.docs.size <= this.maxEntries) break;
      if (!doc.busy) this.docs.delete(key);
    }
  }
}
