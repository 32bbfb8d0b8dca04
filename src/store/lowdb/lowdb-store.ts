import type { ZodType } from 'zod';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DigestWeekSchema, type DigestWeek } from '../../core/model/digest-week.js';
import type { CheckIn, Delivery, Person, Reflection, ServedPrompt, Team } from '../../core/model/index.js';
import { deliveryKey, PersonSchema, TeamSchema, CheckInSchema, ReflectionSchema, DeliverySchema } from '../../core/model/index.js';
import { addDays, monthsBetween, type LocalDate } from '../../core/time.js';
import { emptyNudgeState, NudgeStateSchema, SupportResourcesSchema, type NudgeState, type SupportResources } from '../../core/model/nudges.js';
import type { DateRange, KeyedWrite, PersonalData, Store } from '../store.js';
import { DataDirLock, type DataDirLockOptions } from './data-dir-lock.js';
import { PersonShards, scrubBackup } from './person-shards.js';
import { assertStateBesideHistory, removeLeftoverTemps, TEMP_DIR } from './open-checks.js';
import { DocumentCache } from './document-cache.js';
import { DurableJsonFile, mkdirDurable, syncDir, writeDurable, type DurableJsonFileOptions } from './durable-json-file.js';
import { JsonDocument } from './json-document.js';
import {
  EventKeysPartitionSchema,
  HistoryPartitionSchema,
  LedgerPartitionSchema,
  type EventKeysPartition,
  type HistoryPartition,
  type LedgerPartition,
} from './partition-schemas.js';
import { EVENT_SHARDS, eventShard, layout, LEDGER_SHARDS, ledgerShard, type Layout } from './paths.js';
import { emptyState, StateSchema, type State } from './state-schema.js';
import { MentoringStateSchema, PairRoundSchema, type MentoringState, type PairRound } from '../../core/model/mentoring.js';

export interface LowdbStoreOptions {
  dataDir: string;
  now: Date;
  /** History partitions kept in memory (each is one person's month). */
  cacheSize?: number;
  /** Approximate bytes of history partitions kept in memory: what bounds the cache's memory. */
  cacheBytes?: number;
  /** Test hook passed to every file adapter. */
  fileOptions?: DurableJsonFileOptions;
  /** Days of the delivery ledger kept (ATTUNE_LEDGER_RETENTION_DAYS); older days are deleted at open and each new day. */
  ledgerRetentionDays?: number;
  /** How the data-directory lock decides a holder is gone (tests shorten it). */
  lock?: DataDirLockOptions;
}

const EVENT_KEY_DAYS = 2;
export const DEFAULT_LEDGER_RETENTION_DAYS = 35;
/** The older state.json as it was before its people moved to people/ (kept by the migration). */
const STATE_BACKUP = 'state.v1-backup.json';
/** 64 MB of history in memory: a few thousand person-months, whatever their sizes. */
const DEFAULT_CACHE_BYTES = 64 * 2 ** 20;

/** A month's size in memory, estimated from what it holds (measured: ~1 KB a reflection, ~0.5 KB a check-in, ~0.3 KB a served prompt as objects). */
function historySize(data: unknown): number {
  const p = data as HistoryPartition;
  return 512 + p.reflections.reduce((n, r) => n + 600 + 2 * r.answer.length, 0) + p.checkins.length * 500 + p.served.length * 300;
}
/** Pairing rounds kept in memory: a pool's whole history is read when a round is made. */
const ROUND_CACHE = 200;
/** Frozen digest weeks kept per team: the 8 a digest shows, and a margin for catch-up and time zones. */
const DIGEST_WEEKS_KEPT = 12;

/**
 * The embedded store: lowdb documents over durable JSON files under the data directory.
 * Small state in state.json; history per person and month; the ledger per local date in shards.
 */
export class LowdbStore implements Store {
  private readonly paths: Layout;
  private readonly history: DocumentCache<HistoryPartition>;
  private readonly ledger: DocumentCache<LedgerPartition>;
  private readonly events: DocumentCache<EventKeysPartition>;
  private readonly rounds: DocumentCache<PairRound>;
  private closed = false;
  private readonly months = new Map<string, Set<string>>();

