/**
 * Write latency of a check-in-sized record with 1k, 100k and 1M records of history, for Attune's
 * partitioned store against one lowdb JSONFile holding the same history, in the same run.
 * Run: npx tsx bench/store-write.ts [--sizes 1000,100000,1000000] [--writes 300] [--baseline-writes 12]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { CheckIn } from '../src/core/model/history.js';
import { addDays } from '../src/core/time.js';
import { openLowdbStore } from '../src/store/lowdb/open-lowdb-store.js';
import type { Store } from '../src/core/store/index.js';
import { personFolder } from '../src/store/lowdb/paths.js';
import { ms, percentile, table } from './stats.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const SIZES = arg('sizes', '1000,100000,1000000').split(',').map(Number);
const WRITES = Number(arg('writes', '300'));
const BASELINE_WRITES = Number(arg('baseline-writes', '12'));
const DAYS = 200;
const START = '2025-08-01';
const TODAY = addDays(START, DAYS);

function record(personId: string, localDate: string, i: number): CheckIn {
  return {
    id: `c-${i}-${personId}`,
    personId,
    at: `${localDate}T16:05:00.000Z`,
    localDate,
    mood: (i % 5) + 1,
    energy: ((i + 2) % 5) + 1,
    stress: ((i + 4) % 5) + 1,
    note: i % 3 === 0 ? 'busy queue but the team had my back' : undefined,
    shareNote: false,
    teams: ['slack:T1/care'],
    custom: {},
    key: `Ev${i}`,
  } as CheckIn;
}

/** Writes N check-ins of history straight into the store's file layout (people x 200 days). */
async function seedPartitioned(dataDir: string, n: number): Promise<string[]> {
  const people = Math.max(1, Math.round(n / DAYS));
  const ids = Array.from({ length: people }, (_, p) => `slack:T1:U${String(p).padStart(6, '0')}`);
  const state = { version: 1, people: {} as Record<string, unknown>, teams: {}, drafts: {} };
  let i = 0;
  for (const id of ids) {
    state.people[id] = { id, workspace: 'slack:T1', name: id.slice(-7), createdAt: '2025-08-01T00:00:00.000Z', admin: false, promptTime: '09:30', reminderTime: '16:30', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'] };
    const months = new Map<string, CheckIn[]>();
    for (let d = 0; d < DAYS && i < n; d++, i++) {
      const date = addDays(START, d);
      const list = months.get(date.slice(0, 7)) ?? [];
      list.push(record(id, date, i));
      months.set(date.slice(0, 7), list);
    }
    const dir = path.join(dataDir, 'history', personFolder(id));
    await mkdir(dir, { recursive: true });
    for (const [month, checkins] of months) {
      await writeFile(path.join(dir, `${month}.json`), JSON.stringify({ version: 1, personId: id, month, reflections: [], checkins, served: [] }));
    }
  }
  await writeFile(path.join(dataDir, 'state.json'), JSON.stringify(state));
  return ids;
}

/**
 * Seeds one store per size, then writes to them in turn (1k, 100k, 1M, 1k, ...) so that every size
 * sees the same background noise (fsync latency on a shared machine varies a lot minute to minute).
 */
async function measureStores(sizes: number[]): Promise<Map<number, number[]>> {
  const dirs: string[] = [];
  try {
    const subjects: Array<{ n: number; store: Store; ids: string[]; times: number[] }> = [];
    for (const n of sizes) {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'attune-bench-store-'));
      dirs.push(dataDir);
      process.stderr.write(`seeding ${n.toLocaleString('en')} records of history...\n`);
      const ids = await seedPartitioned(dataDir, n);
      subjects.push({ n, ids, times: [], store: await openLowdbStore({ dataDir, now: new Date(`${TODAY}T12:00:00Z`) }) });
    }
    for (let w = 0; w < WRITES; w++) {
      for (const s of subjects) {
        // A different person each time, so most writes also load that person's month from disk (cold cache).
        const id = s.ids[(w * 7919) % s.ids.length]!;
        const t0 = performance.now();
        await s.store.history.addCheckIn(record(id, TODAY, s.n + w));
        s.times.push(performance.now() - t0);
      }
    }
    for (const s of subjects) await s.store.close();
    return new Map(subjects.map((s) => [s.n, s.times]));
  } finally {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }
}

async function measureBaseline(n: number): Promise<number[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'attune-bench-lowdb-'));
  try {
    const file = path.join(dir, 'db.json');
    const people = Math.max(1, Math.round(n / DAYS));
    const checkins: CheckIn[] = [];
    for (let i = 0; i < n; i++) checkins.push(record(`slack:T1:U${String(i % people).padStart(6, '0')}`, addDays(START, Math.floor(i / people) % DAYS), i));
    const db = new Low<{ checkins: CheckIn[] }>(new JSONFile(file), { checkins });
    await db.write();
    const times: number[] = [];
    const writes = n >= 1_000_000 ? BASELINE_WRITES : n >= 100_000 ? Math.max(BASELINE_WRITES, 30) : WRITES;
    for (let w = 0; w < writes; w++) {
      const t0 = performance.now();
      db.data.checkins.push(record('slack:T1:U000000', TODAY, n + w));
      await db.write();
      times.push(performance.now() - t0);
    }
    return times;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const rows: string[][] = [];
const p99s = new Map<number, { store: number; baseline: number }>();
const storeTimes = await measureStores(SIZES);
for (const n of SIZES) {
  const store = storeTimes.get(n)!;
  process.stderr.write(`history ${n.toLocaleString('en')}: one lowdb JSONFile...\n`);
  const baseline = await measureBaseline(n);
  p99s.set(n, { store: percentile(store, 99), baseline: percentile(baseline, 99) });
  rows.push([
    n.toLocaleString('en'),
    `${ms(percentile(store, 50))} / ${ms(percentile(store, 99))}  (n=${store.length})`,
    `${ms(percentile(baseline, 50))} / ${ms(percentile(baseline, 99))}  (n=${baseline.length})`,
    `${(percentile(baseline, 99) / percentile(store, 99)).toFixed(0)}x`,
  ]);
}
console.log('\nWrite latency of one check-in (ms, median / p99), fsync on for the store, as shipped:');
console.log(table(['history records', 'Attune store (partitioned)', 'one lowdb JSONFile', 'p99 speed-up'], rows));
const first = p99s.get(SIZES[0]!);
const last = p99s.get(SIZES[SIZES.length - 1]!);
if (first && last) console.log(`\nStore p99 at ${SIZES[SIZES.length - 1]!.toLocaleString('en')} / at ${SIZES[0]!.toLocaleString('en')}: ${(last.store / first.store).toFixed(2)}x (goal <= 2x)`);
