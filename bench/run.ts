/** Runs every benchmark in bench/ one after another (or those named: npm run bench -- store-write digest). */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const HELPERS = new Set(['run.ts', 'stats.ts']);
const wanted = process.argv.slice(2);
const all = readdirSync(here).filter((f) => f.endsWith('.ts') && !HELPERS.has(f) && !f.startsWith('fake-'));
// A name also runs its parts: `scale` runs scale.ts and scale-pg.ts.
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f === `${w}.ts` || f.startsWith(`${w}-`))) : all;
let failed = 0;
for (const file of chosen) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