  private constructor(
    readonly dataDir: string,
    private readonly lock: DataDirLock,
    private readonly state: JsonDocument<State>,
    private readonly persons: PersonShards,
    private readonly fileOptions: DurableJsonFileOptions,
    cacheSize: number,
    private readonly ledgerRetentionDays: number,
    cacheBytes: number,
  ) {
    this.paths = layout(dataDir);
    this.history = new DocumentCache({ maxEntries: cacheSize, maxBytes: cacheBytes, sizeOf: historySize }, (file) => {
      const [personId, month] = JSON.parse(file) as [string, string];
      return this.openDoc(this.paths.history(personId, month), HistoryPartitionSchema, () => ({
        version: 1 as const,
        personId,
        month,
        reflections: [],
        checkins: [],
        served: [],
      }));
    });
    this.ledger = new DocumentCache(LEDGER_SHARDS * 8, (key) => {
      const [localDate, shard] = JSON.parse(key) as [string, number];
      return this.openDoc(this.paths.ledger(localDate, shard), LedgerPartitionSchema, () => ({ version: 1 as const, localDate, deliveries: {} }));
    });
    this.events = new DocumentCache((EVENT_KEY_DAYS + 1) * EVENT_SHARDS, (key) => {
      const [day, shard] = JSON.parse(key) as [string, number];
      return this.openDoc(this.paths.events(day, shard), EventKeysPartitionSchema, () => ({ version: 1 as const, day, keys: {} }));
    });
    this.rounds = new DocumentCache(ROUND_CACHE, (key) => {
      const [poolId, slot] = JSON.parse(key) as [string, string];
      return this.openDoc(this.paths.pairRound(poolId, slot), PairRoundSchema, () => ({
        version: 1 as const,
        id: `${poolId}@${slot}`,
        poolId,
        slot,
        createdAt: new Date(0).toISOString(),
        groups: [],
        met: {},
      }));
    });
  }

