import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { addDays } from '../../core/time.js';
import type { EventsRepository } from '../../core/store/index.js';
import { DocumentCache } from './document-cache.js';
import { DurableJsonFile } from './durable-json-file.js';
import type { LowdbEngine } from './engine.js';
import { EventKeysPartitionSchema, type EventKeysPartition } from './partition-schemas.js';
import { EVENT_SHARDS, eventShard } from './paths.js';

const EVENT_KEY_DAYS = 2;

/** Platform event keys by UTC day, sharded (events/<day>/<shard>.json) so a claim rewrites a small file. */
export class LowdbEvents implements EventsRepository {
  private readonly docs: DocumentCache<EventKeysPartition>;
  /** Days with a folder of event keys (kept ones, found at open, and days claimed since). */
  private readonly days = new Set<string>();

  constructor(private readonly engine: LowdbEngine) {
    this.docs = new DocumentCache((EVENT_KEY_DAYS + 1) * EVENT_SHARDS, (key) => {
      const [day, shard] = JSON.parse(key) as [string, number];
      return engine.openDoc(engine.paths.events(day, shard), EventKeysPartitionSchema, () => ({ version: 1 as const, day, keys: {} }));
    });
    engine.hold(this.docs);
  }

  async claim(key: string, now: Date): Promise<boolean> {
    const today = now.toISOString().slice(0, 10);
    const yesterday = addDays(today, -1);
    const shard = eventShard(key);
    // Yesterday's shard is read only when that day has keys at all: a read never creates folders.
    if (this.days.has(yesterday) && (await this.docs.get(JSON.stringify([yesterday, shard]))).data.keys[key]) return false;
    this.days.add(today);
    const doc = await this.docs.get(JSON.stringify([today, shard]));
    return this.engine.mutate(doc, (p) => {
      if (p.keys[key]) return false;
      p.keys[key] = now.toISOString();
      return true;
    });
  }

  async live(now: Date): Promise<Array<{ key: string; claimedAt: Date }>> {
    const today = now.toISOString().slice(0, 10);
    const out: Array<{ key: string; claimedAt: Date }> = [];
    // A key lives from its claim until the end of the next UTC day (24-48 hours): today's and yesterday's.
    for (const day of [addDays(today, -1), today]) {
      if (!this.days.has(day)) continue;
      for (let shard = 0; shard < EVENT_SHARDS; shard++) {
        for (const [key, at] of Object.entries((await this.docs.get(JSON.stringify([day, shard]))).data.keys)) out.push({ key, claimedAt: new Date(at) });
      }
    }
    return out.sort((a, b) => a.claimedAt.getTime() - b.claimedAt.getTime() || a.key.localeCompare(b.key));
  }

  /** Keys of today and yesterday are kept (24-48 hours); older days, and the older one-file-a-day layout, go. */
  async pruneAt(now: Date): Promise<void> {
    const root = this.engine.paths.eventsRoot;
    const keep = new Set([0, 1].map((d) => addDays(now.toISOString().slice(0, 10), -d)));
    const names = await readdir(root).catch(() => [] as string[]);
    for (const name of names) {
      const day = name.replace(/\.json$/, '');
      if (keep.has(day)) this.days.add(day);
    }
    // The older layouts kept one file a day, then 256 shards a day: carry their recent keys into today's
    // shards so a retry is still recognised. The old file goes only once its keys are durable in the new
    // shards, so a crash half-way simply runs it again at the next open.
    for (const name of names.filter((n) => n.endsWith('.json') && keep.has(n.slice(0, -5)))) await this.adopt(name.slice(0, -5), path.join(root, name));
    for (const day of names.filter((n) => keep.has(n))) {
      const older = (await readdir(path.join(root, day)).catch(() => [] as string[])).filter((n) => /^\d+\.json$/.test(n));
      for (const name of older) await this.adopt(day, path.join(root, day, name));
    }
    await Promise.all(names.filter((n) => !keep.has(n)).map((n) => rm(path.join(root, n), { recursive: true, force: true })));
  }

  /** Moves the keys of a file of an older layout into the day's shards, then removes the file. */
  private async adopt(day: string, file: string): Promise<void> {
    const legacy = await new DurableJsonFile(file, EventKeysPartitionSchema).read();
    const byShard = new Map<number, Array<[string, string]>>();
    for (const [key, at] of Object.entries(legacy?.keys ?? {})) byShard.set(eventShard(key), [...(byShard.get(eventShard(key)) ?? []), [key, at]]);
    for (const [shard, entries] of byShard) {
      const doc = await this.docs.get(JSON.stringify([day, shard]));
      await doc.update((p) => {
        for (const [key, at] of entries) p.keys[key] ??= at;
      });
    }
    await rm(file, { force: true });
  }
}
