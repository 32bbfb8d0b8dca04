import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DigestWeekSchema, type DigestWeek } from '../../core/model/digest-week.js';
import { ledgerId, PublishedQuerySchema, type PublishedQuery } from '../../core/model/digest-ledger.js';
import type { CheckIn, Delivery, Person, Reflection, ServedPrompt, Team } from '../../core/model/index.js';
import { deliveryKey, PersonSchema, TeamSchema, CheckInSchema, ReflectionSchema, DeliverySchema } from '../../core/model/index.js';
import { addDays, monthsBetween, type LocalDate } from '../../core/time.js';
import { emptyNudgeState, NudgeStateSchema, SupportResourcesSchema, type NudgeState, type SupportResources } from '../../core/model/nudges.js';
import {
  MentorInvitationSchema,
  MentorMatchSchema,
  MentorProfileSchema,
  MentorRequestSchema,
  PairPoolSchema,
  PairRoundSchema,
  type MentoringState,
  type PairPool,
  type PairRound,
} from '../../core/model/mentoring.js';
import { PeerPracticeSchema, PersonPracticeRecordSchema, ThanksSchema } from '../../core/model/practice.js';
import type { Change, Created, DateRange, FaultHook, PersonalData } from '../../core/store/index.js';
import { DIGEST_WEEKS_KEPT } from '../../core/store/index.js';
import { DataDirLock, type DataDirLockOptions } from './data-dir-lock.js';
import { assertStateBesideHistory, removeLeftoverTemps, TEMP_DIR } from './open-checks.js';
import { PersonShards, scrubBackup, type PersonShard } from './person-shards.js';
import { applyServed, latestSince, SERVED_INDEX_FILE, ServedIndexSchema, type ServedIndex } from './served-index.js';
import { DocumentCache } from './document-cache.js';
import { DurableJsonFile, mkdirDurable, syncDir, writeDurable, type DurableJsonFileOptions } from './durable-json-file.js';
import { JsonDocument } from './json-document.js';
import { KeyedMutex } from './keyed-mutex.js';
import {
  EventKeysPartitionSchema,
  HistoryPartitionSchema,
  LedgerPartitionSchema,
  type EventKeysPartition,
  type HistoryPartition,
  type LedgerPartition,
} from './partition-schemas.js';
import { EVENT_SHARDS, eventShard, layout, LEDGER_SHARDS, ledgerShard, type Layout } from './paths.js';
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
  /** Test hook passed to every file adapter. */
  fileOptions?: DurableJsonFileOptions;
  /** Days of the delivery ledger kept (ATTUNE_LEDGER_RETENTION_DAYS); older days are deleted at open and each new day. */
  ledgerRetentionDays?: number;
  /** How the data-directory lock decides a holder is gone (tests shorten it). */
  lock?: DataDirLockOptions;
  /** Test hook: called between the steps of a transaction's commit; throwing there simulates a crash. */
  faults?: FaultHook;
}

const EVENT_KEY_DAYS = 2;
/** Served-prompt indexes kept in memory (a few KB each). */
const SERVED_INDEX_CACHE = 10_000;
export const DEFAULT_LEDGER_RETENTION_DAYS = 35;
/** The older state.json as it was before its people moved to people/ (kept by the migration). */
const STATE_BACKUP = 'state.v1-backup.json';
/** 64 MB of history in memory: a few thousand person-months, whatever their sizes. */
const DEFAULT_CACHE_BYTES = 64 * 2 ** 20;

/** A month's size in memory, estimated from what it holds (~1 KB a reflection, ~0.5 KB a check-in, ~0.3 KB a served prompt as objects). */
function historySize(data: unknown): number {
  const p = data as HistoryPartition;
  return 512 + p.reflections.reduce((n, r) => n + 600 + 2 * r.answer.length, 0) + p.checkins.length * 500 + p.served.length * 300;
}
/** Pairing rounds kept in memory: a pool's whole history is read when a round is made. */
const ROUND_CACHE = 200;

/** The open transaction: documents changed in memory (with their data before), and paths to remove at commit. */
interface Tx {
  dirty: Map<JsonDocument<unknown>, unknown>;
  removes: string[];
  afterCommit: Array<() => void>;
}

type Keyed<T> = (s: State) => Record<string, T>;

const clone = <T>(x: T): T => structuredClone(x);
const byKey = <T>(map: Record<string, T>): T[] =>
  Object.keys(map)
    .sort()
    .map((k) => clone(map[k]!));
const fits = (record: object, query: object | undefined): boolean =>
  !query || Object.entries(query).every(([k, v]) => v === undefined || (record as Record<string, unknown>)[k] === v);

