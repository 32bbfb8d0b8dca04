/**
 * Each figure of the scale benchmark is measured in a fresh process (`--probe <name>`), so no probe
 * pays for another's heap or warms another's caches. A probe prints one JSON line.
 */
import Database from 'better-sqlite3';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { CheckIn } from '../../src/core/model/history.js';
import { frozenWeeks } from '../../src/features/digest/frozen-weeks.js';
import { completeWeeks } from '../../src/features/digest/weeks.js';
import { seededRandom } from '../../src/core/seeded-random.js';
import { personId, teamId, TODAY, NOW, WORKSPACE, type Shape } from './shape.js';
import { claimEvent, closeStore, erasePerson, exportPerson, openApp, openStore, teamById, writeCheckIn, writePersonSettings } from './store-api.js';
import { openSqlite } from './seed-sqlite.js';
import { sqliteDigestApp } from './sqlite-digest.js';
import { dailyPromptPass } from './daily-prompt-pass.js';
import type { Team } from '../../src/core/model/team.js';
import { percentile } from '../stats.js';

const time = async (fn: () => unknown): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

function todaysCheckIn(i: number, n: number): CheckIn {
  return { id: `bench-${n}-${i}`, personId: personId(i), at: `${TODAY}T16:31:00.000Z`, localDate: TODAY, mood: 3, energy: 4, stress: 2, note: 'a benchmark day, calm enough', shareNote: false, teams: [], custom: {}, key: `EvBench${n}x${i}` };
}

/** Sequential check-in writes, each for a different person (their month's partition is not in memory yet). */
async function checkinWrite(dir: string, shape: Shape, people: number): Promise<Record<string, number>> {
  const store = await openStore(dir);
  const rand = seededRandom(7);
  const times: number[] = [];
  // Uncounted warm-up, as a running server would be (code compiled), as SQLite's statement is prepared:
  // one check-in of someone outside the timed ones.
  await writeCheckIn(store, { ...todaysCheckIn(people - 1, -1), personId: personId(shape.people + 1) });
  for (let n = 0; n < shape.samples; n++) times.push(await time(() => writeCheckIn(store, todaysCheckIn(Math.floor(rand() * people), n))));
  // The close copies the answers still in the answer log into their months (done in idle moments in a
  // running app): reported beside the writes, so the work they put off is seen.
  const closeMs = await time(() => closeStore(store));
  return { p50: percentile(times, 50), p99: percentile(times, 99), closeMs };
}

function checkinWriteSqlite(file: string, shape: Shape): Record<string, number> {
  const db = openSqlite(file);
  const ins = db.prepare('INSERT INTO checkins VALUES (@id, @personId, NULL, @localDate, @at, @mood, @energy, @stress, @note, 0, @key)');
  const rand = seededRandom(7);
  const times: number[] = [];
  // The same uncounted warm-up as the JSON store's.
  const warm = todaysCheckIn(shape.people - 1, -1);
  ins.run({ ...warm, personId: personId(shape.people + 1), key: `sql-${warm.key}`, id: `sql-${warm.id}` });
  for (let n = 0; n < shape.samples; n++) {
    const c = todaysCheckIn(Math.floor(rand() * shape.people), n);
    const t0 = performance.now();
    ins.run({ ...c, key: `sql-${c.key}` , id: `sql-${c.id}` });
    times.push(performance.now() - t0);
  }
  // Its close checkpoints the WAL into the database file.
  const c0 = performance.now();
  db.close();
  const closeMs = performance.now() - c0;
  return { p50: percentile(times, 50), p99: percentile(times, 99), closeMs };
}

