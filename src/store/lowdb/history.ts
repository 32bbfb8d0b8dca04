import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CheckIn, Reflection, ServedPrompt } from '../../core/model/index.js';
import { CheckInSchema, ReflectionSchema } from '../../core/model/index.js';
import { addDays, monthsBetween, type LocalDate } from '../../core/time.js';
import type { Created, DateRange, HistoryRepository, WeekSummary } from '../../core/store/index.js';
import { DocumentCache } from './document-cache.js';
import { clone, type LowdbEngine } from './engine.js';
import type { JsonDocument } from './json-document.js';
import { KeyedMutex } from './keyed-mutex.js';
import { HistoryPartitionSchema, type HistoryPartition } from './partition-schemas.js';
import { monthWeeks, summariesOf, type MonthWeeks } from './week-partials.js';
import { applyMonthLog, LOG_LIMIT, MONTH_LOG, MonthLog, parseMonthLog, readMonthLog, type MonthLogLine } from './month-log.js';
import { appendLine, cutTornLine } from './line-file.js';
import { mkdirDurable, readTextOrEmpty } from './durable-json-file.js';
import { applyServed, latestSince, SERVED_INDEX_FILE, ServedIndexSchema, type ServedIndex } from './served-index.js';

/**
 * Served-prompt indexes kept in memory: ~38 KB each as objects at a year, so 10,000 of them held ~190 MB
 * after one daily-prompt pass over 5,000 people (bench/scale.md, daily-prompt-rss).
 */
const SERVED_INDEX_CACHE = 1_000;
/**
 * 32 MB of history in memory: a couple of thousand person-months, whatever their sizes. At 64 MB the
 * daily-prompt pass over 5,000 people ended at 335 MB RSS; at 32 MB at 234 MB (goal: under 300).
 */
export const DEFAULT_CACHE_BYTES = 32 * 2 ** 20;

/** A month's size in memory, estimated from what it holds (~1 KB a reflection, ~0.5 KB a check-in, ~0.3 KB a served prompt, ~0.4 KB a week's sums as objects). */
function historySize(data: unknown): number {
  const p = data as HistoryPartition;
  const weeks = Object.values(p.weeks ?? {}).reduce((n, teams) => n + Object.keys(teams).length, 0);
  return 512 + p.reflections.reduce((n, r) => n + 600 + 2 * r.answer.length, 0) + p.checkins.length * 500 + p.served.length * 300 + weeks * 400;
}

export interface HistoryCacheLimits {
  /** History partitions kept in memory (each is one person's month). */
  cacheSize: number;
  /** Approximate bytes of history partitions kept in memory. */
  cacheBytes: number;
}

/** History per person and month (history/<person>/<YYYY-MM>.json), with each person's served-prompt index beside it. */
export class LowdbHistory implements HistoryRepository {
  private readonly partitions: DocumentCache<HistoryPartition>;
  /** Each person's served-prompt index (history/<person>/served-index.json), by person id. */
  private readonly servedIndexes: DocumentCache<ServedIndex>;
  private readonly knownMonthsByPerson = new Map<string, Set<string>>();
  private readonly personLocks = new KeyedMutex();
  private readonly logs = new WeakMap<JsonDocument<HistoryPartition>, MonthLog>();
  private readonly monthLocks = new KeyedMutex();

  constructor(
    private readonly engine: LowdbEngine,
    limits: HistoryCacheLimits,
  ) {
    const paths = engine.paths;
    this.partitions = new DocumentCache({ maxEntries: limits.cacheSize, maxBytes: limits.cacheBytes, sizeOf: historySize }, (file) =>
      // Never beside an append to the month that does not load it (appendCold): the log must be read whole.
      this.monthLocks.run(file, () => this.loadMonth(file)),
    );
    this.servedIndexes = new DocumentCache({ maxEntries: SERVED_INDEX_CACHE }, (personId) =>
      engine.openDoc(path.join(paths.personDir(personId), SERVED_INDEX_FILE), ServedIndexSchema, () => ({
        version: 1 as const,
        personId,
        complete: false,
        latest: {},
        earlier: {},
      })),
    );
    engine.hold(this.partitions);
    engine.hold(this.servedIndexes);
    // Months added by rolled-back writes are re-read from disk when next needed.
    engine.onRollback(() => this.knownMonthsByPerson.clear());
  }