/**
 * The embedded engine: lowdb documents over durable JSON files under the data directory. Small state
 * in state.json; history per person and month; the ledger per local date in shards; pairing rounds
 * one file each. Single reads and writes share a lock that a transaction holds alone; a transaction
 * changes documents in memory only, then commits them together (through an intent journal when it
 * changed more than one file).
 */
export class LowdbStore {
  private readonly paths: Layout;
  private readonly history: DocumentCache<HistoryPartition>;
  private readonly ledger: DocumentCache<LedgerPartition>;
  private readonly events: DocumentCache<EventKeysPartition>;
  private readonly rounds: DocumentCache<PairRound>;
  /** Each person's served-prompt index (history/<person>/served-index.json), by person id. */
  private readonly servedIndexes: DocumentCache<ServedIndex>;
  private closed = false;
  /** Set when a commit failed after its journal was written: memory and disk disagree until a reopen replays it. */
  private broken: Error | undefined;
  private readonly months = new Map<string, Set<string>>();
  private readonly lock = new RwLock();
  private readonly txs = new AsyncLocalStorage<Tx>();
  private readonly personLocks = new KeyedMutex();

  private constructor(
    readonly dataDir: string,
    private readonly dirLock: DataDirLock,
    private readonly state: JsonDocument<State>,
    private readonly persons: PersonShards,
    private readonly fileOptions: DurableJsonFileOptions,
    cacheSize: number,
    private readonly faults: FaultHook | undefined,
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
    this.servedIndexes = new DocumentCache({ maxEntries: SERVED_INDEX_CACHE }, (personId) =>
      this.openDoc(path.join(this.paths.personDir(personId), SERVED_INDEX_FILE), ServedIndexSchema, () => ({ version: 1 as const, personId, complete: false, latest: {}, earlier: {} })),
    );
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
   * Opens the store: takes the directory lock, finishes a transaction a crash interrupted, then reads
   * and validates state.json. A bad state file throws StoreFileError (the lock is released, the file untouched).
   */
  static async open(options: LowdbStoreOptions): Promise<LowdbStore> {
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
      const retention = options.ledgerRetentionDays ?? DEFAULT_LEDGER_RETENTION_DAYS;
      const store = new LowdbStore(dataDir, lock, state, persons, fileOptions, options.cacheSize ?? 20_000, options.faults, retention, options.cacheBytes ?? DEFAULT_CACHE_BYTES);
      await store.pruneEventKeys(options.now);
      await store.pruneLedgerBefore(addDays(options.now.toISOString().slice(0, 10), -retention));
      return store;
    } catch (err) {
      await lock.release();
      throw err;
    }
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

  // --- locking and transactions ------------------------------------------------------------------

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

  private rollback(tx: Tx): void {
    for (const [doc, before] of tx.dirty) {
      doc.reset(before);
      doc.pinned--;
    }
    // Months added by the rolled-back writes are re-read from disk when next needed.
    this.months.clear();
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
    try {
      for (const [i, doc] of docs.entries()) {
        await this.fault(`write-${i}`);
        await doc.flush();
      }
      for (const target of tx.removes) {
        await this.fault('remove');
        await rm(target, { recursive: true, force: true });
      }
      await this.fault('before-journal-removed');
      await removeJournal(this.dataDir);
    } catch (err) {
      // The journal is durable: a reopen finishes this commit. Until then nothing may read or write.
      this.broken = err as Error;
      throw err;
    } finally {
      for (const doc of docs) doc.pinned--;
    }
    for (const done of tx.afterCommit) done();
  }

  private removeOnCommit(target: string, after: () => void): Promise<void> | void {
    const tx = this.txs.getStore();
    if (!tx) return rm(target, { recursive: true, force: true }).then(after);
    tx.removes.push(target);
    tx.afterCommit.push(after);
  }

  // --- records in state.json ----------------------------------------------------------------------

  private getIn<T>(pick: Keyed<T>, id: string): T | undefined {
    const found = pick(this.state.data)[id];
    return found === undefined ? undefined : clone(found);
  }

  private async createIn<T>(pick: Keyed<T>, id: string, record: T, schema: ZodType<T>): Promise<Created<T>> {
    const valid = schema.parse(record);
    return this.mutate(this.state, (s) => {
      const map = pick(s);
      const existing = map[id];
      if (existing !== undefined) return { record: clone(existing), created: false };
      map[id] = valid;
      return { record: clone(valid), created: true };
    });
  }

  private async updateIn<T>(pick: Keyed<T>, id: string, change: Change<T>, schema: ZodType<T>, keep?: (current: T, next: T) => T): Promise<T | undefined> {
    const current = pick(this.state.data)[id];
    if (current === undefined) return undefined;
    const copy = clone(current);
    const proposed = change(copy);
    if (proposed === copy) return clone(current);
    const next = schema.parse(keep ? keep(current, proposed) : proposed);
    // Validation above and the assignment below are synchronous with the read: nothing interleaves.
    return this.mutate(this.state, (s) => {
      pick(s)[id] = next;
      return clone(next);
    });
  }

  private async removeIn<T>(pick: Keyed<T>, id: string, alsoDo?: (s: State) => void): Promise<boolean> {
    if (pick(this.state.data)[id] === undefined) return false;
    return this.mutate(this.state, (s) => {
      delete pick(s)[id];
      alsoDo?.(s);
      return true;
    });
  }

  // --- people and teams ----------------------------------------------------------------------------

  private static readonly teamsOf: Keyed<Team> = (s) => s.teams;

  // People live in people/<shard>.json (with their drafts and nudge state): a write rewrites one small shard.
  private personDoc(id: string): JsonDocument<PersonShard> {
    return this.persons.doc(id);
  }
  person(id: string): Person | undefined {
    const found = this.persons.person(id);
    return found && clone(found);
  }
  people(workspace?: string): Person[] {
    return this.persons.people(workspace).map(clone);
  }
  async createPerson(person: Person): Promise<Created<Person>> {
    const valid = PersonSchema.parse(person);
    return this.mutate(this.personDoc(valid.id), (s) => {
      const existing = s.people[valid.id];
      if (existing) return { record: clone(existing), created: false };
      s.people[valid.id] = valid;
      return { record: clone(valid), created: true };
    });
  }
  async updatePerson(id: string, change: Change<Person>): Promise<Person | undefined> {
    const doc = this.personDoc(id);
    const current = doc.data.people[id];
    if (!current) return undefined;
    const copy = clone(current);
    const proposed = change(copy);
    if (proposed === copy) return clone(current);
    const next = PersonSchema.parse({ ...proposed, id });
    return this.mutate(doc, (s) => {
      s.people[id] = next;
      return clone(next);
    });
  }
  async removePerson(id: string): Promise<boolean> {
    const doc = this.personDoc(id);
    if (!doc.data.people[id]) return false;
    return this.mutate(doc, (s) => {
      delete s.people[id];
      return true;
    });
  }

  team(id: string): Team | undefined {
    return this.getIn(LowdbStore.teamsOf, id);
  }
  teams(workspace?: string): Team[] {
    return byKey(this.state.data.teams).filter((t) => !workspace || t.workspace === workspace);
  }
  createTeam(team: Team): Promise<Created<Team>> {
    return this.createIn(LowdbStore.teamsOf, team.id, team, TeamSchema);
  }
  updateTeam(id: string, change: Change<Team>): Promise<Team | undefined> {
    return this.updateIn(LowdbStore.teamsOf, id, change, TeamSchema, (_, next) => ({ ...next, id }));
  }
  async removeTeam(id: string): Promise<boolean> {
    const s = this.state.data;
    if (!s.teams[id] && !s.digestWeeks[id]) return false;
    return this.mutate(this.state, (d) => {
      const existed = Boolean(d.teams[id]);
      delete d.teams[id];
      delete d.digestWeeks[id];
      return existed;
    });
  }

  // --- drafts --------------------------------------------------------------------------------------

  draft<T>(personId: string, purpose: string, now: Date): T | undefined {
    const entry = this.personDoc(personId).data.drafts[personId]?.[purpose];
    if (!entry || new Date(entry.expiresAt) <= now) return undefined;
    return clone(entry.data) as T;
  }

  async setDraft(personId: string, purpose: string, data: unknown, expiresAt: Date): Promise<void> {
    const copy = clone(data);
    await this.mutate(this.personDoc(personId), (s) => {
      (s.drafts[personId] ??= {})[purpose] = { expiresAt: expiresAt.toISOString(), data: copy };
    });
  }

  async clearDraft(personId: string, purpose: string): Promise<void> {
    if (!this.personDoc(personId).data.drafts[personId]?.[purpose]) return;
    await this.mutate(this.personDoc(personId), (s) => {
      delete s.drafts[personId]?.[purpose];
      if (s.drafts[personId] && Object.keys(s.drafts[personId]).length === 0) delete s.drafts[personId];
    });
  }

  // --- history -------------------------------------------------------------------------------------

  private partition(personId: string, month: string): Promise<JsonDocument<HistoryPartition>> {
    return this.history.get(JSON.stringify([personId, month]));
  }

  /** Applies a change to one person's month and records that the month now has a file. */
  private async changeHistory<R>(personId: string, month: string, change: (p: HistoryPartition) => R): Promise<R> {
    const doc = await this.partition(personId, month);
    const result = await this.mutate(doc, change);
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
      if (found) return clone(found);
    }
    return undefined;
  }