async function personWrite(dir: string, shape: Shape, people: number): Promise<Record<string, number>> {
  const store = await openStore(dir);
  const rand = seededRandom(9);
  const times: number[] = [];
  for (let n = 0; n < shape.samples; n++) {
    const i = Math.floor(rand() * people);
    times.push(await time(() => writePersonSettings(store, personId(i), n % 2 ? '09:15' : '09:45')));
  }
  await closeStore(store);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function eventClaim(dir: string, shape: Shape): Promise<Record<string, number>> {
  const store = await openStore(dir);
  const times: number[] = [];
  const now = new Date(NOW);
  for (let n = 0; n < shape.samples; n++) times.push(await time(() => claimEvent(store, `EvClaim${n}`, now)));
  await closeStore(store);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** The worst event-loop stall while many people check in and others run commands, all at once. */
async function stall(dir: string, shape: Shape): Promise<Record<string, number>> {
  const app = await openApp(dir);
  const actor = (i: number) => ({ id: personId(i), platform: 'slack' as const, workspace: WORKSPACE, displayName: `Person ${i}` });
  // Uncounted warm-up, as a running server would be: code compiled, state in memory.
  await app.dispatcher.dispatch({ kind: 'command', actor: actor(0), text: 'help' });
  const h = monitorEventLoopDelay({ resolution: 1 });
  let worst = 0;
  // On a shared machine a gap may be the OS running someone else: the process's CPU time within the
  // worst gap (all its threads, so GC and file I/O count too) says how much of it was our own work.
  let worstCpu = 0;
  let maxCpuGap = 0;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const ticker = setInterval(() => {
    const t = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const gap = t - last - 1;
    if (gap > worst) {
      worst = gap;
      worstCpu = cpuMs;
    }
    maxCpuGap = Math.max(maxCpuGap, Math.min(cpuMs, gap));
    last = t;
    lastCpu = process.cpuUsage();
  }, 1);
  h.enable();
  const t0 = performance.now();
  const work: Array<Promise<unknown>> = [];
  for (let k = 0; k < shape.concurrentCheckIns; k++) work.push(app.dispatcher.dispatch({ kind: 'command', actor: actor((k * 7) % shape.people), text: 'checkin 4 3 2 steady day', idempotencyKey: `EvStall${k}` }));
  for (let k = 0; k < shape.concurrentCommands; k++) work.push(app.dispatcher.dispatch({ kind: 'command', actor: actor((k * 13 + 1) % shape.people), text: k % 2 ? 'history' : 'settings' }));
  await Promise.all(work);
  const total = performance.now() - t0;
  h.disable();
  clearInterval(ticker);
  await app.store.close();
  return { worstStall: Math.max(worst, h.max / 1e6), worstStallCpu: worstCpu, maxCpuInAGap: maxCpuGap, total };
}

/** A team's 8 weeks of digest aggregates, computed from history (nothing frozen): first call, then warm. */
async function digest(dir: string, runs: number): Promise<Record<string, number>> {
  const app = await openApp(dir);
  const team = await teamById(app, teamId(1));
  const weeks = completeWeeks(TODAY);
  const cold = await time(() => frozenWeeks(app, team, weeks, { freeze: false }));
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(await time(() => frozenWeeks(app, team, weeks, { freeze: false })));
  await app.store.close();
  return { cold, warm: percentile(warm, 50) };
}

/**
 * The same digest on SQLite: frozenWeeks (the same audit, noise and release) over SQLite's queries, the
 * database opened before timing as the JSON store is. Beside it, the team's plain GROUP BY alone (what a
 * dashboard without any privacy step would run), reported as a note.
 */
async function digestSqlite(file: string, runs: number): Promise<Record<string, number>> {
  const weeks = completeWeeks(TODAY);
  const db = new Database(file, { readonly: true });
  const app = sqliteDigestApp(db);
  const team = JSON.parse((db.prepare('SELECT body FROM teams WHERE id = ?').get(teamId(1)) as { body: string }).body) as Team;
  const cold = await time(() => frozenWeeks(app, team, weeks, { freeze: false }));
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(await time(() => frozenWeeks(app, team, weeks, { freeze: false })));
  const from = weeks[0]!.from;
  const to = weeks[weeks.length - 1]!.to;
  const groupBy = db.prepare(
    `WITH pp AS (
       SELECT CAST((julianday(local_date) - julianday(@from)) / 7 AS INTEGER) AS week, person_id, AVG(mood) AS m, AVG(energy) AS e, AVG(stress) AS s
       FROM checkins WHERE team_id = @team AND local_date BETWEEN @from AND @to GROUP BY week, person_id)
     SELECT week, COUNT(*) AS respondents, AVG(m), AVG(e), AVG(s), SUM(CAST(m + 0.5 AS INTEGER) = 1), SUM(CAST(m + 0.5 AS INTEGER) = 5), SUM(CAST(s + 0.5 AS INTEGER) >= 4)
     FROM pp GROUP BY week ORDER BY week`,
  );
  const groupByTimes: number[] = [];
  for (let i = 0; i < runs; i++) groupByTimes.push(await time(() => groupBy.all({ team: teamId(2), from, to })));
  db.close();
  return { cold, warm: percentile(warm, 50), groupByFirst: groupByTimes[0]!, groupByWarm: percentile(groupByTimes, 50) };
}

/** `privacy export` and `privacy delete` of a few people with a year of history each; the worst of each. */
async function privacy(dir: string, shape: Shape): Promise<Record<string, number>> {
  const store = await openStore(dir);
  const exports: number[] = [];
  const deletes: number[] = [];
  for (let k = 0; k < 5; k++) {
    const id = personId(shape.people - 1 - k * 3);
    exports.push(await time(() => exportPerson(store, id)));
    deletes.push(await time(() => erasePerson(store, id)));
  }
  await closeStore(store);
  return { export: Math.max(...exports), delete: Math.max(...deletes) };
}

/** Opening the store on the year (the first open also runs any migration; this one is measured separately). */
async function open(dir: string): Promise<Record<string, number>> {
  const t0 = performance.now();
  const store = await openStore(dir);
  const ms = performance.now() - t0;
  await closeStore(store);
  return { ms };
}

export async function runProbe(name: string, args: string[], shape: Shape): Promise<Record<string, number>> {
  const [dir, extra] = args as [string, string | undefined];
  switch (name) {
    case 'checkin-write':
      return checkinWrite(dir, shape, Number(extra));
    case 'checkin-write-sqlite':
      return checkinWriteSqlite(dir, shape);
    case 'person-write':
      return personWrite(dir, shape, Number(extra));
    case 'event-claim':
      return eventClaim(dir, shape);
    case 'stall':
      return stall(dir, shape);
    case 'daily-prompt-rss':
      return dailyPromptPass(dir);
    case 'digest':
      return digest(dir, 20);
    case 'digest-sqlite':
      return digestSqlite(dir, 20);
    case 'privacy':
      return privacy(dir, shape);
    case 'open':
      return open(dir);
    default:
      throw new Error(`unknown probe ${name}`);
  }
}
