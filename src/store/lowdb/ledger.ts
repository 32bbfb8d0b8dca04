import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Delivery } from '../../core/model/index.js';
import { deliveryKey, DeliverySchema } from '../../core/model/index.js';
import { addDays, type LocalDate } from '../../core/time.js';
import type { Change, LedgerRepository } from '../../core/store/index.js';
import { DocumentCache } from './document-cache.js';
import { DurableJsonFile, syncDir } from './durable-json-file.js';
import { clone, type LowdbEngine } from './engine.js';
import type { JsonDocument } from './json-document.js';
import { LedgerPartitionSchema, type LedgerPartition } from './partition-schemas.js';
import { LEDGER_SHARDS, ledgerShard } from './paths.js';

export const DEFAULT_LEDGER_RETENTION_DAYS = 35;

const LEDGER_SHARD_FILE = /^s[0-9a-f]{2}\.json$/;

/** The delivery ledger per local date in shards (ledger/<date>/<shard>.json), kept for a retention window. */
export class LowdbLedger implements LedgerRepository {
  private readonly docs: DocumentCache<LedgerPartition>;
  /** The latest local date whose retention prune ran. */
  private prunedThrough = '';

  constructor(
    private readonly engine: LowdbEngine,
    private readonly retentionDays: number,
  ) {
    this.docs = new DocumentCache(LEDGER_SHARDS * 8, (key) => {
      const [localDate, shard] = JSON.parse(key) as [string, number];
      return engine.openDoc(engine.paths.ledger(localDate, shard), LedgerPartitionSchema, () => ({ version: 1 as const, localDate, deliveries: {} }));
    });
    engine.hold(this.docs);
  }

  private doc(personId: string, localDate: LocalDate): Promise<JsonDocument<LedgerPartition>> {
    return this.docs.get(JSON.stringify([localDate, ledgerShard(personId)]));
  }

  async get(personId: string, job: string, localDate: LocalDate): Promise<Delivery | undefined> {
    const found = (await this.doc(personId, localDate)).data.deliveries[deliveryKey(personId, job, localDate)];
    return found && clone(found);
  }

  async claim(delivery: Delivery): Promise<boolean> {
    const valid = DeliverySchema.parse(delivery);
    // A new day's first claim deletes the ledger days that left the retention window (once a day).
    if (valid.localDate > this.prunedThrough) void this.pruneBefore(addDays(valid.localDate, -this.retentionDays)).catch(() => undefined);
    const doc = await this.doc(valid.personId, valid.localDate);
    const key = deliveryKey(valid.personId, valid.job, valid.localDate);
    // Check and insert in one synchronous step: no other caller in this process can interleave.
    return this.engine.mutate(doc, (p) => {
      if (p.deliveries[key]) return false;
      p.deliveries[key] = valid;
      return true;
    });
  }

  async update(personId: string, job: string, localDate: LocalDate, change: Change<Delivery>): Promise<Delivery | undefined> {
    const doc = await this.doc(personId, localDate);
    const key = deliveryKey(personId, job, localDate);
    const current = doc.data.deliveries[key];
    if (!current) return undefined;
    const copy = clone(current);
    const proposed = change(copy);
    if (proposed === copy) return clone(current);
    const next = DeliverySchema.parse({ ...proposed, personId, job, localDate });
    return this.engine.mutate(doc, (p) => {
      p.deliveries[key] = next;
      return clone(next);
    });
  }

  async on(localDate: LocalDate): Promise<Delivery[]> {
    // Only the shards that have a file, or are in memory (a claim of this transaction not yet on disk):
    // the scheduler asks for four days at each start, most of whose 256 shards never had an entry.
    const files = await readdir(this.engine.paths.ledgerDir(localDate)).catch(() => [] as string[]);
    const keys = new Set(files.filter((n) => LEDGER_SHARD_FILE.test(n)).map((n) => JSON.stringify([localDate, parseInt(n.slice(1, 3), 16)])));
    const prefix = JSON.stringify([localDate]).slice(0, -1) + ',';
    for (const key of this.docs.keysWhere((k) => k.startsWith(prefix))) keys.add(key);
    const ordered = [...keys].sort((a, b) => (JSON.parse(a) as [string, number])[1] - (JSON.parse(b) as [string, number])[1]);
    const docs = await Promise.all(ordered.map((key) => this.docs.get(key)));
    return docs.flatMap((doc) => Object.values(doc.data.deliveries).map(clone));
  }