  /** A month from its JSON file and the lines of its log the file does not hold yet. */
  private async loadMonth(file: string): Promise<JsonDocument<HistoryPartition>> {
    const [personId, month] = JSON.parse(file) as [string, string];
    const paths = this.engine.paths;
    const doc = await this.engine.openDoc(paths.history(personId, month), HistoryPartitionSchema, () => ({
      version: 1 as const,
      personId,
      month,
      reflections: [],
      checkins: [],
      served: [],
    }));
    const logFile = paths.historyLog(personId, month);
    const read = await readMonthLog(logFile);
    if (read.torn) await cutTornLine(logFile, read.wholeBytes);
    const log = new MonthLog(logFile, read, doc.data.logSeq ?? 0);
    applyMonthLog(doc.data, read.lines);
    doc.watchWrites(
      (d) => d.logSeq ?? 0,
      (seq) => (log.durableSeq = Math.max(log.durableSeq, seq)),
    );
    this.logs.set(doc, log);
    return doc;
  }

  /**
   * Appends an answer to a month that is not in memory without loading it: reading and validating a
   * 10 KB month (and the collections that follow) was most of a check-in's cost at a year. The month's
   * files are read as text only: its idempotency keys are looked for as they are written (a key found, or
   * anything unexpected, and the caller takes the loading path instead, so this never decides alone that
   * an answer is a retry), and the next line number is taken from the file's `logSeq` and the log's lines.
   * Runs under the month's lock, which loading takes too, so no load reads the log half-written.
   */
  private appendCold<T extends { personId: string; localDate: string; key?: string | undefined }>(
    valid: T,
    pick: (p: HistoryPartition) => T[],
    line: (seq: number) => MonthLogLine,
  ): Promise<boolean> {
    const month = valid.localDate.slice(0, 7);
    const key = JSON.stringify([valid.personId, month]);
    return this.monthLocks.run(key, async () => {
      if (this.engine.inTransaction || this.partitions.has(key)) return false;
      const paths = this.engine.paths;
      const [json, logText] = await Promise.all([readTextOrEmpty(paths.history(valid.personId, month)), readTextOrEmpty(paths.historyLog(valid.personId, month))]);
      if (valid.key) {
        const needle = `"key":${JSON.stringify(valid.key)}`;
        if (json.includes(needle) || logText.includes(needle)) return false;
        // A retry across midnight on the first of a month: the month before, loaded or as text.
        const before = addDays(valid.localDate, -1).slice(0, 7);
        if (before !== month) {
          const loaded = this.partitions.peek(JSON.stringify([valid.personId, before]));
          if (loaded ? pick(loaded.data).some((r) => r.key === valid.key) : (await readTextOrEmpty(paths.history(valid.personId, before))).includes(needle) || (await readTextOrEmpty(paths.historyLog(valid.personId, before))).includes(needle)) return false;
        }
      }
      const logFile = paths.historyLog(valid.personId, month);
      const read = parseMonthLog(logFile, logText);
      if (read.lines.length >= LOG_LIMIT) return false;
      if (read.torn) await cutTornLine(logFile, read.wholeBytes);
      const jsonSeq = Number(/"logSeq":(\d+)/.exec(json)?.[1] ?? 0);
      const lastSeq = read.lines.reduce((m, l) => Math.max(m, l.seq), 0);
      const redundant = read.lines.length > 0 && lastSeq <= jsonSeq;
      // A person's first answer: their folder too (made durable in its parent).
      if (json === '' && logText === '') await mkdirDurable(paths.personDir(valid.personId));
      await appendLine(logFile, JSON.stringify(line(Math.max(jsonSeq, lastSeq) + 1)), { truncate: redundant, created: logText === '' });
      (await this.knownMonths(valid.personId)).add(month);
      return true;
    });
  }

  private partition(personId: string, month: string): Promise<JsonDocument<HistoryPartition>> {
    return this.partitions.get(JSON.stringify([personId, month]));
  }