  /** Adds a keyed record once: the look-up and the write run alone for the person. */
  private addKeyed<T extends { personId: string; localDate: string; key?: string | undefined }>(
    valid: T,
    pick: (p: HistoryPartition) => T[],
  ): Promise<Created<T>> {
    return this.personLocks.run(valid.personId, async () => {
      if (valid.key) {
        const existing = await this.findKeyed(valid.personId, valid.localDate, valid.key, pick);
        if (existing) return { record: existing, created: false };
      }
      await this.changeHistory(valid.personId, valid.localDate.slice(0, 7), (p) => {
        pick(p).push(valid);
      });
      return { record: clone(valid), created: true };
    });
  }

  addReflection(reflection: Reflection): Promise<Created<Reflection>> {
    return this.addKeyed(ReflectionSchema.parse(reflection), (p) => p.reflections);
  }

  async replaceReflection(reflection: Reflection): Promise<Reflection> {
    const valid = ReflectionSchema.parse(reflection);
    await this.changeHistory(valid.personId, valid.localDate.slice(0, 7), (p) => {
      p.reflections = p.reflections.filter((r) => r.localDate !== valid.localDate);
      p.reflections.push(valid);
    });
    return clone(valid);
  }

  reflections(personId: string, range: DateRange): Promise<Reflection[]> {
    return this.collect(personId, range, (p) => p.reflections);
  }

