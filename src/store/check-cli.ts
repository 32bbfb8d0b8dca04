/**
 * `npm run store:check`: reads and validates every file of the data directory (state, every history
 * partition, ledger, event keys and pairing rounds) without changing anything, and lists the ones
 * that fail, and any file it does not know how to check.
 * Start-up validates state.json; history partitions are validated when first read, so run this
 * after restoring a backup or before an upgrade.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { schemaFor } from './lowdb/check-file.js';
import { checkFiles } from './lowdb/check-files.js';

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

const dataDir = path.resolve(loadConfig().dataDir);
const files = await walk(dataDir);
const unknown = files.filter((file) => !schemaFor(dataDir, file));
const known = files.filter((file) => schemaFor(dataDir, file));
const checked = known.length;
const bad = await checkFiles(dataDir, known);
console.log(`Checked ${checked} store files under ${dataDir}: ${checked - bad.length} valid, ${bad.length} damaged.`);
for (const line of bad) console.log(`  ${line}`);
if (unknown.length) {
  console.log(`${unknown.length} other .json ${unknown.length === 1 ? 'file is' : 'files are'} not part of the store and ${unknown.length === 1 ? 'was' : 'were'} not checked:`);
  for (const file of unknown) console.log(`  ${file}`);
}
if (bad.length) console.log('Nothing was changed. Restore the damaged files from a backup, or move them aside to drop that part of the history.');
process.exit(bad.length ? 1 : 0);
