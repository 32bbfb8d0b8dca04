import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { StoreFileError } from '../errors.js';

export interface DurableJsonFileOptions {
  /** Pretty-print (for files an operator may read, like state.json). History partitions stay compact. */
  pretty?: boolean;
  /** Test hook: runs after the temp file is durable and before the rename. */
  beforeRename?: (tempFile: string) => Promise<void>;
}

let tempCounter = 0;

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
      raw = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreFileError(this.file, `it could not be read (${(err as Error).message})`);
    }
    return parseStoreFile(this.file, raw, this.schema);
  }

  async write(data: T): Promise<void> {
    await writeDurably(this.file, this.serialize(data), this.options.beforeRename);
  }

  serialize(data: T): string {
    return this.options.pretty ? JSON.stringify(data, null, 2) : JSON.stringify(data);
  }
}

/** Writes a file so that it survives a crash whole or not at all: temp file, fsync, rename, directory fsync. */
export async function writeDurably(file: string, body: string, beforeRename?: (tempFile: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(file);
  const temp = `${file}.${process.pid}.${++tempCounter}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(body, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (beforeRename) await beforeRename(temp);
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDir(dir);
}

/** Makes a rename or unlink in `dir` durable. */
export async function syncDir(dir: string): Promise<void> {
  const dirHandle = await open(dir, 'r');
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
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