  addCheckIn(checkIn: CheckIn): Promise<Created<CheckIn>> {
    return this.addKeyed(CheckInSchema.parse(checkIn), (p) => p.checkins);
  }

  async replaceCheckIn(checkIn: CheckIn): Promise<CheckIn> {
    const valid = CheckInSchema.parse(checkIn);
    await this.changeHistory(valid.personId, valid.localDate.slice(0, 7), (p) => {
      p.checkins = p.checkins.filter((c) => c.localDate !== valid.localDate);
      p.checkins.push(valid);
    });
    return clone(valid);
  }

  checkIns(personId: string, range: DateRange): Promise<CheckIn[]> {
    return this.collect(personId, range, (p) => p.checkins);
  }

  /** The person's served-prompt index, built once from their months when it does not exist yet (data from an older layout). */
  private async servedIndex(personId: string): Promise<JsonDocument<ServedIndex>> {
    const doc = await this.servedIndexes.get(personId);
    if (doc.data.complete) return doc;
    const built: ServedIndex = { version: 1, personId, complete: true, latest: {}, earlier: {} };
    for (const month of [...(await this.knownMonths(personId))].sort()) for (const s of (await this.partition(personId, month)).data.served) applyServed(built, s);
    // A derived index: written directly (outside any transaction); rebuilt from the months if it is ever lost.
    await doc.update((d) => {
      if (!d.complete) Object.assign(d, built);
    });
    return doc;
  }

  async recordServed(personId: string, served: ServedPrompt): Promise<void> {
    const copy = clone(served);
    // The index first: a crash between the two leaves it naming a prompt the month lacks, and rotation
    // then simply treats that prompt as served today, which it was about to be.
    const index = await this.servedIndex(personId);
    await this.mutate(index, (i) => applyServed(i, copy));
    await this.changeHistory(personId, served.localDate.slice(0, 7), (p) => {
      p.served = p.served.filter((s) => s.localDate !== copy.localDate);
      p.served.push(copy);
    });
  }

  served(personId: string, range: DateRange): Promise<ServedPrompt[]> {
    return this.collect(personId, range, (p) => p.served);
  }

  async latestServed(personId: string, since: LocalDate): Promise<ServedPrompt[]> {
    return latestSince((await this.servedIndex(personId)).data, since).map(clone);
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
      for (const r of pick(doc.data)) if (r.localDate >= range.from && r.localDate <= range.to) out.push(clone(r));
    }
    return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  // --- ledger --------------------------------------------------------------------------------------

  private ledgerDoc(personId: string, localDate: LocalDate): Promise<JsonDocument<LedgerPartition>> {
    return this.ledger.get(JSON.stringify([localDate, ledgerShard(personId)]));
  }

  async delivery(personId: string, job: string, localDate: LocalDate): Promise<Delivery | undefined> {
    const found = (await this.ledgerDoc(personId, localDate)).data.deliveries[deliveryKey(personId, job, localDate)];
    return found && clone(found);
  }