  /**
   * Opens the store: takes the directory lock, then reads and validates state.json. A bad state file
   * throws StoreFileError (the lock is released, the file untouched).
   */
  static async open(options: LowdbStoreOptions): Promise<LowdbStore> {
    const dataDir = path.resolve(options.dataDir);
    await mkdirDurable(dataDir);
    const lock = await DataDirLock.acquire(dataDir, options.lock);
    try {
      const paths = layout(dataDir);
      await assertStateBesideHistory(dataDir);
      const fileOptions: DurableJsonFileOptions = { ...options.fileOptions, tempDir: path.join(dataDir, TEMP_DIR) };
      await mkdirDurable(fileOptions.tempDir!);
      await removeLeftoverTemps(dataDir);
      const stateFile = new DurableJsonFile(paths.state, StateSchema, { ...fileOptions, pretty: true });
      // A fresh directory gets its state file at once, so history never exists without one (see above).
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
      const store = new LowdbStore(dataDir, lock, state, persons, fileOptions, options.cacheSize ?? 20_000, options.ledgerRetentionDays ?? DEFAULT_LEDGER_RETENTION_DAYS, options.cacheBytes ?? DEFAULT_CACHE_BYTES);
      await store.pruneEventKeys(options.now);
      await store.pruneLedgerBefore(addDays(options.now.toISOString().slice(0, 10), -store.ledgerRetentionDays));
      return store;
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  private async openDoc<T>(file: string, schema: ZodType<T>, defaults: () => T): Promise<JsonDocument<T>> {
    this.assertOpen();
    await mkdirDurable(path.dirname(file));
    return JsonDocument.open(new DurableJsonFile(file, schema, this.fileOptions), defaults);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The store is closed');
  }

  // --- people and teams -------------------------------------------------------------------------

  person(id: string): Person | undefined {
    return this.persons.person(id);
  }

  people(workspace?: string): Person[] {
    return this.persons.people(workspace);
  }

  async savePerson(person: Person): Promise<Person> {
    const valid = PersonSchema.parse(person);
    await this.persons.savePerson(valid);
    return valid;
  }

  team(id: string): Team | undefined {
    return this.state.data.teams[id];
  }

  teams(workspace?: string): Team[] {
    const all = Object.values(this.state.data.teams);
    return workspace ? all.filter((t) => t.workspace === workspace) : all;
  }

  async saveTeam(team: Team): Promise<Team> {
    const valid = TeamSchema.parse(team);
    await this.state.update((s) => {
      s.teams[valid.id] = valid;
    });
    return valid;
  }

  async removeTeam(id: string): Promise<void> {
    await this.state.update((s) => {
      delete s.teams[id];
      delete s.digestWeeks[id];
    });
  }

  draft<T>(personId: string, purpose: string, now: Date): T | undefined {
    const entry = this.persons.draft(personId, purpose);
    if (!entry || new Date(entry.expiresAt) <= now) return undefined;
    return entry.data as T;
  }

  async setDraft(personId: string, purpose: string, data: unknown, expiresAt: Date): Promise<void> {
    await this.persons.setDraft(personId, purpose, { expiresAt: expiresAt.toISOString(), data });
  }

  async clearDraft(personId: string, purpose: string): Promise<void> {
    await this.persons.clearDraft(personId, purpose);
  }

  // --- history ----------------------------------------------------------------------------------

  private partition(personId: string, month: string): Promise<JsonDocument<HistoryPartition>> {
    return this.history.get(JSON.stringify([personId, month]));
  }

  /** Applies a change to one person's month and records that the month now has a file. */
  private async changeHistory<R>(personId: string, month: string, change: (p: HistoryPartition) => R): Promise<R> {
    const doc = await this.partition(personId, month);
    const result = await doc.update(change);
    (await this.knownMonths(personId)).add(month);
    return result;
  }

  /** Months to look in for an idempotency key: the record's own and the one before (a retry across midnight). */
  private async findKeyed<T extends { key?: string | undefined }>(
    personId: string,
    localDate: LocalDate,
    key: string,
    pick: (p: HistoryPartition) => T[],
  ): Promise<T | undefined> {
    const known = await this.knownMonths(personId);
    for (const month of monthsBetween(addDays(localDate, -1), localDate)) {
      if (!known.has(month)) continue;
      const found = pick((await this.partition(personId, month)).data).find((r) => r.key === key);
      if (found) return found;
    }
    return undefined;
  }

  async addReflection(reflection: Reflection): Promise<KeyedWrite<Reflection>> {
    const valid = ReflectionSchema.parse(reflection);
    if (valid.key) {
      const existing = await this.findKeyed(valid.personId, valid.localDate, valid.key, (p) => p.reflections);
      if (existing) return { record: existing, duplicate: true };
    }
    await this.changeHistory(valid.personId, valid.localDate.slice(0, 7), (p) => {
      p.reflections.push(valid);
    });
    return { record: valid, duplicate: false };
  }

  async replaceReflection(reflection: Reflection): Promise<Reflection> {
    const valid = ReflectionSchema.parse(reflection);
    await this.changeHistory(valid.personId, valid.localDate.slice(0, 7), (p) => {
      p.reflections = p.reflections.filter((r) => r.localDate !== valid.localDate);
      p.reflections.push(valid);
    });
    return valid;
  }

  async reflections(personId: string, range: DateRange): Promise<Reflection[]> {
    return this.collect(personId, range, (p) => p.reflections);
  }

  async addCheckIn(checkIn: CheckIn): Promise<KeyedWrite<CheckIn>> {
    const valid = CheckInSchema.parse(checkIn);
    if (valid.key) {
      const existing = await this.findKeyed(valid.personId, valid.localDate, valid.key, (p) => p.checkins);
      if (existing) return { record: existing, duplicate: true };
    }
    await this.changeHistory(valid.personId, valid.localDate.slice(0, 7), (p) => {
      p.checkins.push(valid);
    });
    return { record: valid, duplicate: false };
  }

  async replaceCheckIn(checkIn: CheckIn): Promise<CheckIn> {
    const valid = CheckInSchema.parse(checkIn);
    await this.changeHistory(valid.personId, valid.localDate.slice(0, 7), (p) => {
      p.checkins = p.checkins.filter((c) => c.localDate !== valid.localDate);
      p.checkins.push(valid);
    });
    return valid;
  }

  async checkIns(personId: string, range: DateRange): Promise<CheckIn[]> {
    return this.collect(personId, range, (p) => p.checkins);
  }

  async recordServedPrompt(personId: string, served: ServedPrompt): Promise<void> {
    await this.changeHistory(personId, served.localDate.slice(0, 7), (p) => {
      p.served = p.served.filter((s) => s.localDate !== served.localDate);
      p.served.push(served);
    });
  }

  async servedPrompts(personId: string, range: DateRange): Promise<ServedPrompt[]> {
    return this.collect(personId, range, (p) => p.served);
  }

  async historyMonths(personId: string): Promise<string[]> {
    return [...(await this.knownMonths(personId))].sort();
  }

  /** The months with a file for this person, read from disk once and then kept up to date in memory. */
  private async knownMonths(personId: string): Promise<Set<string>> {
    const cached = this.months.get(personId);
    if (cached) return cached;
    let names: string[] = [];
    try {
      names = await readdir(this.paths.personDir(personId));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const set = new Set(names.filter((n) => /^\d{4}-\d{2}\.json$/.test(n)).map((n) => n.slice(0, 7)));
    this.months.set(personId, set);
    return set;
  }

  private async collect<T extends { localDate: string; at: string }>(
    personId: string,
    range: DateRange,
    pick: (p: HistoryPartition) => T[],
  ): Promise<T[]> {
    if (range.from > range.to) return [];
    const known = await this.knownMonths(personId);
    const out: T[] = [];
    for (const month of monthsBetween(range.from, range.to)) {
      // A month with no file holds nothing; opening it would only fill the cache with empty documents.
      if (!known.has(month)) continue;
      const doc = await this.partition(personId, month);
      for (const r of pick(doc.data)) if (r.localDate >= range.from && r.localDate <= range.to) out.push(r);
    }
    return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  // --- ledger -----------------------------------------------------------------------------------

  private ledgerDoc(personId: string, localDate: LocalDate): Promise<JsonDocument<LedgerPartition>> {
    return this.ledger.get(JSON.stringify([localDate, ledgerShard(personId)]));
  }

  async delivery(personId: string, job: string, localDate: LocalDate): Promise<Delivery | undefined> {
    return (await this.ledgerDoc(personId, localDate)).data.deliveries[deliveryKey(personId, job, localDate)];
  }

  async claimDelivery(delivery: Delivery): Promise<boolean> {
    const valid = DeliverySchema.parse(delivery);
    // A new day's first claim deletes the ledger days that left the retention window (once a day, not on the request path's hot loop).
    if (valid.localDate > this.prunedThrough) void this.pruneLedgerBefore(addDays(valid.localDate, -this.ledgerRetentionDays)).catch(() => undefined);
    const doc = await this.ledgerDoc(valid.personId, valid.localDate);
    const key = deliveryKey(valid.personId, valid.job, valid.localDate);
    // Check and insert in one synchronous step: no other caller in this process can interleave.
    return doc.update((p) => {
      if (p.deliveries[key]) return false;
      p.deliveries[key] = valid;
      return true;
    });
  }

  async updateDelivery(personId: string, job: string, localDate: LocalDate, change: Partial<Delivery>): Promise<Delivery> {
    const doc = await this.ledgerDoc(personId, localDate);
    const key = deliveryKey(personId, job, localDate);
    return doc.update((p) => {
      const current = p.deliveries[key];
      if (!current) throw new Error(`No delivery ${key} to update`);
      const next = DeliverySchema.parse({ ...current, ...change });
      p.deliveries[key] = next;
      return next;
    });
  }

  async deliveriesOn(localDate: LocalDate): Promise<Delivery[]> {
    const out: Delivery[] = [];
    for (let shard = 0; shard < LEDGER_SHARDS; shard++) {
      const doc = await this.ledger.get(JSON.stringify([localDate, shard]));
      out.push(...Object.values(doc.data.deliveries));
    }
    return out;
  }

  // --- event keys -------------------------------------------------------------------------------

  async claimEvent(key: string, now: Date): Promise<boolean> {
    const today = now.toISOString().slice(0, 10);
    const yesterday = addDays(today, -1);
    const shard = eventShard(key);
    const old = await this.events.get(JSON.stringify([yesterday, shard]));
    if (old.data.keys[key]) return false;
    const doc = await this.events.get(JSON.stringify([today, shard]));
    return doc.update((p) => {
      if (p.keys[key]) return false;
      p.keys[key] = now.toISOString();
      return true;
    });
  }

  /** Keys of today and yesterday are kept (24-48 hours); older days, and the older one-file-a-day layout, go. */
  private async pruneEventKeys(now: Date): Promise<void> {
    const keep = new Set([0, 1].map((d) => addDays(now.toISOString().slice(0, 10), -d)));
    const names = await readdir(this.paths.eventsRoot).catch(() => [] as string[]);
    // The older layout kept one file a day: carry its recent keys into the shards so a retry is still recognised.
    for (const name of names.filter((n) => n.endsWith('.json') && keep.has(n.slice(0, -5)))) {
      const legacy = await new DurableJsonFile(path.join(this.paths.eventsRoot, name), EventKeysPartitionSchema).read();
      const byShard = new Map<number, Array<[string, string]>>();
      for (const [key, at] of Object.entries(legacy?.keys ?? {})) byShard.set(eventShard(key), [...(byShard.get(eventShard(key)) ?? []), [key, at]]);
      for (const [shard, entries] of byShard) {
        const doc = await this.events.get(JSON.stringify([name.slice(0, -5), shard]));
        await doc.update((p) => {
          for (const [key, at] of entries) p.keys[key] ??= at;
        });
      }
    }
    await Promise.all(names.filter((n) => !keep.has(n)).map((n) => rm(path.join(this.paths.eventsRoot, n), { recursive: true, force: true })));
  }

  // --- personal data ----------------------------------------------------------------------------

  private async allHistory(personId: string): Promise<HistoryPartition[]> {
    const months = await this.historyMonths(personId);
    return Promise.all(months.map(async (m) => (await this.partition(personId, m)).data));
  }

  /** The latest local date whose retention prune ran. */
  private prunedThrough = '';

  /** Deletes the ledger days before `before` (whole folders: one rename-free rm each). */
  private async pruneLedgerBefore(before: LocalDate): Promise<number> {
    this.prunedThrough = addDays(before, this.ledgerRetentionDays);
    const old = (await this.ledgerDates()).filter((d) => d < before);
    for (const date of old) this.ledger.forgetWhere((k) => k.startsWith(`["${date}"`));
    await Promise.all(old.map((date) => rm(this.paths.ledgerDir(date), { recursive: true, force: true })));
    if (old.length) await syncDir(this.paths.ledgerRoot);
    return old.length;
  }

  private async ledgerDates(): Promise<string[]> {
    return (await readdir(this.paths.ledgerRoot).catch(() => [] as string[])).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort();
  }

  async exportPerson(personId: string): Promise<PersonalData | undefined> {
    const person = this.person(personId);
    if (!person) return undefined;
    const parts = await this.allHistory(personId);
    // Only this person's shard of each retained day (35 by default): a few dozen small files.
    const deliveries = (
      await Promise.all((await this.ledgerDates()).map(async (date) => Object.values((await this.ledgerDoc(personId, date)).data.deliveries).filter((x) => x.personId === personId)))
    ).flat();
    return {
      person,
      teams: this.teams(person.workspace)
        .filter((t) => t.members.some((m) => m.personId === personId) || t.leads.includes(personId))
        .map((t) => ({
          id: t.id,
          name: t.name,
          member: t.members.some((m) => m.personId === personId && !m.to),
          lead: t.leads.includes(personId),
        })),
      reflections: parts.flatMap((p) => p.reflections),
      checkins: parts.flatMap((p) => p.checkins),
      servedPrompts: parts.flatMap((p) => p.served),
      deliveries,
      ...(this.persons.nudgeState(personId) ? { nudges: this.nudgeState(personId) } : {}),
      // Pending answers and notices waiting for the person (a reflection awaiting "replace?", a Discord form).
      ...(this.persons.drafts(personId) ? { pending: structuredClone(this.persons.drafts(personId)) } : {}),
      mentoring: await this.exportMentoring(personId),
    };
  }

  async erasePerson(personId: string): Promise<void> {
    // History first: if this fails half-way the person record still exists and the erase can be retried.
    const prefix = JSON.stringify([personId]).slice(0, -1) + ',';
    this.history.forgetWhere((k) => k.startsWith(prefix));
    this.months.delete(personId);
    await rm(this.paths.personDir(personId), { recursive: true, force: true });
    await this.eraseMentoring(personId);
    await Promise.all(
      (await this.ledgerDates()).map(async (date) => {
        const doc = await this.ledgerDoc(personId, date);
        const keys = Object.keys(doc.data.deliveries).filter((k) => doc.data.deliveries[k]!.personId === personId);
        if (keys.length)
          await doc.update((p) => {
            for (const k of keys) delete p.deliveries[k];
          });
      }),
    );
    await this.state.update((s) => {
      for (const team of Object.values(s.teams)) {
        team.members = team.members.filter((m) => m.personId !== personId);
        team.leads = team.leads.filter((l) => l !== personId);
      }
    });
    // The person record last: while it exists, a failed erase can be retried.
    await this.persons.remove(personId);
    await scrubBackup(path.join(this.dataDir, STATE_BACKUP), personId, (file, body) => writeDurable(file, body, this.fileOptions));
    // A temp copy of a file from before the erase (a write that failed half-way) may still name them.
    await removeLeftoverTemps(this.dataDir);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.allSettled(
      [this.state, ...this.persons.loaded(), ...this.history.loaded(), ...this.ledger.loaded(), ...this.events.loaded(), ...this.rounds.loaded()].filter((d) => d.busy).map((d) => d.flush()),
    );
    this.closed = true;
    await this.lock.release();
  }

  // --- nudges ---------------------------------------------------------------------------------

  nudgeState(personId: string): NudgeState {
    const state = this.persons.nudgeState(personId);
    return state ? structuredClone(state) : emptyNudgeState();
  }

  async saveNudgeState(personId: string, state: NudgeState): Promise<NudgeState> {
    const valid = NudgeStateSchema.parse(state);
    await this.persons.saveNudgeState(personId, valid);
    return structuredClone(valid);
  }

  supportResources(workspace: string): SupportResources | undefined {
    return this.state.data.nudges.resources[workspace];
  }

  async setSupportResources(workspace: string, resources: SupportResources | undefined): Promise<void> {
    const valid = resources && SupportResourcesSchema.parse(resources);
    await this.state.update((s) => {
      if (valid) s.nudges.resources[workspace] = valid;
      else delete s.nudges.resources[workspace];
    });
  }

  // --- mentoring ---

  mentoring(): MentoringState {
    return this.state.data.mentoring;
  }

  async updateMentoring<R>(change: (state: MentoringState) => R): Promise<R> {
    // Work on a copy so a change that throws half-way (or is invalid) leaves memory and disk as they were.
    const draft = structuredClone(this.state.data.mentoring);
    const result = change(draft);
    const valid = MentoringStateSchema.parse(draft);
    await this.state.update((s) => {
      s.mentoring = valid;
    });
    return result;
  }

  async pairRound(poolId: string, slot: LocalDate): Promise<PairRound | undefined> {
    const pool = this.state.data.mentoring.pools[poolId];
    if (!pool?.rounds.some((r) => r.slot === slot)) return undefined;
    return (await this.rounds.get(JSON.stringify([poolId, slot]))).data;
  }

  async pairRounds(poolId: string): Promise<PairRound[]> {
    const pool = this.state.data.mentoring.pools[poolId];
    if (!pool) return [];
    const slots = pool.rounds.map((r) => r.slot).sort();
    return Promise.all(slots.map(async (slot) => (await this.rounds.get(JSON.stringify([poolId, slot]))).data));
  }

  async savePairRound(round: PairRound): Promise<PairRound> {
    const valid = PairRoundSchema.parse(round);
    if (!this.state.data.mentoring.pools[valid.poolId]) throw new Error(`No pairing pool ${valid.poolId}`);
    // The partition first: if the index write fails, saving the same round again repairs it.
    const doc = await this.rounds.get(JSON.stringify([valid.poolId, valid.slot]));
    await doc.update((d) => {
      Object.assign(d, valid);
    });
    const people = new Set(valid.groups.flat()).size;
    await this.updateMentoring((m) => {
      const pool = m.pools[valid.poolId]!;
      pool.rounds = pool.rounds.filter((r) => r.slot !== valid.slot);
      pool.rounds.push({ id: valid.id, slot: valid.slot, createdAt: valid.createdAt, people });
      pool.rounds.sort((a, b) => a.slot.localeCompare(b.slot));
    });
    return valid;
  }

  private async exportMentoring(personId: string) {
    const m = this.state.data.mentoring;
    const involves = (x: { mentorId: string; menteeId: string }) => x.mentorId === personId || x.menteeId === personId;
    const pools = Object.values(m.pools).filter((p) => p.members[personId]);
    const rounds: Array<{ poolId: string; slot: string; with: string[]; met?: unknown }> = [];
    for (const pool of Object.values(m.pools)) {
      for (const round of await this.pairRounds(pool.id)) {
        const group = round.groups.find((g) => g.includes(personId));
        if (group) rounds.push({ poolId: pool.id, slot: round.slot, with: group.filter((id) => id !== personId), ...(round.met[personId] ? { met: round.met[personId] } : {}) });
      }
    }
    return {
      profile: m.profiles[personId] ?? null,
      requests: Object.values(m.requests).filter((r) => r.personId === personId),
      invitations: Object.values(m.invitations).filter(involves),
      matches: Object.values(m.matches).filter(involves),
      pools: pools.map((p) => ({ poolId: p.id, ...p.members[personId] })),
      rounds,
    };
  }

  private async eraseMentoring(personId: string): Promise<void> {
    for (const pool of Object.values(this.state.data.mentoring.pools)) {
      for (const round of await this.pairRounds(pool.id)) {
        if (!round.groups.some((g) => g.includes(personId))) continue;
        const doc = await this.rounds.get(JSON.stringify([pool.id, round.slot]));
        await doc.update((d) => {
          d.groups = d.groups.map((g) => g.filter((id) => id !== personId)).filter((g) => g.length > 0);
          delete d.met[personId];
        });
      }
    }
    await this.updateMentoring((m) => {
      delete m.profiles[personId];
      const involves = (x: { mentorId: string; menteeId: string }) => x.mentorId === personId || x.menteeId === personId;
      for (const [id, r] of Object.entries(m.requests)) {
        if (r.personId === personId) delete m.requests[id];
        else r.tried = r.tried.filter((t) => t !== personId);
      }
      for (const [id, i] of Object.entries(m.invitations)) if (involves(i)) delete m.invitations[id];
      for (const [id, x] of Object.entries(m.matches)) if (involves(x)) delete m.matches[id];
      for (const pool of Object.values(m.pools)) delete pool.members[personId];
    });
  }

  // --- digest ---

  digestWeeks(teamId: string): Record<string, DigestWeek> {
    return this.state.data.digestWeeks[teamId] ?? {};
  }

  async saveDigestWeeks(entries: ReadonlyArray<{ teamId: string; week: DigestWeek }>): Promise<void> {
    const valid = entries.map((e) => ({ teamId: e.teamId, week: DigestWeekSchema.parse(e.week) }));
    if (valid.length === 0) return;
    await this.state.update((s) => {
      for (const { teamId, week } of valid) {
        const weeks = (s.digestWeeks[teamId] ??= {});
        weeks[week.from] ??= week;
        // state.json is rewritten on every small-state write: keep only the weeks a digest can still show.
        const keys = Object.keys(weeks).sort();
        for (const old of keys.slice(0, Math.max(0, keys.length - DIGEST_WEEKS_KEPT))) delete weeks[old];
      }
    });
  }
}
