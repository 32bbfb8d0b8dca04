import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CheckIn, Reflection, ServedPrompt } from '../../core/model/index.js';
import { CheckInSchema, ReflectionSchema, ServedPromptSchema } from '../../core/model/index.js';
import { addDays, monthsBetween, type LocalDate } from '../../core/time.js';
import type { Created, DateRange, HistoryRepository, WeekSummary } from '../../core/store/index.js';
import { DocumentCache } from './document-cache.js';
import { clone, type LowdbEngine } from './engine.js';
import type { JsonDocument } from './json-document.js';
import { KeyedMutex } from './keyed-mutex.js';
import { HistoryPartitionSchema, type HistoryPartition } from './partition-schemas.js';
import { monthWeeks, summariesOf, type MonthWeeks } from './week-partials.js';
import { addAnswer, answerOf, applyMonthLog, LOG_LIMIT, MONTH_LOG, MonthLog, parseMonthLog, readMonthLog, type MonthLogLine } from './month-log.js';
import { appendLine, cutTornLine } from './line-file.js';
import { mkdirDurable, readTextOrEmpty } from './durable-json-file.js';
import { AnswerLog } from './answer-log.js';
import { PendingAnswers, type PendingAnswer } from './pending-answers.js';
import { closeSync, openSync, readSync } from 'node:fs';
import { applyServed, latestSince, SERVED_INDEX_FILE, ServedIndexSchema, type ServedIndex } from './served-index.js';

/**
 * Served-prompt indexes kept in memory: ~37 KB each as objects at a year. One is read when a person's
 * prompt is chosen and again when they answer, hours later, so no cache smaller than the population
 * keeps it until then; a few cover the reads of one prompt (rotation, then the serve) and those in
 * flight. What a cache of 1,000 kept lived long enough to be promoted to V8's old generation and was
 * then dropped: ~185 MB of old garbage over a daily-prompt pass of 5,000 people, which the heap grew for.
 */
const SERVED_INDEX_CACHE = 8;
/**
 * 16 MB of history in memory: about a thousand person-months, whatever their sizes (a person's current
 * month and the ones a digest reads stay; a pass over everyone churns through). The daily-prompt pass
 * over 5,000 people at a year, compiled, ended at 285-289 MB RSS with 32 MB and 243 MB with 16 MB.
 */
export const DEFAULT_CACHE_BYTES = 16 * 2 ** 20;

/** A month's size in memory, estimated from what it holds (~1 KB a reflection, ~0.5 KB a check-in, ~0.3 KB a served prompt, ~0.4 KB a week's sums as objects). */
function historySize(data: unknown): number {
  const p = data as HistoryPartition;
  const weeks = Object.values(p.weeks ?? {}).reduce((n, teams) => n + Object.keys(teams).length, 0);
  return 512 + p.reflections.reduce((n, r) => n + 600 + 2 * r.answer.length, 0) + p.checkins.length * 500 + p.served.length * 300 + weeks * 400;
}

/**
 * When the answer log's answers are copied into their months: once the store has been idle for
 * IDLE_MS (so the copy's many small fsyncs do not queue behind, or ahead of, requests: copying 256
 * answers while check-ins went on took their p99 from 1.2 to 3.0 ms), or at once when ANSWERS wait
 * (a bound on memory and on the copy a restart after a crash makes: ~4 MB, about a second).
 */
export const ANSWER_CHECKPOINT = { answers: 4_096, idleMs: 500 };
/** Month files written at once by a checkpoint (each is an fdatasync; more would crowd out requests). */
const CHECKPOINT_PARALLEL = 2;

export interface HistoryCacheLimits {
  /** History partitions kept in memory (each is one person's month). */
  cacheSize: number;
  /** Approximate bytes of history partitions kept in memory. */
  cacheBytes: number;
  /** When answers waiting in the answer log are copied into their months (ANSWER_CHECKPOINT; tests change it). */
  answerCheckpoint?: { answers?: number | undefined; idleMs?: number | undefined } | undefined;
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
  /** One copy of a month's pending answers into its files at a time. */
  private readonly flushLocks = new KeyedMutex();
  private readonly pending = new PendingAnswers();
  private answerLog: AnswerLog | undefined;
  private checkpointing: Promise<void> | undefined;
  /** Answers being added now (see mayHoldKey). */
  private adding = 0;