  async claimDelivery(delivery: Delivery): Promise<boolean> {
    const valid = DeliverySchema.parse(delivery);
    // A new day's first claim deletes the ledger days that left the retention window (once a day).
    if (valid.localDate > this.prunedThrough) void this.pruneLedgerBefore(addDays(valid.localDate, -this.ledgerRetentionDays)).catch(() => undefined);
    const doc = await this.ledgerDoc(valid.personId, valid.localDate);
    const key = deliveryKey(valid.personId, valid.job, valid.localDate);
    // Check and insert in one synchronous step: no other caller in this process can interleave.
    return this.mutate(doc, (p) => {
      if (p.deliveries[key]) return false;
      p.deliveries[key] = valid;
      return true;
    });
  }

  async updateDelivery(personId: string, job: string, localDate: LocalDate, change: Change<Delivery>): Promise<Delivery | undefined> {
    const doc = await this.ledgerDoc(personId, localDate);
    const key = deliveryKey(personId, job, localDate);
    const current = doc.data.deliveries[key];
    if (!current) return undefined;
    const copy = clone(current);
    const proposed = change(copy);
    if (proposed === copy) return clone(current);
    const next = DeliverySchema.parse({ ...proposed, personId, job, localDate });
    return this.mutate(doc, (p) => {
      p.deliveries[key] = next;
      return clone(next);
    });
  }

  async deliveriesOn(localDate: LocalDate): Promise<Delivery[]> {
    const out: Delivery[] = [];
    for (let shard = 0; shard < LEDGER_SHARDS; shard++) {
      const doc = await this.ledger.get(JSON.stringify([localDate, shard]));
      out.push(...Object.values(doc.data.deliveries).map(clone));
    }
    return out;
  }

  /** The latest local date whose retention prune ran. */
  private prunedThrough = '';

  /** Deletes whole ledger days before `before` (the retention window), outside any transaction. */
  private async pruneLedgerBefore(before: LocalDate): Promise<number> {
    this.prunedThrough = addDays(before, this.ledgerRetentionDays);
    const old = (await this.ledgerDates()).filter((d) => d < before);
    for (const date of old) this.ledger.forgetWhere((k) => k.startsWith(`["${date}"`));
    await Promise.all(old.map((date) => rm(this.paths.ledgerDir(date), { recursive: true, force: true })));
    if (old.length) await syncDir(this.paths.ledgerRoot);
    return old.length;
  }

  async pruneLedger(before: LocalDate): Promise<number> {
    let removed = 0;
    for (const date of await this.ledgerDates()) {
      if (date >= before) continue;
      for (let shard = 0; shard < LEDGER_SHARDS; shard++) removed += Object.keys((await this.ledger.get(JSON.stringify([date, shard]))).data.deliveries).length;
      const prefix = JSON.stringify([date]).slice(0, -1) + ',';
      await this.removeOnCommit(this.paths.ledgerDir(date), () => this.ledger.forgetWhere((k) => k.startsWith(prefix)));
    }
    return removed;
  }

  // --- event keys ----------------------------------------------------------------------------------

  async claimEvent(key: string, now: Date): Promise<boolean> {
    const today = now.toISOString().slice(0, 10);
    const yesterday = addDays(today, -1);
    const shard = eventShard(key);
    // Yesterday's shard is read only when that day has keys at all: a read never creates folders.
    if (this.eventDays.has(yesterday) && (await this.events.get(JSON.stringify([yesterday, shard]))).data.keys[key]) return false;
    this.eventDays.add(today);
    const doc = await this.events.get(JSON.stringify([today, shard]));
    return this.mutate(doc, (p) => {
      if (p.keys[key]) return false;
      p.keys[key] = now.toISOString();
      return true;
    });
  }

  /** Keys of today and yesterday are kept (24-48 hours); older days, and the older one-file-a-day layout, go. */
  /** Days with a folder of event keys (kept ones, found at open, and days claimed since). */
  private readonly eventDays = new Set<string>();

