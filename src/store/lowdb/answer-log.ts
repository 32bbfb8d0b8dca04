import { fdatasync, write } from 'node:fs';
import { open, readdir, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { cutTornLine, readLines, type ReadLog } from './line-file.js';
import { mkdirDurable, syncDir } from './durable-json-file.js';
import { parseMonthLog, type MonthLogLine } from './month-log.js';

/** The store-wide answer log's folder under the data directory. */
export const ANSWER_LOG_DIR = 'answers';

const GENERATION = /^(\d{12})\.log$/;
const generationFile = (gen: number) => `${String(gen).padStart(12, '0')}.log`;

/** An answer as read back from the log, with the generation (file) that holds it. */
export interface LoggedAnswer {
  generation: number;
  line: MonthLogLine;
}

/**
 * Answers written together at most: each batch's callers all resume in one turn of the event loop once
 * its fdatasync returns, so 500 at once held it for ~50 ms; 64 keep that turn short, for 8 fsyncs.
 */
const BATCH = 64;

/**
 * Bytes of zeros a log file is extended by, ahead of the lines written into them: an fdatasync of a
 * write within the file's size flushes the data alone, one that grows the file makes the filesystem
 * record the new size too (300 B lines, 400 writes: p50 0.19-0.24 ms against 0.28-0.39 appending).
 * Done on a file's first answer, so a store that gets none writes none.
 */
const EXTEND_BY = 256 * 1024;

interface OpenFile {
  handle: FileHandle;
  generation: number;
  /** Bytes known to be whole lines: where the next line goes, and where a failed write is cut back to. */
  size: number;
  /** Bytes of the file (whole lines, then zeros). */
  allocated: number;
}

/** A log file's lines: the text up to its first zero byte (what follows was written ahead, see EXTEND_BY). */
export function parseAnswerLog(file: string, text: string): ReadLog<MonthLogLine> {
  const end = text.indexOf('\0');
  return parseMonthLog(file, end < 0 ? text : text.slice(0, end));
}

/**
 * answers/<generation>.log: every new check-in and reflection, one JSON line each, appended to one
 * file that stays open, before it reaches its person's month files.
 *
 * Why: a person's month log cost an open, a write, an fdatasync and a close per answer, in a file of its
 * own (p99 4-9 ms at a year, against SQLite's 0.5-1.2 ms with synchronous=FULL, whose WAL is one open
 * file). Here answers arriving together share one write and one fdatasync (group commit), and the
 * month files receive them later, in the background, many lines per file (see history.ts). Lines use
 * the month log's shape ({seq, checkin} or {seq, reflection}); seq only numbers the log's own lines.
 *
 * Generations: the log moves to a new file before its answers are copied into the months, and an old
 * file is deleted once every answer in it is durable there. A crash at any point leaves files that the
 * next open reads back; copying an answer the months already hold is skipped by its id.
 */
export class AnswerLog {
  private file: OpenFile | undefined;
  private generation = 0;
  private seq = 0;
  private queue: Array<{ text: string; resolve: (generation: number) => void; reject: (err: Error) => void }> = [];
  private writing: Promise<void> | undefined;
  private broken: Error | undefined;

  private constructor(readonly dir: string) {}

  /**
   * Opens the log folder and reads back every answer a previous run logged (a torn last line, a write
   * that never finished, is cut off; a damaged whole line throws StoreFileError naming file and line).
   * Appends go to a new generation, so nothing written now shares a file with what was read.
   */
  static async open(dataDir: string): Promise<{ log: AnswerLog; answers: LoggedAnswer[] }> {
    const log = new AnswerLog(path.join(dataDir, ANSWER_LOG_DIR));
    await mkdirDurable(log.dir);
    const answers: LoggedAnswer[] = [];
    for (const gen of await log.generations()) {
      const file = path.join(log.dir, generationFile(gen));
      const read = await readLines(file, (text) => parseAnswerLog(file, text));
      if (read.torn) await cutTornLine(file, read.wholeBytes);
      for (const line of read.lines) answers.push({ generation: gen, line });
      log.generation = Math.max(log.generation, gen);
    }
    await log.rotate();
    return { log, answers };
  }

  /** The generations on disk, oldest first. */
  async generations(): Promise<number[]> {
    const names = await readdir(this.dir);
    return names.flatMap((n) => GENERATION.exec(n)?.[1] ?? []).map(Number).sort((a, b) => a - b);
  }

  /** Whether the file new answers go to holds none yet. */
  get empty(): boolean {
    return !this.file || this.file.size === 0;
  }

  /** The generation new answers go to. */
  get current(): number {
    return this.generation;
  }

  /**
   * Starts a new file for appends (made durable in the folder before any answer goes there); the old
   * one is closed once the write in flight on it, if any, is done.
   */
  async rotate(): Promise<void> {
    const next = this.generation + 1;
    // Not in append mode: lines are written at their offset, into the zeros written ahead.
    const handle = await open(path.join(this.dir, generationFile(next)), 'w', 0o600);
    try {
      await syncDir(this.dir);
    } catch (err) {
      await handle.close();
      throw err;
    }
    const old = this.file;
    // The writer takes the file at the start of each batch: from here on, batches go to the new one.
    this.file = { handle, generation: next, size: 0, allocated: 0 };
    this.generation = next;
    await this.writing;
    await old?.handle.close();
  }

  /**
   * Appends one answer and resolves, with the generation that holds it, once it is on disk. Answers
   * appended while a write is in flight go together in the next write, with one fdatasync for all.
   */
  append(line: (seq: number) => MonthLogLine): Promise<number> {
    if (this.broken) return Promise.reject(this.broken);
    const text = JSON.stringify(line(++this.seq)) + '\n';
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      this.writing ??= this.writeQueued().finally(() => (this.writing = undefined));
    });
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, BATCH);
      const file = this.file!;
      const text = batch.map((b) => b.text).join('');
      const bytes = Buffer.from(text);
      try {
        if (file.size + bytes.length > file.allocated) {
          const grow = Math.max(EXTEND_BY, file.size + bytes.length - file.allocated);
          await file.handle.write(Buffer.alloc(grow), 0, grow, file.allocated);
          // fsync, not fdatasync: the file's new size must be durable before lines count on it.
          await file.handle.sync();
          file.allocated += grow;
        }
        await writeAt(file.handle.fd, bytes, file.size);
        await dataSync(file.handle.fd);
        file.size += bytes.length;
        for (const b of batch) b.resolve(file.generation);
      } catch (err) {
        // Part of the batch may be on disk: cut back to the whole lines, or refuse further answers
        // (a later line glued to half of this one would read as a damaged line at the next open).
        await file.handle
          .truncate(file.size)
          .then(() => file.handle.sync())
          .then(() => (file.allocated = file.size))
          .catch((cut: Error) => (this.broken = new Error(`the answer log could not be repaired after a failed write (${cut.message}); restart to recover it`)));
        for (const b of batch) b.reject(err as Error);
      }
    }
  }

  /** Deletes generations older than `below` (every answer in them is durable in the months). */
  async removeBelow(below: number): Promise<void> {
    const old = (await this.generations()).filter((g) => g < below);
    if (old.length === 0) return;
    await Promise.all(old.map((g) => rm(path.join(this.dir, generationFile(g)), { force: true })));
    await syncDir(this.dir);
  }

  async close(): Promise<void> {
    await this.writing;
    await this.file?.handle.close();
    this.file = undefined;
    this.broken = new Error('The store is closed');
  }
}

// The callback API on the handle's descriptor: the promise API's bookkeeping was most of the garbage an
// answer made (young-generation collections of 2-4 ms land on whichever answer is waiting then).
const writeAt = (fd: number, bytes: Buffer, position: number) =>
  new Promise<void>((resolve, reject) =>
    write(fd, bytes, 0, bytes.length, position, (err, written) => (err ? reject(err) : written < bytes.length ? reject(new Error(`only ${written} of ${bytes.length} bytes were written`)) : resolve())),
  );
const dataSync = (fd: number) => new Promise<void>((resolve, reject) => fdatasync(fd, (err) => (err ? reject(err) : resolve())));
