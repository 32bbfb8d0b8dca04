/**
 * `npm run store:check`: reads and validates every file of the data directory (state, every history
 * partition, ledger, event keys and pairing rounds) without changing anything, and lists the ones
 * that fail, and any file it does not know how to check.
 * Start-up validates state.json; history partitions are validated when first read, so run this
 * after restoring a backup or before an upgrade.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ZodType } from 'zod';
import { loadConfig } from '../config.js';
import { StoreFileError } from './errors.js';
import { parseStoreFile } from './lowdb/durable-json-file.js';
import { EventKeysPartitionSchema, HistoryPartitionSchema, LedgerPartitionSchema } from './lowdb/partition-schemas.js';
import { StateSchema } from './lowdb/state-schema.js';
import { PairRoundSchema } from '../core/model/mentoring.js';
import { PersonShardSchema } from './lowdb/person-shards.js';
import { SERVED_INDEX_FILE, ServedIndexSchema } from './lowdb/served-index.js';

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.name.endsWith('.json')) out.push(full);
  }
  return out;
}

function schemaFor(dataDir: string, file: string): ZodType<unknown> | undefined {
  const rel = path.relative(dataDir, file).split(path.sep);
  if (rel.length === 1 && (rel[0] === 'state.json' || rel[0] === 'state.v1-backup.json')) return StateSchema;
  if (rel[0] === 'history') return rel.at(-1) === SERVED_INDEX_FILE ? ServedIndexSchema : HistoryPartitionSchema;
  if (rel[0] === 'ledger') return LedgerPartitionSchema;
  if (rel[0] === 'events') return EventKeysPartitionSchema;
  if (rel[0] === 'mentoring' && rel[1] === 'rounds') return PairRoundSchema;
  if (rel[0] === 'people' && rel.length === 2) return PersonShardSchema;
  return undefined;
}

const dataDir = path.resolve(loadConfig().dataDir);
const files = await walk(dataDir);
let checked = 0;
const bad: string[] = [];
const unknown: string[] = [];
for (const file of files) {
  const schema = schemaFor(dataDir, file);
  if (!schema) {
    unknown.push(file);
    continue;
  }
  checked++;
  try {
    parseStoreFile(file, await readFile(file, 'utf8'), schema);
  } catch (err) {
    bad.push(err instanceof StoreFileError ? `${err.file}: ${err.problem}` : `${file}: ${(err as Error).message}`);
  }
}
console.log(`Checked ${checked} store files under ${dataDir}: ${checked - bad.length} valid, ${bad.length} damaged.`);
for (const line of bad) console.log(`  ${line}`);
if (unknown.length) {
  console.log(`${unknown.length} other .json ${unknown.length === 1 ? 'file is' : 'files are'} not part of the store and ${unknown.length === 1 ? 'was' : 'were'} not checked:`);
  for (const file of unknown) console.log(`  ${file}`);
}
if (bad.length) console.log('Nothing was changed. Restore the damaged files from a backup, or move them aside to drop that part of the history.');
process.exit(bad.length ? 1 : 0);
