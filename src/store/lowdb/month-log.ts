import { readFile as readFileCallback } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { CheckInSchema, ReflectionSchema } from '../../core/model/index.js';
import { StoreFileError } from '../errors.js';
import { syncDir } from './durable-json-file.js';
import type { HistoryPartition } from './partition-schemas.js';
import { monthWeeks } from './week-partials.js';

/**
 * A month's appended answers: history/<person>/<YYYY-MM>.log, one JSON line per check-in or reflection
 * added since the month's JSON file was last written whole.
 *
 * Why: rewriting the month (temp file, fsync, rename, directory fsync) cost 4.8 ms at the median and
 * 38 ms at p99 on this machine; appending one line and fdatasync-ing it 0.9 ms and 17 ms (bench/scale.md).
 * An answer is acknowledged once its line is on disk. The month's JSON absorbs the log whenever it is
 * written whole (the daily served prompt, a replaced answer, a transaction, every LOG_LIMIT lines) and
 * records the last line it holds (`logSeq`): lines at or below it are skipped when read, so a crash
 * between writing the JSON and emptying the log never applies a line twice.
 */
const CheckInLineSchema = z.object({ seq: z.number().int().min(1), checkin: CheckInSchema }).strict();
const ReflectionLineSchema = z.object({ seq: z.number().int().min(1), reflection: ReflectionSchema }).strict();
export const MonthLogLineSchema = z.union([CheckInLineSchema, ReflectionLineSchema]);
export type MonthLogLine = z.infer<typeof MonthLogLineSchema>;

/** Lines a log may hold before the next answer rewrites the month whole instead (which empties the log). */
export const LOG_LIMIT = 32;

export const MONTH_LOG = /^\d{4}-\d{2}\.log$/;

const readText = promisify(readFileCallback);

export interface ReadLog {
  lines: MonthLogLine[];
  /** Bytes of whole lines: anything after them is a line whose write never finished (never acknowledged). */
  wholeBytes: number;
  torn: boolean;
}

/** Parses a log's text; a damaged whole line raises StoreFileError naming the file and line. */
export function parseMonthLog(file: string, text: string): ReadLog {
  const lines: MonthLogLine[] = [];
  const end = text.lastIndexOf('\n') + 1;
  let n = 0;
  for (const raw of text.slice(0, end).split('\n')) {
    n++;
    if (raw === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      throw new StoreFileError(file, `line ${n} is not valid JSON (${(err as Error).message})`);
    }
    // Validated against the kind of line it says it is, so the problem named is that line's own.
    const schema = json !== null && typeof json === 'object' && 'reflection' in json ? ReflectionLineSchema : CheckInLineSchema;
    const result = schema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new StoreFileError(file, `line ${n} does not match the expected shape at ${issue.path.join('.') || 'the top level'}: ${issue.message}`);
    }
    lines.push(result.data);
  }
  return { lines, wholeBytes: Buffer.byteLength(text.slice(0, end)), torn: end < text.length };
}

export async function readMonthLog(file: string): Promise<ReadLog> {
  let text: string;
  try {
    text = await readText(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], wholeBytes: 0, torn: false };
    throw new StoreFileError(file, `it could not be read (${(err as Error).message})`);
  }
  return parseMonthLog(file, text);
}

/** Applies the lines the month's JSON does not hold yet (above its logSeq), in order. */
export function applyMonthLog(month: HistoryPartition, lines: readonly MonthLogLine[]): void {
  let checkIns = false;
  for (const line of lines) {
    if (line.seq <= (month.logSeq ?? 0)) continue;
    if ('checkin' in line) {
      month.checkins.push(line.checkin);
      checkIns = true;
    } else month.reflections.push(line.reflection);
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
    read: ReadLog,
    durableSeq: number,
  ) {
    this.lines = read.lines.length;
    this.lastSeq = read.lines.reduce((m, l) => Math.max(m, l.seq), 0);
    this.durableSeq = durableSeq;
  }

  /**
   * Appends one line durably (write, fdatasync; the folder's fsync too when the file is new). When every
   * line already sits in the month's JSON on disk, the file is emptied first, in the same open.
   */
  async append(line: MonthLogLine): Promise<void> {
    const redundant = this.lines > 0 && this.lastSeq <= this.durableSeq;
    const created = this.lines === 0 && this.lastSeq === 0;
    const handle = await open(this.file, redundant ? 'w' : 'a', 0o600);
    try {
      await handle.write(JSON.stringify(line) + '\n');
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (created) await syncDir(path.dirname(this.file));
    this.lines = redundant ? 1 : this.lines + 1;
    this.lastSeq = line.seq;
  }

  /** Cuts off a torn last line (a write that never finished, so was never acknowledged) before anything is appended after it. */
  static async repair(file: string, wholeBytes: number): Promise<void> {
    const handle = await open(file, 'r+');
    try {
      await handle.truncate(wholeBytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
