import { z } from 'zod';
import { CheckInSchema, ReflectionSchema } from '../../core/model/index.js';
import { appendLine, parseLines, readLines, type ReadLog } from './line-file.js';
import type { HistoryPartition } from './partition-schemas.js';
import { monthWeeks } from './week-partials.js';

/**
 * A month's appended answers: history/<person>/<YYYY-MM>.log, one JSON line per check-in or reflection
 * added since the month's JSON file was last written whole.
 *
 * Why: rewriting the month (temp file, fsync, rename, directory fsync) cost 4.8 ms at the median and
 * 38 ms at p99 on this machine; appending one line and fdatasync-ing it 0.9 ms and 17 ms (bench/scale.md).
 * Answers reach this log from the store's answer log (answer-log.ts), many at a time, in the background.
 * The month's JSON absorbs the log whenever it is written whole (the daily served prompt, a replaced
 * answer, a transaction, a full log) and records the last line it holds (`logSeq`): lines at or below
 * it are skipped when read, so a crash between writing the JSON and emptying the log never applies a
 * line twice.
 */
const CheckInLineSchema = z.object({ seq: z.number().int().min(1), checkin: CheckInSchema }).strict();
const ReflectionLineSchema = z.object({ seq: z.number().int().min(1), reflection: ReflectionSchema }).strict();
export const MonthLogLineSchema = z.union([CheckInLineSchema, ReflectionLineSchema]);
export type MonthLogLine = z.infer<typeof MonthLogLineSchema>;

/** Lines a log may hold before the next answer rewrites the month whole instead (which empties the log). */
export const LOG_LIMIT = 32;

export const MONTH_LOG = /^\d{4}-\d{2}\.log$/;

/** Parses a month log's text; a damaged whole line raises StoreFileError naming the file and line. */
export function parseMonthLog(file: string, text: string): ReadLog<MonthLogLine> {
  // Validated against the kind of line it says it is, so the problem named is that line's own.
  return parseLines<MonthLogLine>(file, text, (json) => (json !== null && typeof json === 'object' && 'reflection' in json ? ReflectionLineSchema : CheckInLineSchema));
}

export function readMonthLog(file: string): Promise<ReadLog<MonthLogLine>> {
  return readLines(file, (text) => parseMonthLog(file, text));
}

/** The answer a month log line carries. */
export const answerOf = (line: MonthLogLine) => ('checkin' in line ? line.checkin : line.reflection);

/**
 * Adds an answer to the month unless the month holds it already (by id: an answer copied from the
 * store's answer log may reach a month's files twice after a crash). Returns whether it was added.
 */
export function addAnswer(month: HistoryPartition, line: MonthLogLine): boolean {
  if ('checkin' in line) {
    if (month.checkins.some((c) => c.id === line.checkin.id)) return false;
    month.checkins.push(line.checkin);
  } else {
    if (month.reflections.some((r) => r.id === line.reflection.id)) return false;
    month.reflections.push(line.reflection);
  }
  return true;
}

/** Applies the lines the month's JSON does not hold yet (above its logSeq), in order. */
export function applyMonthLog(month: HistoryPartition, lines: readonly MonthLogLine[]): void {
  let checkIns = false;
  for (const line of lines) {
    if (line.seq <= (month.logSeq ?? 0)) continue;
    if (addAnswer(month, line) && 'checkin' in line) checkIns = true;
    month.logSeq = line.seq;
  }
  if (checkIns) month.weeks = monthWeeks(month.checkins);
}

/**
 * The log file of one month, as this process knows it: how many lines it holds and the highest line
 * the month's JSON on disk already holds (so the log can be emptied before the next append).
 */
export class MonthLog {
  /** Lines in the file now. */
  lines: number;
  /** The highest seq among them. */
  lastSeq: number;
  /** The logSeq of the month's JSON as last written durably. */
  durableSeq: number;

  constructor(
    readonly file: string,
    read: ReadLog<MonthLogLine>,
    durableSeq: number,
  ) {
    this.lines = read.lines.length;
    this.lastSeq = read.lines.reduce((m, l) => Math.max(m, l.seq), 0);
    this.durableSeq = durableSeq;
  }

  /**
   * Appends lines durably in one write (fdatasync; the folder's fsync too when the file is new). When
   * every line already in the file sits in the month's JSON on disk, the file is emptied first, in the
   * same open.
   */
  async append(lines: readonly MonthLogLine[]): Promise<void> {
    const redundant = this.lines > 0 && this.lastSeq <= this.durableSeq;
    const created = this.lines === 0 && this.lastSeq === 0;
    await appendLine(this.file, lines.map((l) => JSON.stringify(l)).join('\n'), { truncate: redundant, created });
    this.lines = (redundant ? 0 : this.lines) + lines.length;
    this.lastSeq = lines.reduce((m, l) => Math.max(m, l.seq), this.lastSeq);
  }
}