  private readonly checkpointAt: { answers: number; idleMs: number };
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly engine: LowdbEngine,
    limits: HistoryCacheLimits,
  ) {
    this.checkpointAt = { answers: limits.answerCheckpoint?.answers ?? ANSWER_CHECKPOINT.answers, idleMs: limits.answerCheckpoint?.idleMs ?? ANSWER_CHECKPOINT.idleMs };
    const paths = engine.paths;
    this.partitions = new DocumentCache({ maxEntries: limits.cacheSize, maxBytes: limits.cacheBytes, sizeOf: historySize }, (file) =>
      // Never beside a copy of pending answers into the month's files (flushCold): the log must be read whole.
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
    engine.beforeClose(() => this.closeAnswers());
  }

  /**
   * Opens the answer log: answers a previous run acknowledged but did not copy into their months (it
   * crashed) are copied now, and their log files deleted, before anything reads history.
   */
  async openAnswers(): Promise<void> {
    const { log, answers } = await AnswerLog.open(this.engine.dataDir);
    this.answerLog = log;
    for (const answer of answers) this.pending.add(answer);
    await this.checkpoint();
  }

  /**
   * Runs under close()'s exclusive lock, so no background checkpoint is running (it holds the shared
   * one); one still queued for that lock finds the store closed and does nothing.
   */
  private async closeAnswers(): Promise<void> {
    if (!this.answerLog) return;
    clearTimeout(this.idleTimer);
    await this.checkpoint();
    await this.answerLog.close();
  }

  /**
   * Copies every pending answer logged before now into its month's files (a new log file takes new
   * answers meanwhile), then deletes the log files whose answers are all there. Throws when a month
   * could not be written (its answers stay pending and in the log, for the next checkpoint).
   */
  private async checkpoint(): Promise<void> {
    const log = this.answerLog!;
    // The file answers go to is retired too, even when all it holds is copied already: an erasure must
    // leave no file with the person's answers.
    if (this.pending.size > 0 || !log.empty) await log.rotate();
    const below = log.current;
    // Again while any answer of an older file is pending: one acknowledged just as the log moved on
    // becomes pending only after this started.
    do {
      const months = this.pending.months();
      let next = 0;
      const worker = async () => {
        while (next < months.length) {
          const [personId, month] = months[next++]!;
          await this.flushMonth(personId, month);
        }
      };
      const results = await Promise.allSettled(Array.from({ length: CHECKPOINT_PARALLEL }, worker));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    } while (this.pending.anyBelow(below));
    await log.removeBelow(below);
  }

  /** After each answer: a checkpoint in the background now if enough wait, else once the store is idle. */
  private checkpointSoon(): void {
    if (this.pending.size >= this.checkpointAt.answers) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
      return void this.checkpointInBackground();
    }
    if (!Number.isFinite(this.checkpointAt.idleMs)) return;
    // One timer, pushed back by each answer (refresh, not a new one each time); unref: a pending copy
    // never keeps the process alive (close() copies what is left).
    if (this.idleTimer) this.idleTimer.refresh();
    else this.idleTimer = setTimeout(() => this.checkpointInBackground(), this.checkpointAt.idleMs).unref();
  }

  /** One checkpoint at a time; a failed one leaves its answers pending for the next. */
  private checkpointInBackground(): void {
    this.idleTimer = undefined;
    if (this.checkpointing || this.pending.size === 0) return;
    this.checkpointing = this.engine
      .run(() => this.checkpoint())
      .catch(() => undefined)
      .finally(() => {
        this.checkpointing = undefined;
        // Answers that came meanwhile (or a failed copy's) wait for the next idle moment, never a retry at once.
        if (this.pending.size > 0 && !this.idleTimer && Number.isFinite(this.checkpointAt.idleMs)) {
          this.idleTimer = setTimeout(() => this.checkpointInBackground(), this.checkpointAt.idleMs).unref();
        }
      });
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
    this.mergePending(doc.data, this.pending.of(personId, month));
    doc.watchWrites(
      (d) => d.logSeq ?? 0,
      (seq) => (log.durableSeq = Math.max(log.durableSeq, seq)),
    );
    this.logs.set(doc, log);
    return doc;
  }

  private partition(personId: string, month: string): Promise<JsonDocument<HistoryPartition>> {
    return this.partitions.get(JSON.stringify([personId, month]));
  }

  /** Adds answers from the answer log to a month in memory (each once). */
  private mergePending(month: HistoryPartition, answers: readonly PendingAnswer[]): void {
    let checkIns = false;
    for (const a of answers) if (addAnswer(month, a.line) && 'checkin' in a.line) checkIns = true;
    if (checkIns) month.weeks = monthWeeks(month.checkins);
  }

  /**
   * Copies a month's pending answers into its files: lines appended to the month's log (one write),
   * or, when that log is full, the month written whole. Answers the files already hold (copied before a
   * crash) are skipped by id. Runs while requests go on; the answers stay pending if it fails.
   */
  private flushMonth(personId: string, month: string): Promise<void> {
    const key = JSON.stringify([personId, month]);
    return this.flushLocks.run(key, async () => {
      const answers = [...this.pending.of(personId, month)];
      if (answers.length === 0) return;
      const loaded = this.partitions.peek(key);
      if (loaded) await this.flushLoaded(loaded, answers);
      else if (!(await this.monthLocks.run(key, () => this.flushCold(personId, month, answers)))) {
        // Its log is full: the month is read (with its pending answers) and written whole.
        const doc = await this.partition(personId, month);
        await doc.update((d) => void (d.logSeq = Math.max(d.logSeq ?? 0, this.logs.get(doc)!.lastSeq)));
      }
      this.pending.remove(personId, month, answers);
    });
  }

  /** A month in memory already shows its pending answers: its log receives them as lines. */
  private async flushLoaded(doc: JsonDocument<HistoryPartition>, answers: readonly PendingAnswer[]): Promise<void> {
    const log = this.logs.get(doc)!;
    for (const a of answers) if (addAnswer(doc.data, a.line) && 'checkin' in a.line) doc.data.weeks = monthWeeks(doc.data.checkins);
    // A whole write inside a transaction would carry the transaction's uncommitted changes: lines then.
    if (log.lines + answers.length > LOG_LIMIT && !this.engine.inTransaction) {
      await doc.update((d) => void (d.logSeq = Math.max(d.logSeq ?? 0, log.lastSeq)));
      return;
    }
    let seq = Math.max(doc.data.logSeq ?? 0, log.lastSeq);
    const lines = answers.map((a) => ({ ...a.line, seq: ++seq }));
    doc.data.logSeq = seq;
    // Held in memory until the lines are on disk: evicting it now would reload the month without them.
    doc.pinned++;
    try {
      await log.append(lines);
    } catch (err) {
      // The month's files may lack lines memory has: the month is read again when next needed.
      doc.failed = true;
      throw err;
    } finally {
      doc.pinned--;
    }
  }

  /**
   * A month not in memory receives its pending answers without being loaded: its files are read as text
   * only, for the ids they hold and the next line number. Runs under the month's lock, which loading
   * takes too, so no load reads the log half-written. False when the log is full.
   */
  private async flushCold(personId: string, month: string, answers: readonly PendingAnswer[]): Promise<boolean> {
    const paths = this.engine.paths;
    const logFile = paths.historyLog(personId, month);
    const [json, logText] = await Promise.all([readTextOrEmpty(paths.history(personId, month)), readTextOrEmpty(logFile)]);
    const read = parseMonthLog(logFile, logText);
    // Ids as written: a quote inside any text is escaped, so this names an answer's own id field.
    const fresh = answers.filter((a) => {
      const needle = `"id":${JSON.stringify(answerOf(a.line).id)}`;
      return !json.includes(needle) && !logText.includes(needle);
    });
    if (fresh.length === 0) return true;
    if (read.lines.length + fresh.length > LOG_LIMIT) return false;
    if (read.torn) await cutTornLine(logFile, read.wholeBytes);
    const jsonSeq = Number(/"logSeq":(\d+)/.exec(json)?.[1] ?? 0);
    const lastSeq = read.lines.reduce((m, l) => Math.max(m, l.seq), 0);
    const redundant = read.lines.length > 0 && lastSeq <= jsonSeq;
    // A person's first answer: their folder too (made durable in its parent).
    if (json === '' && logText === '') await mkdirDurable(paths.personDir(personId));
    let seq = Math.max(jsonSeq, lastSeq);
    await appendLine(logFile, fresh.map((a) => JSON.stringify({ ...a.line, seq: ++seq })).join('\n'), { truncate: redundant, created: logText === '' });
    return true;
  }

  /**
   * Applies a change to one person's month and records that the month now has a file. The month's
   * pending answers reach its files first: a whole write never holds an answer its log may add again.
   */
  private async changeHistory<R>(personId: string, month: string, change: (p: HistoryPartition) => R): Promise<R> {
    await this.flushMonth(personId, month);
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
   * Whether the person's month (or the one before: a retry across midnight) may hold this key: answers
   * pending, months in memory, and otherwise the months' files read as text. Never decides alone that
   * an answer is a retry: a maybe is settled by reading the months.
   */
  private async mayHoldKey<T extends { personId: string; localDate: string; key?: string | undefined }>(valid: T, key: string, pick: (p: HistoryPartition) => T[]): Promise<boolean> {
    const paths = this.engine.paths;
    const needle = `"key":${JSON.stringify(key)}`;
    // A lone answer searches its few KB synchronously, in a buffer kept for it (~40 µs against ~300 µs
    // through the thread pool, and no decoded copies left as garbage); in a burst each read goes
    // through the pool, so hundreds of reads never hold one turn of the event loop.
    const contains = this.adding > 1 ? async (file: string) => (await readTextOrEmpty(file)).includes(needle) : async (file: string) => fileContains(file, needle);
    for (const month of monthsBetween(addDays(valid.localDate, -1), valid.localDate)) {
      if (this.pending.of(valid.personId, month).some((a) => answerOf(a.line).key === key)) return true;
      const cacheKey = JSON.stringify([valid.personId, month]);
      const loaded = this.partitions.peek(cacheKey);
      if (loaded) {
        if (pick(loaded.data).some((r) => r.key === key)) return true;
        continue;
      }
      if (this.partitions.has(cacheKey)) return true;
      if ((await contains(paths.history(valid.personId, month))) || (await contains(paths.historyLog(valid.personId, month)))) return true;
    }
    return false;
  }

  /**
   * Adds an answer: one line in the store's answer log, acknowledged once on disk and visible at once
   * (months in memory get it now, months read later add it from the pending answers). Inside a
   * transaction the month is changed in memory instead and written at its commit.
   */
  private async addAnswer(valid: { personId: string; localDate: string }, line: (seq: number) => MonthLogLine, change: (p: HistoryPartition) => void): Promise<void> {
    const month = valid.localDate.slice(0, 7);
    if (this.engine.inTransaction || !this.answerLog) {
      await this.changeHistory(valid.personId, month, change);
      return;
    }
    const made = line(0);
    const generation = await this.answerLog.append((seq) => ({ ...made, seq }));
    this.pending.add({ generation, line: made });
    this.knownMonthsByPerson.get(valid.personId)?.add(month);
    const key = JSON.stringify([valid.personId, month]);
    // A month in memory or being read: it shows the answer now (being read, it may have missed it).
    if (this.partitions.has(key)) this.mergePending((await this.partitions.get(key)).data, this.pending.of(valid.personId, month));
    this.checkpointSoon();
  }

  /** Adds a keyed record once: the look-up and the write run alone for the person. */
  private addKeyed<T extends { personId: string; localDate: string; key?: string | undefined }>(
    valid: T,
    pick: (p: HistoryPartition) => T[],
    line: (record: T) => (seq: number) => MonthLogLine,
    also?: (p: HistoryPartition) => void,
  ): Promise<Created<T>> {
    this.adding++;
    return this.personLocks.run(valid.personId, async () => {
      if (valid.key && (await this.mayHoldKey(valid, valid.key, pick))) {
        const existing = await this.findKeyed(valid.personId, valid.localDate, valid.key, pick);
        if (existing) return { record: existing, created: false };
      }
      await this.addAnswer(valid, line(valid), (p) => {
        pick(p).push(valid);
        also?.(p);
      });
      return { record: clone(valid), created: true };
    }).finally(() => this.adding--);
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
    // Validated before it is written: a file that does not parse would stop the request that reads it.
    const copy = ServedPromptSchema.parse(served);
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
    // No answer log file may keep the person's answers past their erasure (a restart would copy them
    // back): all are copied out and the files deleted first, or the erasure fails and changes nothing.
    if (this.answerLog) await this.checkpoint();
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
    // Months whose answers are all still in the answer log have no file yet.
    for (const m of this.pending.monthsOf(personId)) set.add(m);
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

let searchBuffer = Buffer.alloc(64 * 1024);

/** Whether a file (absent: no) holds `needle`, read synchronously into one reused buffer (no stat: its dates alone were ~2 KB of garbage a call). */
function fileContains(file: string, needle: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  try {
    let read = 0;
    for (;;) {
      if (read === searchBuffer.length) {
        const bigger = Buffer.alloc(searchBuffer.length * 2);
        searchBuffer.copy(bigger);
        searchBuffer = bigger;
      }
      const n = readSync(fd, searchBuffer, read, searchBuffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return searchBuffer.subarray(0, read).includes(needle);
  } finally {
    closeSync(fd);
  }
}
