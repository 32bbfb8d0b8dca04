/**
 * Writes a year straight into the lowdb engine's file layout (not through the API: that would take
 * hours), split over worker processes by ledger shard so each file has exactly one writer.
 *   node --import tsx bench/scale/seed-lowdb.ts <dataDir> <shape: full|small> <worker> <workers>
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Delivery } from '../../src/core/model/delivery.js';
import { deliveryKey } from '../../src/core/model/delivery.js';
import type { CheckIn } from '../../src/core/model/history.js';
import { monthWeeks } from '../../src/store/lowdb/week-partials.js';
import { applyServed, SERVED_INDEX_FILE, type ServedIndex } from '../../src/store/lowdb/served-index.js';
import { EVENT_SHARDS, eventShard, layout } from '../../src/store/lowdb/paths.js';
import { eventLogFile } from '../../src/store/lowdb/events.js';
import { addDays } from '../../src/core/time.js';
import { FULL, person, personId, personYear, SMALL, team, TODAY, type Shape } from './shape.js';

/** Runs `fn` over items with at most `limit` in flight. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/**
 * The ledger is seeded as the older layout kept it (16 shards a day, `NN.json`, never pruned): a year of
 * it is what an upgrading store holds, and its first open prunes it to the retention window and moves the
 * kept days into today's shards (reported as the first open). The current app never holds more than the window.
 */
const OLD_LEDGER_SHARDS = 16;
const oldLedgerShard = (personId: string) => createHash('sha1').update(personId).digest().readUInt16BE(0) % OLD_LEDGER_SHARDS;

async function seedSlice(dataDir: string, shape: Shape, worker: number, workers: number, onlyPeople?: number): Promise<void> {
  const paths = layout(dataDir);
  const mine = (i: number) => oldLedgerShard(personId(i)) % workers === worker;
  const ledger = new Map<string, Map<number, Record<string, Delivery>>>();
  const people = Array.from({ length: onlyPeople ?? shape.people }, (_, i) => i).filter(mine);
  await pool(people, 16, async (i) => {
    const id = personId(i);
    const year = personYear(i, shape);
    const months = new Map<string, { reflections: unknown[]; checkins: unknown[]; served: unknown[] }>();
    const month = (date: string) => {
      const key = date.slice(0, 7);
      let m = months.get(key);
      if (!m) months.set(key, (m = { reflections: [], checkins: [], served: [] }));
      return m;
    };
    for (const c of year.checkins) month(c.localDate).checkins.push(c);
    for (const r of year.reflections) month(r.localDate).reflections.push(r);
    for (const s of year.served) month(s.localDate).served.push(s);
    await mkdir(paths.personDir(id), { recursive: true });
    // With the week summaries the app writes beside the check-ins (a month the current app wrote has them),
    // and this month's log as the app leaves it: the last answer appended, already absorbed by the
    // month's file when today's prompt was served (its logSeq), so the next answer empties it first.
    for (const [m, part] of months) {
      const current = m === TODAY.slice(0, 7) && part.checkins.length > 0;
      await writeFile(paths.history(id, m), JSON.stringify({ version: 1, personId: id, month: m, ...part, weeks: monthWeeks(part.checkins as CheckIn[]), ...(current ? { logSeq: 1 } : {}) }));
      if (current) await writeFile(paths.historyLog(id, m), JSON.stringify({ seq: 1, checkin: part.checkins.at(-1) }) + '\n');
    }
    // The served-prompt index the app keeps beside the months as it serves (built with the engine's own code):
    // a year the current app produced has it, so the daily prompt reads it and not 180 days of months.
    const index: ServedIndex = { version: 1, personId: id, complete: true, latest: {}, earlier: {} };
    for (const s of year.served) applyServed(index, s);
    await writeFile(path.join(paths.personDir(id), SERVED_INDEX_FILE), JSON.stringify(index));
    const shard = oldLedgerShard(id);
    for (const d of year.ledger) {
      let byShard = ledger.get(d.localDate);
      if (!byShard) ledger.set(d.localDate, (byShard = new Map()));
      let entries = byShard.get(shard);
      if (!entries) byShard.set(shard, (entries = {}));
      entries[deliveryKey(d.personId, d.job, d.localDate)] = d;
    }
  });
  const files: Array<[string, number, Record<string, Delivery>]> = [];
  for (const [date, byShard] of ledger) for (const [shard, entries] of byShard) files.push([date, shard, entries]);
  await pool(files, 16, async ([date, shard, deliveries]) => {
    await mkdir(paths.ledgerDir(date), { recursive: true });
    await writeFile(path.join(paths.ledgerDir(date), `${String(shard).padStart(2, '0')}.json`), JSON.stringify({ version: 1, localDate: date, deliveries }));
  });
}

/** The small state (people, teams) and the event keys of today and yesterday. */
async function seedState(dataDir: string, shape: Shape, people: number, eventKeys: number): Promise<void> {
  const paths = layout(dataDir);
  await mkdir(dataDir, { recursive: true });
  const state = { version: 1, people: {} as Record<string, unknown>, teams: {} as Record<string, unknown>, drafts: {}, nudges: { people: {}, resources: {} }, digestWeeks: {} };
  for (let i = 0; i < people; i++) state.people[personId(i)] = person(i);
  for (let t = 0; t * shape.teamSize < people; t++) state.teams[team(t, { ...shape, people }).id] = team(t, { ...shape, people });
  await writeFile(paths.state, JSON.stringify(state, null, 2));
  await mkdir(paths.eventsRoot, { recursive: true });
  for (const day of [addDays(TODAY, -1), TODAY]) {
    const shards = Array.from({ length: EVENT_SHARDS }, () => ({} as Record<string, string>));
    for (let k = 0; k < eventKeys; k++) {
      const key = `Ev0${day}x${k}`;
      shards[eventShard(key)]![key] = `${day}T08:00:00.000Z`;
    }
    await mkdir(paths.eventsDay(day), { recursive: true });
    // As the app writes them: one line per claimed key in the shard's log.
    await Promise.all(
      shards.map((keys, shard) =>
        Object.keys(keys).length ? writeFile(path.join(paths.eventsDay(day), eventLogFile(shard)), Object.entries(keys).map(([k, at]) => JSON.stringify({ k, at }) + '\n').join('')) : undefined,
      ),
    );
  }
}

/** The lowdb engine's data directory: a year of `shape` (history by workers in parallel), or only people and event keys. */
export async function seedLowdb(dataDir: string, shapeName: 'full' | 'small', opts: { people?: number; eventKeys?: number; history?: boolean } = {}): Promise<void> {
  const shape = shapeName === 'full' ? FULL : SMALL;
  await seedState(dataDir, shape, opts.people ?? shape.people, opts.eventKeys ?? shape.eventKeys);
  if (opts.history === false) return;
  const workers = Math.min(OLD_LEDGER_SHARDS, shapeName === 'full' ? 2 : 1);
  const self = fileURLToPath(import.meta.url);
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const child = spawn(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', self, dataDir, shapeName, String(w), String(workers)], { stdio: ['ignore', 'inherit', 'inherit'] });
      return new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lowdb seeder ${w} exited with ${code}`)))));
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dataDir, shapeName, worker, workers, onlyPeople] = process.argv.slice(2);
  await seedSlice(path.resolve(dataDir!), shapeName === 'full' ? FULL : SMALL, Number(worker), Number(workers), onlyPeople ? Number(onlyPeople) : undefined);
}
