import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { addDays } from '../../core/time.js';
import type { EventsRepository } from '../../core/store/index.js';
import { DurableJsonFile, mkdirDurable } from './durable-json-file.js';
import type { LowdbEngine } from './engine.js';
import { KeyedMutex } from './keyed-mutex.js';
import { appendLine, cutTornLine, parseLines, readLines } from './line-file.js';
import { EventKeysPartitionSchema } from './partition-schemas.js';
import { EVENT_SHARDS, eventShard } from './paths.js';

const EVENT_KEY_DAYS = 2;

/** One claimed event key: a line of events/<day>/<shard>.log. */
export const EventKeyLineSchema = z.object({ k: z.string().min(1), at: z.string() }).strict();
type EventKeyLine = z.infer<typeof EventKeyLineSchema>;

/** A shard's keys in memory, and whether its log file exists yet. */
interface Shard {
  keys: Map<string, string>;
  exists: boolean;
}

/**
 * Platform event keys by UTC day, sharded (events/<day>/<shard>.log): a claim appends one line to a small
 * file and fdatasyncs it (no temp file, rename or directory fsync once the file exists), so it costs the
 * same with 50,000 keys that day as with none. A day's keys go with its folder after two days.
 */
export class LowdbEvents implements EventsRepository {
  private readonly shards = new Map<string, Promise<Shard>>();
  private readonly shardLocks = new KeyedMutex();
  /** Days with a folder of event keys (kept ones, found at open, and days claimed since). */
  private readonly days = new Set<string>();

  constructor(private readonly engine: LowdbEngine) {}

  private logFile(day: string, shard: number): string {
    return path.join(this.engine.paths.eventsDay(day), eventLogFile(shard));
  }

  /** A shard's keys: its log, and the JSON shard the previous layout wrote (read only; it goes with its day). */
  private shard(day: string, shard: number): Promise<Shard> {
    const id = `${day}|${shard}`;
    let found = this.shards.get(id);
    if (!found) {
      found = this.load(day, shard);
      this.shards.set(id, found);
      // Only today's and yesterday's are ever asked for: older days fall out as the days turn.
      found.catch(() => this.shards.delete(id));
      if (this.shards.size > (EVENT_KEY_DAYS + 1) * EVENT_SHARDS) this.shards.delete(this.shards.keys().next().value!);
    }
    return found;
  }

  private async load(day: string, shard: number): Promise<Shard> {
    const keys = new Map<string, string>();
    const legacy = await new DurableJsonFile(this.engine.paths.events(day, shard), EventKeysPartitionSchema).read();
    for (const [k, at] of Object.entries(legacy?.keys ?? {})) keys.set(k, at);
    const file = this.logFile(day, shard);
    const read = await readLines(file, (text) => parseEventLog(file, text));
    if (read.torn) await cutTornLine(file, read.wholeBytes);
    for (const line of read.lines) if (!keys.has(line.k)) keys.set(line.k, line.at);
    return { keys, exists: read.lines.length > 0 || read.torn };
  }

  async claim(key: string, now: Date): Promise<boolean> {
    const today = now.toISOString().slice(0, 10);
    const yesterday = addDays(today, -1);
    const shard = eventShard(key);
    // Yesterday's shard is read only when that day has keys at all: a read never creates folders.
    if (this.days.has(yesterday) && (await this.shard(yesterday, shard)).keys.has(key)) return false;
    return this.shardLocks.run(`${today}|${shard}`, async () => {
      const s = await this.shard(today, shard);
      if (s.keys.has(key)) return false;
      const at = now.toISOString();
      if (!s.exists) await mkdirDurable(this.engine.paths.eventsDay(today));
      await appendLine(this.logFile(today, shard), JSON.stringify({ k: key, at } satisfies EventKeyLine), { created: !s.exists });
      s.exists = true;
      s.keys.set(key, at);
      this.days.add(today);
      return true;
    });
  }

  async live(now: Date): Promise<Array<{ key: string; claimedAt: Date }>> {
    const today = now.toISOString().slice(0, 10);
    const out: Array<{ key: string; claimedAt: Date }> = [];
    // A key lives from its claim until the end of the next UTC day (24-48 hours): today's and yesterday's.
    for (const day of [addDays(today, -1), today]) {
      if (!this.days.has(day)) continue;
      const shards = await Promise.all(Array.from({ length: EVENT_SHARDS }, (_, shard) => this.shard(day, shard)));
      for (const s of shards) for (const [key, at] of s.keys) out.push({ key, claimedAt: new Date(at) });
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
    await mkdirDurable(this.engine.paths.eventsDay(day));
    const byShard = new Map<number, Array<[string, string]>>();
    for (const [key, at] of Object.entries(legacy?.keys ?? {})) byShard.set(eventShard(key), [...(byShard.get(eventShard(key)) ?? []), [key, at]]);
    // One append per shard (not per key): a day of 50,000 keys moves in about a thousand writes.
    for (const [shard, entries] of byShard) {
      const s = await this.shard(day, shard);
      const fresh = entries.filter(([key]) => !s.keys.has(key));
      if (!fresh.length) continue;
      await appendLine(this.logFile(day, shard), fresh.map(([k, at]) => JSON.stringify({ k, at } satisfies EventKeyLine)).join('\n'), { created: !s.exists });
      s.exists = true;
      for (const [k, at] of fresh) s.keys.set(k, at);
    }
    await rm(file, { force: true });
  }
}

/** A shard's log file name: `s` and three hex digits (`.json` beside it is the previous layout's shard). */
export const eventLogFile = (shard: number) => `s${shard.toString(16).padStart(3, '0')}.log`;

export function parseEventLog(file: string, text: string) {
  return parseLines<EventKeyLine>(file, text, () => EventKeyLineSchema);
}
