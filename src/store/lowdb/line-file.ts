import { open } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { StoreFileError } from '../errors.js';
import { readText, syncDir } from './durable-json-file.js';

/**
 * Append-only files of JSON lines (a month's answers, a day's event keys): a write is one line appended
 * and fdatasync-ed, with no temp file, rename or directory fsync once the file exists.
 */

export interface ReadLog<L> {
  lines: L[];
  /** Bytes of whole lines: anything after them is a line whose write never finished (never acknowledged). */
  wholeBytes: number;
  torn: boolean;
}

/**
 * Parses an append-only file of JSON lines. Every whole line must be valid; a last line without its
 * newline is a write that never finished (so was never acknowledged) and is left out, not an error.
 */
export function parseLines<L>(file: string, text: string, schemaOf: (json: unknown) => z.ZodType<L> | z.ZodType<unknown>): ReadLog<L> {
  const lines: L[] = [];
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
    const result = schemaOf(json).safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new StoreFileError(file, `line ${n} does not match the expected shape at ${issue.path.join('.') || 'the top level'}: ${issue.message}`);
    }
    lines.push(result.data as L);
  }
  return { lines, wholeBytes: Buffer.byteLength(text.slice(0, end)), torn: end < text.length };
}

/** Reads an append-only file of lines (none when it does not exist). */
export async function readLines<L>(file: string, parse: (text: string) => ReadLog<L>): Promise<ReadLog<L>> {
  let text: string;
  try {
    text = await readText(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], wholeBytes: 0, torn: false };
    throw new StoreFileError(file, `it could not be read (${(err as Error).message})`);
  }
  return parse(text);
}

/** Appends one line durably: write, fdatasync, and the folder's fsync when the file is new. */
export async function appendLine(file: string, line: string, options: { truncate?: boolean; created?: boolean } = {}): Promise<void> {
  const handle = await open(file, options.truncate ? 'w' : 'a', 0o600);
  try {
    await handle.write(line + '\n');
    await handle.datasync();
  } finally {
    await handle.close();
  }
  if (options.created) await syncDir(path.dirname(file));
}

/** Cuts a file back to its whole lines (a torn last line was never acknowledged). */
export async function cutTornLine(file: string, wholeBytes: number): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.truncate(wholeBytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
