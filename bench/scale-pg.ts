/**
 * The scale benchmark's PostgreSQL figures (`npm run bench -- scale` runs it with bench/scale.ts):
 * - check-in write p50/p99 and the digest cold/warm on PostgreSQL beside the JSON store and SQLite, each seeded
 *   with the same year in this run (bench/scale/shape.ts), each figure measured in a fresh process;
 * - fan-out of the daily prompt to 5,000 people by two replica processes on one database against the fake
 *   Slack's limits, 5% HTTP 500s injected, one replica SIGKILLed halfway: total time against the floor
 *   (people / workspace limit), duplicates, and messages lost (not claimed by the dead replica, yet not delivered).
 * Needs PostgreSQL: ATTUNE_TEST_PG (default postgres://postgres@127.0.0.1:5432/test); it creates and drops its own databases.
 *   npx tsx bench/scale-pg.ts [--small] [--fanout 5000] [--skip-fanout] [--seeded postgres://.../db-to-seed-and-keep]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runProbe } from './scale/probes.js';
import { seedLowdb } from './scale/seed-lowdb.js';
import { seedSqlite } from './scale/seed-sqlite.js';
import { seededRandom } from '../src/core/seeded-random.js';
import { PersonSchema } from '../src/core/model/person.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { createTestDatabase, DEFAULT_TEST_PG } from '../tests/helpers/pg-database.js';
import { startFakeSlack, startReplica } from '../tests/helpers/replica-processes.js';
import { FULL, personId, SMALL, TODAY } from './scale/shape.js';
import { seedPostgres } from './scale/seed-postgres.js';
import { ms, percentile, table } from './stats.js';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import { silentLogger } from '../src/logger.js';
import { frozenWeeks } from '../src/features/digest/frozen-weeks.js';
import { completeWeeks } from '../src/features/digest/weeks.js';
import { NOW, teamId } from './scale/shape.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    small: { type: 'boolean', default: false },
    fanout: { type: 'string', default: '5000' },
    'skip-fanout': { type: 'boolean', default: false },
    /** Only the fan-out (the store figures take minutes to seed). */
    'fanout-only': { type: 'boolean', default: false },
    /** Internal: run one probe of bench/scale/probes.ts in this fresh process and print its JSON. */
    probe: { type: 'string' },
    /** Use (and complete, and keep) this database: the year takes minutes to seed on a shared machine. */
    seeded: { type: 'string' },
  },
});
const shape = values.small ? SMALL : FULL;
const adminUrl = process.env.ATTUNE_TEST_PG?.trim() || DEFAULT_TEST_PG;

let digestCold = NaN;
let digestWarm = NaN;
const self = fileURLToPath(import.meta.url);