  private async pruneEventKeys(now: Date): Promise<void> {
    const keep = new Set([0, 1].map((d) => addDays(now.toISOString().slice(0, 10), -d)));
    const names = await readdir(this.paths.eventsRoot).catch(() => [] as string[]);
    for (const name of names) {
      const day = name.replace(/\.json$/, '');
      if (keep.has(day)) this.eventDays.add(day);
    }
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

  // --- nudges --------------------------------------------------------------------------------------

  nudgeState(personId: string): NudgeState {
    const state = this.persons.nudgeState(personId);
    return state ? clone(state) : emptyNudgeState();
  }

  async updateNudgeState(personId: string, change: Change<NudgeState>): Promise<NudgeState> {
    const current = this.persons.nudgeState(personId);
    const next = NudgeStateSchema.parse(change(current ? clone(current) : emptyNudgeState()));
    return this.mutate(this.personDoc(personId), (s) => {
      s.nudges[personId] = next;
      return clone(next);
    });
  }

  supportResources(workspace: string): SupportResources | undefined {
    const found = this.state.data.nudges.resources[workspace];
    return found && clone(found);
  }

  async setSupportResources(workspace: string, resources: SupportResources | undefined): Promise<void> {
    const valid = resources && SupportResourcesSchema.parse(resources);
    await this.mutate(this.state, (s) => {
      if (valid) s.nudges.resources[workspace] = valid;
      else delete s.nudges.resources[workspace];
    });
  }

  // --- mentoring records ---------------------------------------------------------------------------

  /** Keyed access to one of mentoring's collections in state.json. */
  mentoringRecords<K extends 'profiles' | 'requests' | 'invitations' | 'matches'>(kind: K) {
    type T = MentoringState[K][string];
    const pick = ((s: State) => s.mentoring[kind]) as Keyed<T>;
    const schema = { profiles: MentorProfileSchema, requests: MentorRequestSchema, invitations: MentorInvitationSchema, matches: MentorMatchSchema }[kind] as unknown as ZodType<T>;
    const idOf = (r: T) => (kind === 'profiles' ? (r as { personId: string }).personId : (r as { id: string }).id);
    return {
      get: async (id: string) => this.getIn(pick, id),
      list: async (query?: object) => byKey(pick(this.state.data)).filter((r) => fits(r as object, query)),
      create: (record: T) => this.createIn(pick, idOf(record), record, schema),
      // The key is the record's identity: a change cannot move it to another key.
      update: (id: string, change: Change<T>) =>
        this.updateIn(pick, id, change, schema, (current, next) => ({ ...next, ...(kind === 'profiles' ? { personId: (current as { personId: string }).personId } : { id: (current as { id: string }).id }) })),
      remove: (id: string) => this.removeIn(pick, id),
    };
  }

  // --- practice records ----------------------------------------------------------------------------

  /** Keyed access to one of practice's collections in state.json. */
  practiceRecords<K extends 'people' | 'peers' | 'thanks'>(kind: K) {
    type T = State['practice'][K][string];
    const pick = ((s: State) => s.practice[kind]) as Keyed<T>;
    const schema = { people: PersonPracticeRecordSchema, peers: PeerPracticeSchema, thanks: ThanksSchema }[kind] as unknown as ZodType<T>;
    const idOf = (r: T) => (kind === 'people' ? (r as { personId: string }).personId : (r as { id: string }).id);
    return {
      get: async (id: string) => this.getIn(pick, id),
      list: async (query?: object) => byKey(pick(this.state.data)).filter((r) => fits(r as object, query)),
      create: (record: T) => this.createIn(pick, idOf(record), record, schema),
      update: (id: string, change: Change<T>) => this.updateIn(pick, id, change, schema),
      remove: (id: string) => this.removeIn(pick, id),
    };
  }

  // --- pairing -------------------------------------------------------------------------------------

  private static readonly poolsOf: Keyed<PairPool> = (s) => s.mentoring.pools;

  pool(id: string): PairPool | undefined {
    return this.getIn(LowdbStore.poolsOf, id);
  }
  pools(workspace?: string): PairPool[] {
    return byKey(this.state.data.mentoring.pools).filter((p) => !workspace || p.workspace === workspace);
  }
  createPool(pool: PairPool): Promise<Created<PairPool>> {
    return this.createIn(LowdbStore.poolsOf, pool.id, { ...pool, rounds: [] }, PairPoolSchema);
  }
  updatePool(id: string, change: Change<PairPool>): Promise<PairPool | undefined> {
    // The rounds index belongs to the store: whatever the change did to it, the stored one stays.
    return this.updateIn(LowdbStore.poolsOf, id, change, PairPoolSchema, (current, next) => ({ ...next, id, rounds: current.rounds }));
  }

  private roundDoc(poolId: string, slot: string): Promise<JsonDocument<PairRound>> {
    return this.rounds.get(JSON.stringify([poolId, slot]));
  }

  async pairRound(poolId: string, slot: LocalDate): Promise<PairRound | undefined> {
    const pool = this.state.data.mentoring.pools[poolId];
    if (!pool?.rounds.some((r) => r.slot === slot)) return undefined;
    return clone((await this.roundDoc(poolId, slot)).data);
  }

  async pairRounds(poolId: string): Promise<PairRound[]> {
    const pool = this.state.data.mentoring.pools[poolId];
    if (!pool) return [];
    const slots = pool.rounds.map((r) => r.slot).sort();
    return Promise.all(slots.map(async (slot) => clone((await this.roundDoc(poolId, slot)).data)));
  }

  /** Two files (the round, the pool's index): run it inside a transaction. */
  async createRound(round: PairRound): Promise<Created<PairRound>> {
    const valid = PairRoundSchema.parse(round);
    const pool = this.state.data.mentoring.pools[valid.poolId];
    if (!pool) throw new Error(`No pairing pool ${valid.poolId}`);
    const existing = await this.pairRound(valid.poolId, valid.slot);
    if (existing) return { record: existing, created: false };
    const doc = await this.roundDoc(valid.poolId, valid.slot);
    await this.mutate(doc, (d) => {
      Object.assign(d, clone(valid));
    });
    const people = new Set(valid.groups.flat()).size;
    await this.mutate(this.state, (s) => {
      const p = s.mentoring.pools[valid.poolId]!;
      p.rounds = [...p.rounds.filter((r) => r.slot !== valid.slot), { id: valid.id, slot: valid.slot, createdAt: valid.createdAt, people }].sort((a, b) =>
        a.slot.localeCompare(b.slot),
      );
    });
    return { record: clone(valid), created: true };
  }

  async updateRound(poolId: string, slot: LocalDate, change: Change<PairRound>): Promise<PairRound | undefined> {
    if (!this.state.data.mentoring.pools[poolId]?.rounds.some((r) => r.slot === slot)) return undefined;
    const doc = await this.roundDoc(poolId, slot);
    const current = doc.data;
    const copy = clone(current);
    const proposed = change(copy);
    if (proposed === copy) return clone(current);
    const next = PairRoundSchema.parse({ ...proposed, id: current.id, poolId, slot });
    return this.mutate(doc, (d) => {
      Object.assign(d, next);
      return clone(next);
    });
  }

  // --- digest --------------------------------------------------------------------------------------

  digestWeeks(teamId: string): Record<string, DigestWeek> {
    return clone(this.state.data.digestWeeks[teamId] ?? {});
  }

  async saveDigestWeeks(entries: ReadonlyArray<{ teamId: string; week: DigestWeek; published?: { workspace: string; queries: PublishedQuery[] } }>): Promise<void> {
    const valid = entries.map((e) => ({
      teamId: e.teamId,
      week: DigestWeekSchema.parse(e.week),
      ...(e.published ? { published: { workspace: e.published.workspace, queries: e.published.queries.map((q) => PublishedQuerySchema.parse(q)) } } : {}),
    }));
    if (valid.length === 0) return;
    await this.mutate(this.state, (s) => {
      for (const { teamId, week, published } of valid) {
        const weeks = (s.digestWeeks[teamId] ??= {});
        const fresh = !weeks[week.from];
        weeks[week.from] ??= week;
        // state.json is rewritten on every small-state write: keep only the weeks a digest can still show.
        const keys = Object.keys(weeks).sort();
        for (const old of keys.slice(0, Math.max(0, keys.length - DIGEST_WEEKS_KEPT))) delete weeks[old];
        // Only the write that froze the week records what it published (first write wins, like the week).
        if (fresh && published && published.queries.length) {
          const ledger = (s.digestLedger[published.workspace] ??= {});
          (ledger[week.from] ??= []).push(...published.queries);
          const dates = Object.keys(ledger).sort();
          for (const old of dates.slice(0, Math.max(0, dates.length - DIGEST_WEEKS_KEPT))) delete ledger[old];
        }
      }
    });
  }

  digestLedger(workspace: string, week: LocalDate): PublishedQuery[] {
    return clone(this.state.data.digestLedger[workspace]?.[week] ?? []);
  }


  // --- personal data -------------------------------------------------------------------------------

  private async allHistory(personId: string): Promise<HistoryPartition[]> {
    const months = await this.historyMonths(personId);
    return Promise.all(months.map(async (m) => (await this.partition(personId, m)).data));
  }

  private async ledgerDates(): Promise<string[]> {
    return (await readdir(this.paths.ledgerRoot).catch(() => [] as string[])).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort();
  }

  async exportPerson(personId: string): Promise<PersonalData | undefined> {
    const person = this.person(personId);
    if (!person) return undefined;
    const parts = await this.allHistory(personId);
    // Only this person's shard of each retained day (35 by default): a few dozen small files.
    const deliveries: Delivery[] = (
      await Promise.all((await this.ledgerDates()).map(async (date) => Object.values((await this.ledgerDoc(personId, date)).data.deliveries).filter((x) => x.personId === personId)))
    ).flat();
    return clone({
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
      ...(this.persons.drafts(personId) ? { pending: this.persons.drafts(personId) } : {}),
      mentoring: await this.exportMentoring(personId),
      practice: this.exportPractice(personId),
    });
  }

  /** Erases everything of this person. Run it inside a transaction: it changes several files. */
  async erasePerson(personId: string): Promise<void> {
    const prefix = JSON.stringify([personId]).slice(0, -1) + ',';
    await this.removeOnCommit(this.paths.personDir(personId), () => {
      this.history.forgetWhere((k) => k.startsWith(prefix));
      this.months.delete(personId);
      this.servedIndexes.forget(personId);
    });
    await this.eraseMentoring(personId);
    await this.erasePractice(personId);
    const ledgerDocs = await Promise.all((await this.ledgerDates()).map((date) => this.ledgerDoc(personId, date)));
    for (const doc of ledgerDocs) {
      const keys = Object.keys(doc.data.deliveries).filter((k) => doc.data.deliveries[k]!.personId === personId);
      if (keys.length)
        await this.mutate(doc, (p) => {
          for (const k of keys) delete p.deliveries[k];
        });
    }
    await this.mutate(this.state, (s) => {
      for (const team of Object.values(s.teams)) {
        team.members = team.members.filter((m) => m.personId !== personId);
        team.leads = team.leads.filter((l) => l !== personId);
      }
      // The ledger must keep its shape (what was published stays published) but no longer point at the person.
      for (const [workspace, weeks] of Object.entries(s.digestLedger)) {
        const id = ledgerId(workspace, personId);
        const token = `erased-${randomUUID()}`;
        for (const queries of Object.values(weeks)) for (const q of queries) q.people = q.people.map((p) => (p === id ? token : p));
      }
    });
    await this.mutate(this.personDoc(personId), (s) => {
      delete s.people[personId];
      delete s.drafts[personId];
      delete s.nudges[personId];
    });
    // The migration's backup and any temp copy of a file from before the erase may still name them.
    await scrubBackup(path.join(this.dataDir, STATE_BACKUP), personId, (file, body) => writeDurable(file, body, this.fileOptions));
    await removeLeftoverTemps(this.dataDir);
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

  private exportPractice(personId: string) {
    const p = this.state.data.practice;
    const thanks = Object.values(p.thanks);
    const record = p.people[personId];
    return {
      sessions: record?.sessions ?? [],
      counts: record?.counts ?? {},
      peerSessions: Object.values(p.peers).filter((x) => x.people.includes(personId)),
      thanksSent: thanks.filter((t) => t.from === personId),
      // The words of a thank-you received are the sender's: only when it came.
      thanksReceived: thanks.filter((t) => t.to === personId).map((t) => ({ at: t.at, localDate: t.localDate })),
    };
  }

  private async erasePractice(personId: string): Promise<void> {
    await this.mutate(this.state, (s) => {
      const p = s.practice;
      delete p.people[personId];
      for (const [id, x] of Object.entries(p.peers)) if (x.people.includes(personId)) delete p.peers[id];
      for (const [id, t] of Object.entries(p.thanks)) {
        if (t.from === personId) delete p.thanks[id];
        else if (t.to === personId) delete t.to;
      }
    });
  }

  private async eraseMentoring(personId: string): Promise<void> {
    for (const pool of Object.values(this.state.data.mentoring.pools)) {
      for (const entry of pool.rounds) {
        const doc = await this.roundDoc(pool.id, entry.slot);
        if (!doc.data.groups.some((g) => g.includes(personId))) continue;
        await this.mutate(doc, (d) => {
          d.groups = d.groups.map((g) => g.filter((id) => id !== personId)).filter((g) => g.length > 0);
          delete d.met[personId];
        });
      }
    }
    await this.mutate(this.state, (s) => {
      const m = s.mentoring;
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

  // --- lifecycle -----------------------------------------------------------------------------------

  health(): { ok: boolean; problem?: string } {
    if (this.closed) return { ok: false, problem: 'the store is closed' };
    if (this.broken) return { ok: false, problem: `a transaction could not finish (${this.broken.message}); restart to complete it` };
    return { ok: true };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Waits for a running transaction, then for every write in flight.
    await this.lock.exclusive(async () => {
      await Promise.allSettled(
        [this.state, ...this.persons.loaded(), ...this.servedIndexes.loaded(), ...this.history.loaded(), ...this.ledger.loaded(), ...this.events.loaded(), ...this.rounds.loaded()]
          .filter((d) => d.busy && d.pinned === 0)
          .map((d) => d.flush()),
      );
      this.closed = true;
      await this.dirLock.release();
    });
  }
}