  /** Applies a change to one person's month and records that the month now has a file. */
  private async changeHistory<R>(personId: string, month: string, change: (p: HistoryPartition) => R): Promise<R> {
    const doc = await this.partition(personId, month);
    const result = await this.engine.mutate(doc, change);
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

  /**
   * Adds an answer to the month: one line appended to its log (month-log.ts), or, inside a transaction
   * or when the log is full, the month written whole (which absorbs the log).
   */
  private async append(personId: string, month: string, line: (seq: number) => MonthLogLine, change: (p: HistoryPartition) => void): Promise<void> {
    const doc = await this.partition(personId, month);
    const log = this.logs.get(doc)!;
    if (this.engine.inTransaction || (log.lines >= LOG_LIMIT && log.lastSeq > log.durableSeq)) {
      await this.changeHistory(personId, month, change);
      return;
    }
    const seq = Math.max(doc.data.logSeq ?? 0, log.lastSeq) + 1;
    change(doc.data);
    doc.data.logSeq = seq;
    // Held in memory until the line is on disk: evicting it now would reload the month without it.
    doc.pinned++;
    try {
      await log.append(line(seq));
    } catch (err) {
      // Memory holds an answer the disk may lack: the month is read again when next needed.
      doc.failed = true;
      throw err;
    } finally {
      doc.pinned--;
    }
    (await this.knownMonths(personId)).add(month);
  }

  /** Adds a keyed record once: the look-up and the write run alone for the person. */
  private addKeyed<T extends { personId: string; localDate: string; key?: string | undefined }>(
    valid: T,
    pick: (p: HistoryPartition) => T[],
    line: (record: T) => (seq: number) => MonthLogLine,
    also?: (p: HistoryPartition) => void,
  ): Promise<Created<T>> {
    return this.personLocks.run(valid.personId, async () => {
      if (await this.appendCold(valid, pick, line(valid))) return { record: clone(valid), created: true };
      if (valid.key) {
        const existing = await this.findKeyed(valid.personId, valid.localDate, valid.key, pick);
        if (existing) return { record: existing, created: false };
      }
      await this.append(valid.personId, valid.localDate.slice(0, 7), line(valid), (p) => {
        pick(p).push(valid);
        also?.(p);
      });
      return { record: clone(valid), created: true };
    });
  }

  addReflection(reflection: Reflection): Promise<Created<Reflection>> {
    return this.addKeyed(ReflectionSchema.parse(reflection), (p) => p.reflections, (r) => (seq) => ({ seq, reflection: r }));
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
    return this.addKeyed(CheckInSchema.parse(checkIn), (p) => p.checkins, (c) => (seq) => ({ seq, checkin: c }), (p) => (p.weeks = monthWeeks(p.checkins)));
  }

  async replaceCheckIn(checkIn: CheckIn): Promise<CheckIn> {
    const valid = CheckInSchema.parse(checkIn);
    await this.changeHistory(valid.personId, valid.localDate.slice(0, 7), (p) => {
      p.checkins = p.checkins.filter((c) => c.localDate !== valid.localDate);
      p.checkins.push(valid);
      // The week summaries change in the same write as the check-ins they sum.
      p.weeks = monthWeeks(p.checkins);
    });
    return clone(valid);
  }

  async weekSummaries(personId: string, range: DateRange): Promise<WeekSummary[]> {
    if (range.from > range.to) return [];
    const known = await this.knownMonths(personId);
    // In month order: a week's share from the month of its Monday first, then the next one.
    const months: MonthWeeks[] = [];
    for (const month of monthsBetween(range.from, range.to)) {
      if (!known.has(month)) continue;
      const doc = await this.partition(personId, month);
      // Files of older versions have none yet: computed once per load (the month's next write stores them).
      months.push((doc.data.weeks ??= monthWeeks(doc.data.checkins)));
    }
    return summariesOf(personId, months, range);
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
    await this.engine.mutate(index, (i) => applyServed(i, copy));
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

  async months(personId: string): Promise<string[]> {
    return [...(await this.knownMonths(personId))].sort();
  }

  /** Every month of the person's history (their reflections, check-ins and served prompts), oldest first. */
  async all(personId: string): Promise<HistoryPartition[]> {
    const months = await this.months(personId);
    return Promise.all(months.map(async (m) => (await this.partition(personId, m)).data));
  }

  /** Removes the person's folder (history, indexes): now, or at the transaction's commit. */
  async erase(personId: string): Promise<void> {
    const prefix = JSON.stringify([personId]).slice(0, -1) + ',';
    await this.engine.removeOnCommit(this.engine.paths.personDir(personId), () => {
      this.partitions.forgetWhere((k) => k.startsWith(prefix));
      this.knownMonthsByPerson.delete(personId);
      this.servedIndexes.forget(personId);
    });
  }

  /** The months with a file for this person, read from disk once and then kept up to date in memory. */
  private async knownMonths(personId: string): Promise<Set<string>> {
    const cached = this.knownMonthsByPerson.get(personId);
    if (cached) return cached;
    let names: string[] = [];
    try {
      names = await readdir(this.engine.paths.personDir(personId));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    // A month whose answers are all still in its log has no JSON file yet.
    const set = new Set(names.filter((n) => /^\d{4}-\d{2}\.json$/.test(n) || MONTH_LOG.test(n)).map((n) => n.slice(0, 7)));
    this.knownMonthsByPerson.set(personId, set);
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
}
