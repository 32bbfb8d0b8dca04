import { readFile as readFileCallback } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { StoreFileError } from '../errors.js';
import { yieldIfBusy } from '../../core/cooperative.js';

export interface DurableJsonFileOptions {
  /** Pretty-print (for files an operator may read, like state.json). History partitions stay compact. */
  pretty?: boolean;
  /**
   * Where temp files are written (same file system as the target). One folder for all of them, so the
   * leftovers of a crash are found and removed at open without walking the whole data directory.
   */
  tempDir?: string;
  /** Test hook: runs after the temp file is durable and before the rename. */
  beforeRename?: (tempFile: string) => Promise<void>;
}

/**
 * The callback readFile: in Node 20 the promise one reads a 10 KB file in ~170 µs of round trips and
 * 30 at once in 1.7-2.7 ms; this one in 0.7-1.1 ms (a cold digest reads about 30 month files at once).
 */
export const readText = promisify(readFileCallback);

/** A file's text, or '' when it does not exist. */
export function readTextOrEmpty(file: string): Promise<string> {
  return readText(file, 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? '' : Promise.reject(err)));
}

let tempCounter = 0;
/** Temp files being written right now by this process: a sweep must not remove them. */
const inFlight = new Set<string>();

/** Temp files of this process that are being written at this moment. */
export function tempFilesInFlight(): ReadonlySet<string> {
  return inFlight;
}

/**
 * A lowdb adapter that survives a crash: write a temp file, fsync it, rename it over the target,
 * then fsync the directory so the rename itself is durable. Reads validate with zod; a file that fails
 * to parse or validate raises StoreFileError and is left exactly as it is.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly options: DurableJsonFileOptions = {},
  ) {}

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await readText(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreFileError(this.file, `it could not be read (${(err as Error).message})`);
    }
    // Reads finishing together would otherwise parse and validate back to back in one turn of the event loop.
    await yieldIfBusy();
    return parseStoreFile(this.file, raw, this.schema);
  }

  async write(data: T): Promise<void> {
    await this.writeRaw(this.serialize(data));
  }

  serialize(data: T): string {
    return this.options.pretty ? JSON.stringify(data, null, 2) : JSON.stringify(data);
  }

  async writeRaw(body: string): Promise<void> {
    const dir = path.dirname(this.file);
    const name = `${path.basename(this.file)}.${process.pid}.${++tempCounter}.tmp`;
    const temp = this.options.tempDir ? path.join(this.options.tempDir, name) : path.join(dir, name);
    inFlight.add(temp);
    try {
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(body, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (this.options.beforeRename) await this.options.beforeRename(temp);
      await rename(temp, this.file);
    } catch (err) {
      // A temp copy holds personal data: never leave one behind.
      await unlink(temp).catch(() => undefined);
      throw err;
    } finally {
      inFlight.delete(temp);
    }
    await syncDir(dir);
  }
}

/** Parses and validates a store file's text; names the file and the first problem when it fails. */
export function parseStoreFile<T>(file: string, raw: string, schema: z.ZodType<T>): T {
  if (raw.trim() === '') throw new StoreFileError(file, 'it is empty');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new StoreFileError(file, `it is not valid JSON (${(err as Error).message})`);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new StoreFileError(file, `it was written by a newer Attune (schema version ${version}; this one reads version ${SCHEMA_VERSION})`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'the top level';
    throw new StoreFileError(file, `it does not match the expected shape at ${where}: ${issue.message}`);
  }
  return result.data;
}

/** The store's schema version; bump it with a migration when a file's shape changes incompatibly. */
export const SCHEMA_VERSION = 1;

/** Writes a file so that it survives a crash whole or not at all: temp file, fsync, rename, directory fsync. */
export async function writeDurably(file: string, body: string, beforeRename?: (tempFile: string) => Promise<void>): Promise<void> {
  await new DurableJsonFile<string>(file, undefined as never, beforeRename ? { beforeRename } : {}).writeRaw(body);
}

/** Writes text durably (temp, fsync, rename, directory fsync), for a file outside any document. */
export async function writeDurable(file: string, body: string, options: DurableJsonFileOptions = {}): Promise<void> {
  const writer = new DurableJsonFile<string>(file, undefined as never, options);
  await writer.writeRaw(body);
}

/** Makes a directory's entries (a rename, a new file or folder) durable. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates a folder (and missing parents), fsyncing each new one's parent so the folder survives a crash. */
export async function mkdirDurable(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    try {
      await stat(current);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      missing.push(current);
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  if (missing.length === 0) return;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Parents first, so each folder's entry is durable in a folder that is itself durable.
  for (const created of missing.reverse()) await syncDir(path.dirname(created));
}