/** One figure of the JSON store or SQLite, in a fresh process (as bench/scale.ts measures them). */
function probe(name: string, ...args: string[]): Record<string, number> {
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', self, ...(values.small ? ['--small'] : []), '--probe', name, ...args], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`probe ${name} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** The same year in the JSON store and SQLite, seeded in this run; their check-in write and digest figures. */
async function embeddedEngines(): Promise<string[][]> {
  const base = await mkdtemp(path.join(tmpdir(), 'attune-bench-scale-pg-'));
  try {
    const year = path.join(base, 'year');
    const sqlite = path.join(base, 'year.sqlite');
    const t0 = performance.now();
    await seedLowdb(year, values.small ? 'small' : 'full');
    seedSqlite(sqlite, shape);
    console.log(`Seeded the JSON store and SQLite: ${shape.people} people x ${shape.days} days, ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    const cw = probe('checkin-write', year, String(shape.people));
    const cwSql = probe('checkin-write-sqlite', sqlite);
    const dg = probe('digest', year);
    const dgSql = probe('digest-sqlite', sqlite);
    return [
      ['JSON store', ms(cw.p50!), ms(cw.p99!), ms(dg.cold!), ms(dg.warm!)],
      ['SQLite (FULL)', ms(cwSql.p50!), ms(cwSql.p99!), ms(dgSql.cold!), ms(dgSql.warm!)],
    ];
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

async function checkInWrites(): Promise<string[][]> {
  const db = values.seeded ? { url: values.seeded, drop: async () => undefined } : await createTestDatabase(adminUrl, 'benchscale');
  try {
    const store = await PostgresStore.open({ url: db.url });
    // A kept database: the writes of an earlier run go, so each run writes the same rows.
    await store.pool.query("DELETE FROM check_ins WHERE id LIKE 'bench-%' OR id LIKE 'conc-%'");
    const seeding = performance.now();
    await seedPostgres(store.pool, shape);
    const seeded = (performance.now() - seeding) / 1000;
    const rand = seededRandom(7);
    const times: number[] = [];
    for (let s = 0; s < shape.samples; s++) {
      const i = Math.floor(rand() * shape.people);
      const t = performance.now();
      await store.history.addCheckIn({ id: `bench-${s}`, personId: personId(i), at: `${TODAY}T16:40:00.000Z`, localDate: TODAY, mood: 3, energy: 3, stress: 3, shareNote: false, teams: [], custom: {}, key: `bench-${s}` });
      times.push(performance.now() - t);
    }
    const concurrent = performance.now();
    await Promise.all(
      Array.from({ length: shape.concurrentCheckIns }, (_, s) =>
        store.history.addCheckIn({ id: `conc-${s}`, personId: personId(s % shape.people), at: `${TODAY}T16:41:00.000Z`, localDate: TODAY, mood: 3, energy: 3, stress: 3, shareNote: false, teams: [], custom: {}, key: `conc-${s}` }),
      ),
    );
    const concurrentMs = performance.now() - concurrent;
    await store.close();
    // The digest of one team's 8 weeks from history (nothing frozen), as bench/scale.ts measures it on the JSON store
    // and SQLite: the first call on a fresh connection pool (PostgreSQL's own cache is warm from the run), then warm.
    const app = await createApp({ config: testConfig({ databaseUrl: db.url }), clock: new ManualClock(NOW), log: silentLogger });
    const team = (await app.store.teams.get(teamId(1)))!;
    const weeks = completeWeeks(TODAY);
    const t0 = performance.now();
    await frozenWeeks(app, team, weeks, { freeze: false });
    digestCold = performance.now() - t0;
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await frozenWeeks(app, team, weeks, { freeze: false });
      warm.push(performance.now() - t);
    }
    digestWarm = percentile(warm, 50);
    await app.store.close();
    console.log(`${values.seeded ? 'Completed and analysed the kept database' : 'Seeded'}: ${shape.people} people x ${shape.days} days in PostgreSQL, ${seeded.toFixed(1)} s.`);
    return [['postgres', String(shape.people), ms(percentile(times, 50)), ms(percentile(times, 99)), ms(Math.max(...times)), `${shape.concurrentCheckIns} in ${ms(concurrentMs)} ms`]];
  } finally {
    await db.drop();
  }
}

async function fanOut(people: number): Promise<string[]> {
  const LIMIT = 50;
  const RATE = 49;
  const db = await createTestDatabase(adminUrl, 'benchfanout');
  const fake = await startFakeSlack(LIMIT, 0.05);
  const replicas = [startReplica(db.url, fake.url, RATE, 'a'), startReplica(db.url, fake.url, RATE, 'b')];
  try {
    await replicas[0]!.ready; // the first migrates; then seed
    const store = await PostgresStore.open({ url: db.url });
    for (let from = 0; from < people; from += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, people - from) }, (_, k) =>
          store.people.create(PersonSchema.parse({ id: `slack:T0BENCH:U${String(from + k).padStart(6, '0')}`, workspace: 'slack:T0BENCH', name: `Person ${from + k}`, createdAt: '2026-01-01T00:00:00Z', tz: 'UTC' })),
        ),
      );
    }
    await replicas[1]!.ready;
    const started = performance.now();
    for (const r of replicas) r.go();
    for (;;) {
      const delivered = Object.keys((await fake.stats()).delivered).length;
      if (delivered >= people / 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    replicas[0]!.kill();
    await replicas[1]!.done;
    const total = (performance.now() - started) / 1000;
    const stats = await fake.stats();
    const entries = await store.ledger.on('2026-03-02');
    await store.close();
    const duplicates = Object.values(stats.delivered).reduce((n, c) => n + Math.max(0, c - 1), 0);
    const claimedByDead = entries.filter((e) => e.status === 'pending').length;
    const failed = entries.filter((e) => e.status === 'failed').length;
    const delivered = Object.keys(stats.delivered).length;
    const lost = people - claimedByDead - delivered;
    const floor = people / LIMIT;
    return [String(people), total.toFixed(1), floor.toFixed(1), (total / floor).toFixed(3), String(stats.calls), String(stats.rateLimited), String(stats.serverErrors + stats.openErrors), String(claimedByDead), String(failed), String(duplicates), String(Math.max(0, lost))];
  } finally {
    for (const r of replicas) r.child.kill('SIGKILL');
    fake.stop();
    await db.drop();
  }
}

if (values.probe) {
  console.log(JSON.stringify(await runProbe(values.probe, positionals, shape)));
  process.exit(0);
}
if (!values['fanout-only']) {
  console.log(`Shape ${values.small ? 'small (figures mean nothing)' : 'full'}: ${shape.people} people, ${shape.days} days of history; ${shape.samples} sequential check-in writes per engine.`);
  const embedded = await embeddedEngines();
  const pgRows = await checkInWrites();
  console.log(table(['engine', 'people', 'check-in p50 ms', 'p99 ms', 'max ms', 'concurrent'], pgRows));
  console.log('\nThe same year on each engine, in this run (digest: team-1\'s 8 weeks from history; cold = first call in a fresh process or pool, warm = median of 20):');
  const postgres = ['PostgreSQL', pgRows[0]![2]!, pgRows[0]![3]!, ms(digestCold), ms(digestWarm)];
  console.log(table(['engine', 'check-in p50 ms', 'check-in p99 ms', 'digest cold ms', 'digest warm ms'], [...embedded, postgres]));
}
if (!values['skip-fanout']) {
  const people = Number(values.fanout);
  console.log(`\nFan-out of the daily prompt to ${people} people by two replica processes on one database; fake Slack: 50 posts/s per workspace, 1/s per channel, 5% HTTP 500s; shared pace 49/s; replica a SIGKILLed at half delivered.`);
  console.log(table(['people', 'total s', 'floor s', 'x floor', 'posts', '429s', '500s', 'claimed by the dead (unknown)', 'failed', 'duplicates', 'lost'], [await fanOut(people)]));
}
