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
  // Sibling folders are listed at once (5,000 person folders one after another took ~0.9 s).
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.json') || e.name.endsWith('.log') ? [path.join(dir, e.name)] : [])));
  return nested.flat();
}

const dataDir = path.resolve(loadConfig().dataDir);
const files = await walk(dataDir);
// .log files are the store's only under history/, events/ and answers/ (appended lines); others are not ours to mention.
const unknown = files.filter((file) => !schemaFor(dataDir, file) && file.endsWith('.json'));
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
