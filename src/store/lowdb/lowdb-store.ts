import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import { mkdir, readdir, rm } from 'node:fs/promises';
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
import type { Change, Created, DateRange, FaultHook, PersonalData } from '../../core/store/index.js';
import { DIGEST_WEEKS_KEPT } from '../../core/store/index.js';
import { DataDirLock } from './data-dir-lock.js';
import { DocumentCache } from './document-cache.js';
import { DurableJsonFile, type DurableJsonFileOptions } from './durable-json-file.js';
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
import { layout, LEDGER_SHARDS, ledgerShard, type Layout } from './paths.js';
import { RwLock } from './rw-lock.js';
import { emptyState, StateSchema, type State } from './state-schema.js';
import { removeJournal, replayJournal, writeJournal } from './tx-journal.js';

export interface LowdbStoreOptions {
  dataDir: string;
  now: Date;
  /** History partitions kept in memory (each is one person's month). */
  cacheSize?: number;
  /** Test hook passed to every file adapter. */
  fileOptions?: DurableJsonFileOptions;
  /** Test hook: called between the steps of a transaction's commit; throwing there simulates a crash. */
  faults?: FaultHook;
}

const EVENT_KEY_DAYS = 2;
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
    private readonly fileOptions: DurableJsonFileOptions,
    cacheSize: number,
    private readonly faults: FaultHook | undefined,
  ) {
    this.paths = layout(dataDir);
    this.history = new DocumentCache(cacheSize, (file) => {
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
    this.events = new DocumentCache(EVENT_KEY_DAYS + 1, (day) =>
      this.openDoc(this.paths.events(day), EventKeysPartitionSchema, () => ({ version: 1 as const, day, keys: {} })),
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
    await mkdir(dataDir, { recursive: true });
    const lock = await DataDirLock.acquire(dataDir, options.now);
    try {
      await replayJournal(dataDir);
      const paths = layout(dataDir);
      const fileOptions = options.fileOptions ?? {};
      const state = await JsonDocument.open(new DurableJsonFile(paths.state, StateSchema, { ...fileOptions, pretty: true }), emptyState);
      const store = new LowdbStore(dataDir, lock, state, fileOptions, options.cacheSize ?? 20_000, options.faults);
      await store.pruneEventKeys(options.now);
      return store;
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  private async openDoc<T>(file: string, schema: ZodType<T>, defaults: () => T): Promise<JsonDocument<T>> {
    this.assertOpen();
    await mkdir(path.dirname(file), { recursive: true });
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
  private async mutate<T, R>(doc: JsonDocument<T>, change: (data: T) => R): Promise<R> {
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

  private static readonly peopleOf: Keyed<Person> = (s) => s.people;
  private static readonly teamsOf: Keyed<Team> = (s) => s.teams;

  person(id: string): Person | undefined {
    return this.getIn(LowdbStore.peopleOf, id);
  }
  people(workspace?: string): Person[] {
    return byKey(this.state.data.people).filter((p) => !workspace || p.workspace === workspace);
  }
  createPerson(person: Person): Promise<Created<Person>> {
    return this.createIn(LowdbStore.peopleOf, person.id, person, PersonSchema);
  }
  updatePerson(id: string, change: Change<Person>): Promise<Person | undefined> {
    return this.updateIn(LowdbStore.peopleOf, id, change, PersonSchema, (_, next) => ({ ...next, id }));
  }
  removePerson(id: string): Promise<boolean> {
    return this.removeIn(LowdbStore.peopleOf, id);
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
    const entry = this.state.data.drafts[personId]?.[purpose];
    if (!entry || new Date(entry.expiresAt) <= now) return undefined;
    return clone(entry.data) as T;
  }

  async setDraft(personId: string, purpose: string, data: unknown, expiresAt: Date): Promise<void> {
    const copy = clone(data);
    await this.mutate(this.state, (s) => {
      (s.drafts[personId] ??= {})[purpose] = { expiresAt: expiresAt.toISOString(), data: copy };
    });
  }

  async clearDraft(personId: string, purpose: string): Promise<void> {
    if (!this.state.data.drafts[personId]?.[purpose]) return;
    await this.mutate(this.state, (s) => {
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

  async recordServed(personId: string, served: ServedPrompt): Promise<void> {
    const copy = clone(served);
    await this.changeHistory(personId, served.localDate.slice(0, 7), (p) => {
      p.served = p.served.filter((s) => s.localDate !== copy.localDate);
      p.served.push(copy);
    });
  }

  served(personId: string, range: DateRange): Promise<ServedPrompt[]> {
    return this.collect(personId, range, (p) => p.served);
  }

  async latestServed(personId: string, since: LocalDate): Promise<ServedPrompt[]> {
    const months = [...(await this.knownMonths(personId))].filter((m) => m >= since.slice(0, 7)).sort();
    const latest = new Map<string, ServedPrompt>();
    for (const month of months) {
      for (const s of (await this.partition(personId, month)).data.served) {
        if (s.localDate < since) continue;
        const prev = latest.get(s.promptId);
        if (!prev || s.localDate >= prev.localDate) latest.set(s.promptId, s);
      }
    }
    return [...latest.values()].sort((a, b) => a.localDate.localeCompare(b.localDate)).map(clone);
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
    const old = await this.events.get(yesterday);
    if (old.data.keys[key]) return false;
    const doc = await this.events.get(today);
    return this.mutate(doc, (p) => {
      if (p.keys[key]) return false;
      p.keys[key] = now.toISOString();
      return true;
    });
  }

  private async pruneEventKeys(now: Date): Promise<void> {
    const keep = new Set([0, 1].map((d) => addDays(now.toISOString().slice(0, 10), -d) + '.json'));
    const names = await readdir(this.paths.eventsRoot).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => !keep.has(n)).map((n) => rm(path.join(this.paths.eventsRoot, n), { force: true })));
  }

  // --- nudges --------------------------------------------------------------------------------------

  nudgeState(personId: string): NudgeState {
    const state = this.state.data.nudges.people[personId];
    return state ? clone(state) : emptyNudgeState();
  }

  async updateNudgeState(personId: string, change: Change<NudgeState>): Promise<NudgeState> {
    const current = this.state.data.nudges.people[personId];
    const next = NudgeStateSchema.parse(change(current ? clone(current) : emptyNudgeState()));
    return this.mutate(this.state, (s) => {
      s.nudges.people[personId] = next;
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
    const deliveries: Delivery[] = [];
    for (const date of await this.ledgerDates()) {
      const doc = await this.ledgerDoc(personId, date);
      deliveries.push(...Object.values(doc.data.deliveries).filter((x) => x.personId === personId));
    }
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
      ...(this.state.data.nudges.people[personId] ? { nudges: this.nudgeState(personId) } : {}),
      // Pending answers and notices waiting for the person (a reflection awaiting "replace?", a Discord form).
      ...(this.state.data.drafts[personId] ? { pending: this.state.data.drafts[personId] } : {}),
      mentoring: await this.exportMentoring(personId),
    });
  }

  /** Erases everything of this person. Run it inside a transaction: it changes several files. */
  async erasePerson(personId: string): Promise<void> {
    const prefix = JSON.stringify([personId]).slice(0, -1) + ',';
    await this.removeOnCommit(this.paths.personDir(personId), () => {
      this.history.forgetWhere((k) => k.startsWith(prefix));
      this.months.delete(personId);
    });
    await this.eraseMentoring(personId);
    for (const date of await this.ledgerDates()) {
      const doc = await this.ledgerDoc(personId, date);
      const keys = Object.keys(doc.data.deliveries).filter((k) => doc.data.deliveries[k]!.personId === personId);
      if (keys.length)
        await this.mutate(doc, (p) => {
          for (const k of keys) delete p.deliveries[k];
        });
    }
    await this.mutate(this.state, (s) => {
      delete s.people[personId];
      delete s.drafts[personId];
      delete s.nudges.people[personId];
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
        [this.state, ...this.history.loaded(), ...this.ledger.loaded(), ...this.events.loaded(), ...this.rounds.loaded()]
          .filter((d) => d.busy && d.pinned === 0)
          .map((d) => d.flush()),
      );
      this.closed = true;
      await this.dirLock.release();
    });
  }
}
