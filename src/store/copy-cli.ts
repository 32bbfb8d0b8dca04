/**
 * `npm run store:copy -- --from ./data --to postgres://...` (or back): copies every record from one
 * store into an empty one, then compares counts of every kind. Run it with Attune stopped: the JSON
 * store's directory lock makes sure of it for that side.
 */
import { systemClock } from '../core/clock.js';
import { copyStore, CopyMismatchError, TargetNotEmptyError } from './copy-store.js';
import { locationOf, openStore } from './open-store.js';
import { redactUrl } from './postgres/pool.js';

const USAGE = 'Usage: npm run store:copy -- --from <data directory or postgres:// URL> --to <data directory or postgres:// URL>';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const fromArg = arg('--from');
const toArg = arg('--to');
if (!fromArg || !toArg || fromArg.startsWith('--') || toArg.startsWith('--')) {
  console.error(USAGE);
  process.exit(2);
}
if (fromArg === toArg) {
  console.error(`--from and --to are the same store (${fromArg}): give two different ones.\n${USAGE}`);
  process.exit(2);
}
const shown = (a: string) => (a.includes('://') ? redactUrl(a) : a);
const now = systemClock.now();
const from = await openStore(locationOf(fromArg), now, { replicaName: 'store:copy' });
const to = await openStore(locationOf(toArg), now, { replicaName: 'store:copy' }).catch(async (err: unknown) => {
  await from.close();
  throw err;
});
try {
  const counts = await copyStore(from, to, now.toISOString().slice(0, 10), now);
  console.log(`Copied ${shown(fromArg)} (${from.engine}) to ${shown(toArg)} (${to.engine}); counts match:`);
  for (const [kind, n] of Object.entries(counts)) console.log(`  ${kind.padEnd(20)} ${n}`);
} catch (err) {
  process.exitCode = 1;
  if (err instanceof TargetNotEmptyError || err instanceof CopyMismatchError) console.error(err.message);
  else throw err;
} finally {
  await Promise.allSettled([from.close(), to.close()]);
}