  async prune(before: LocalDate): Promise<number> {
    let removed = 0;
    for (const date of await this.dates()) {
      if (date >= before) continue;
      removed += (await this.on(date)).length;
      const prefix = JSON.stringify([date]).slice(0, -1) + ',';
      await this.engine.removeOnCommit(this.engine.paths.ledgerDir(date), () => this.docs.forgetWhere((k) => k.startsWith(prefix)));
    }
    return removed;
  }

  /** Deletes whole ledger days before `before` (the retention window), outside any transaction. */
  async pruneBefore(before: LocalDate): Promise<number> {
    this.prunedThrough = addDays(before, this.retentionDays);
    const old = (await this.dates()).filter((d) => d < before);
    for (const date of old) this.docs.forgetWhere((k) => k.startsWith(`["${date}"`));
    await Promise.all(old.map((date) => rm(this.engine.paths.ledgerDir(date), { recursive: true, force: true })));
    if (old.length) await syncDir(this.engine.paths.ledgerRoot);
    return old.length;
  }

  /** Deletes the days before the retention window as of `now`, and moves kept days of the older 16-shard layout (at open). */
  async pruneAt(now: Date): Promise<number> {
    const pruned = await this.pruneBefore(addDays(now.toISOString().slice(0, 10), -this.retentionDays));
    for (const date of await this.dates()) {
      const older = (await readdir(this.engine.paths.ledgerDir(date))).filter((n) => /^\d+\.json$/.test(n));
      for (const name of older) await this.adopt(date, path.join(this.engine.paths.ledgerDir(date), name));
      if (older.length) await syncDir(this.engine.paths.ledgerDir(date));
    }
    return pruned;
  }

  /**
   * Moves the deliveries of a file of the older layout into the day's shards, then removes the file. It
   * goes only once its entries are durable in the new shards (an entry already there is kept as it is),
   * so a crash half-way simply runs it again at the next open.
   */
  private async adopt(date: LocalDate, file: string): Promise<void> {
    const legacy = await new DurableJsonFile(file, LedgerPartitionSchema).read();
    const byShard = new Map<number, Delivery[]>();
    for (const d of Object.values(legacy?.deliveries ?? {})) byShard.set(ledgerShard(d.personId), [...(byShard.get(ledgerShard(d.personId)) ?? []), d]);
    await Promise.all(
      [...byShard].map(async ([shard, entries]) => {
        const doc = await this.docs.get(JSON.stringify([date, shard]));
        await doc.update((p) => {
          for (const d of entries) p.deliveries[deliveryKey(d.personId, d.job, d.localDate)] ??= d;
        });
      }),
    );
    await rm(file, { force: true });
  }

  private async dates(): Promise<string[]> {
    return (await readdir(this.engine.paths.ledgerRoot).catch(() => [] as string[])).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort();
  }

  /** The person's deliveries of every retained day: only their shard of each day. */
  async ofPerson(personId: string): Promise<Delivery[]> {
    return (
      await Promise.all((await this.dates()).map(async (date) => Object.values((await this.doc(personId, date)).data.deliveries).filter((x) => x.personId === personId)))
    ).flat();
  }

  /** Removes the person's entries from every retained day (part of an erasure). */
  async erase(personId: string): Promise<void> {
    const docs = await Promise.all((await this.dates()).map((date) => this.doc(personId, date)));
    for (const doc of docs) {
      const keys = Object.keys(doc.data.deliveries).filter((k) => doc.data.deliveries[k]!.personId === personId);
      if (keys.length)
        await this.engine.mutate(doc, (p) => {
          for (const k of keys) delete p.deliveries[k];
        });
    }
  }
}
