/**
 * Benchmark: the morale digest of a 50-person team over 12 weeks of its history, with 100k and 1M
 * check-ins in the store, against the same aggregates computed by better-sqlite3 GROUP BY over the
 * same rows, in the same run. Run: npx tsx bench/digest.ts [--sizes 100000,1000000] [--runs 100]
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { testConfig } from '../src/config.js';
import { loadContent } from '../src/content/load-content.js';
import { ManualClock } from '../src/core/clock.js';
import type { DigestWeek } from '../src/core/model/digest-week.js';
import type { CheckIn } from '../src/core/model/history.js';
import type { Person } from '../src/core/model/person.js';
import type { Team } from '../src/core/model/team.js';
import { addDays } from '../src/core/time.js';
import { buildDigest } from '../src/features/digest/build-digest.js';
import { frozenWeeks } from '../src/features/digest/frozen-weeks.js';
import { completeWeeks } from '../src/features/digest/weeks.js';
import { openLowdbStore } from '../src/store/lowdb/open-lowdb-store.js';
import { layout } from '../src/store/lowdb/paths.js';
import { seededRandom } from '../src/core/seeded-random.js';

const TODAY = '2026-03-02';
const NOW = `${TODAY}T10:00:00.000Z`;
const TEAM_SIZE = 50;
const TEAM_WEEKS = 12;
const FILLER_DAYS = 250;
const JOINED = '2025-01-01T00:00:00.000Z';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const SIZES = opt('sizes', '100000,1000000').split(',').map(Number);
const RUNS = Number(opt('runs', '100'));


const person = (id: string, admin = false): Person => ({ id, workspace: 'shell', name: id.slice(6), createdAt: JOINED, admin, promptTime: '09:30', reminderTime: '16:30', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'] });
const team = (slug: string, members: string[], leads: string[] = []): Team => ({
  id: `shell/${slug}`,
  workspace: 'shell',
  name: slug,
  createdAt: JOINED,
  members: members.map((personId) => ({ personId, from: JOINED })),
  leads,
  threshold: 5,
  digestDay: 'mon',
  digestTime: '09:00',
  questions: [],
});

/** Writes the store's files directly (state.json and one history file per person and month): the format LowdbStore reads. */
async function generate(dir: string, total: number, db: Database.Database): Promise<{ teamSize: number; teamCheckIns: number; people: number }> {
  const paths = layout(dir);
  const rand = seededRandom(total);
  const people: Record<string, Person> = { 'shell:lead': person('shell:lead', true) };
  const teams: Record<string, Team> = {};
  const benchMembers = Array.from({ length: TEAM_SIZE }, (_, i) => `shell:b${i}`);
  teams['shell/bench'] = team('bench', benchMembers, ['shell:lead']);
  const teamDays = TEAM_WEEKS * 7;
  // Members answer on about 80% of days; the rest of the store is other teams of 50 over 250 days.
  const benchRows = Math.round(TEAM_SIZE * teamDays * 0.8);
  const fillerPeople = Math.max(1, Math.round((total - benchRows) / (FILLER_DAYS * 0.8)));
  const insert = db.prepare('INSERT INTO checkins (person_id, team_id, local_date, mood, energy, stress) VALUES (?, ?, ?, ?, ?, ?)');
  let written = 0;
  let teamCheckIns = 0;

  const writePerson = async (personId: string, teamId: string, days: number, share: number) => {
    const byMonth = new Map<string, CheckIn[]>();
    for (let d = 0; d < days; d++) {
      if (written >= total || rand() > share) continue;
      const date = addDays(TODAY, -days + d);
      const c: CheckIn = {
        id: `c${written}`,
        personId,
        at: `${date}T16:00:00.000Z`,
        localDate: date,
        mood: 1 + Math.floor(rand() * 5),
        energy: 1 + Math.floor(rand() * 5),
        stress: 1 + Math.floor(rand() * 5),
        shareNote: false,
        teams: [teamId],
        custom: {},
      };
      written++;
      const month = date.slice(0, 7);
      byMonth.set(month, [...(byMonth.get(month) ?? []), c]);
      insert.run(personId, teamId, date, c.mood, c.energy, c.stress);
    }
    for (const [month, checkins] of byMonth) {
      const file = paths.history(personId, month);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify({ version: 1, personId, month, reflections: [], checkins, served: [] }));
    }
    return [...byMonth.values()].reduce((n, l) => n + l.length, 0);
  };

  db.exec('BEGIN');
  for (const p of benchMembers) {
    people[p] = person(p);
    teamCheckIns += await writePerson(p, 'shell/bench', teamDays, 0.8);
  }
  const filler = Array.from({ length: fillerPeople }, (_, i) => `shell:f${i}`);
  for (let t = 0; t * TEAM_SIZE < filler.length; t++) {
    const members = filler.slice(t * TEAM_SIZE, (t + 1) * TEAM_SIZE);
    teams[`shell/f${t}`] = team(`f${t}`, members);
    for (const p of members) {
      people[p] = person(p);
      await writePerson(p, `shell/f${t}`, FILLER_DAYS, 0.8);
    }
  }
  // Top up to the exact total with one more filler if rounding left a gap.
  while (written < total) {
    const p = `shell:x${written}`;
    people[p] = person(p);
    await writePerson(p, 'shell/none', FILLER_DAYS, 1);
  }
  db.exec('COMMIT');
  await writeFile(paths.state, JSON.stringify({ version: 1, people, teams, drafts: {}, digestWeeks: {} }));
  return { teamSize: TEAM_SIZE, teamCheckIns, people: Object.keys(people).length };
}

interface SqlWeek {
  week: number;
  respondents: number;
  mood: number;
  energy: number;
  stress: number;
  d1: number;
  d2: number;
  d3: number;
  d4: number;
  d5: number;
  stressHigh: number;
}

/** The digest's figures by GROUP BY: per person and week first (each person weighs once), then per week; plus per day. */
function sqliteAggregates(db: Database.Database, weeks: ReturnType<typeof completeWeeks>) {
  const from = weeks[0]!.from;
  const to = weeks[weeks.length - 1]!.to;
  const perWeek = db
    .prepare(
      `WITH pp AS (
         SELECT CAST((julianday(local_date) - julianday(@from)) / 7 AS INTEGER) AS week, person_id,
                AVG(mood) AS m, AVG(energy) AS e, AVG(stress) AS s
         FROM checkins WHERE team_id = @team AND local_date BETWEEN @from AND @to
         GROUP BY week, person_id)
       SELECT week, COUNT(*) AS respondents, ROUND(AVG(m), 1) AS mood, ROUND(AVG(e), 1) AS energy, ROUND(AVG(s), 1) AS stress,
              SUM(CAST(m + 0.5 AS INTEGER) = 1) AS d1, SUM(CAST(m + 0.5 AS INTEGER) = 2) AS d2, SUM(CAST(m + 0.5 AS INTEGER) = 3) AS d3,
              SUM(CAST(m + 0.5 AS INTEGER) = 4) AS d4, SUM(CAST(m + 0.5 AS INTEGER) = 5) AS d5,
              SUM(CAST(s + 0.5 AS INTEGER) >= 4) AS stressHigh
       FROM pp GROUP BY week ORDER BY week`,
    )
    .all({ team: 'shell/bench', from, to }) as SqlWeek[];
  const perDay = db
    .prepare(`SELECT local_date, COUNT(DISTINCT person_id) AS respondents, AVG(mood) AS mood FROM checkins WHERE team_id = ? AND local_date BETWEEN ? AND ? GROUP BY local_date`)
    .all('shell/bench', from, to);
  return { perWeek, perDay };
}

/** The reference query: a 90-day per-day average. */
function sqlite90Days(db: Database.Database) {
  return db.prepare('SELECT local_date, AVG(mood) FROM checkins WHERE team_id = ? AND local_date >= ? GROUP BY local_date').all('shell/bench', addDays(TODAY, -90));
}

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (x: number) => x.toFixed(2);

async function timeIt<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: ms(t0) };
}

function matches(ours: DigestWeek[], sql: SqlWeek[]): boolean {
  return ours.every((w, i) => {
    const s = sql.find((x) => x.week === i);
    if (!s) return w.respondents === 0;
    return (
      s.respondents === w.respondents &&
      Math.abs(s.mood - w.mood!.mean) < 0.051 &&
      Math.abs(s.energy - w.energy!.mean) < 0.051 &&
      Math.abs(s.stress - w.stress!.mean) < 0.051 &&
      [s.d1, s.d2, s.d3, s.d4, s.d5].join() === w.mood!.distribution.join() &&
      s.stressHigh === w.stressHigh
    );
  });
}

interface Measured {
  oursCold: number;
  oursWarm: number;
  sqlCold: number;
  sqlWarm: number;
  sql90: number;
  fullFirst: number;
  fullLater: number;
  same: boolean;
}

/** Runs in a fresh process over generated files, so neither engine pays for the generator's heap. */
async function measure(dir: string): Promise<Measured> {
  const content = await loadContent();
  const clock = new ManualClock(NOW);
  const config = testConfig({ dataDir: path.join(dir, 'store'), minRespondents: 5 });
  const store = await openLowdbStore({ dataDir: config.dataDir, now: clock.now() });
  const app = { store, config, clock, content, random: seededRandom(7) };
  const benchTeam = (await store.teams.get('shell/bench'))!;
  const lead = (await store.people.get('shell:lead'))!;
  const weeks = completeWeeks(TODAY);
  const sdb = new Database(path.join(dir, 'bench.sqlite'), { readonly: true });

  // Cold: the first call of each engine after opening (the OS file cache is warm: the files were just written).
  const cold = await timeIt(() => frozenWeeks(app, benchTeam, weeks, { freeze: false }));
  const sCold = await timeIt(() => sqliteAggregates(sdb, weeks));
  // Warm: interleaved so both engines see the same machine load. No freezing: every run computes.
  const warm: number[] = [];
  const sWarm: number[] = [];
  const s90: number[] = [];
  // Uncounted rounds first, so both engines' code is compiled hot before the counted ones.
  for (let i = 0; i < 10; i++) {
    await frozenWeeks(app, benchTeam, weeks, { freeze: false });
    sqliteAggregates(sdb, weeks);
  }
  for (let i = 0; i < RUNS; i++) {
    warm.push((await timeIt(() => frozenWeeks(app, benchTeam, weeks, { freeze: false }))).ms);
    sWarm.push((await timeIt(() => sqliteAggregates(sdb, weeks))).ms);
    s90.push((await timeIt(() => sqlite90Days(sdb))).ms);
  }
  // The whole reply (text and chart PNG): the first call computes and freezes, later ones read the frozen weeks.
  const fullFirst = await timeIt(() => buildDigest(app, lead, benchTeam, TODAY));
  const fullLater: number[] = [];
  for (let i = 0; i < RUNS; i++) fullLater.push((await timeIt(() => buildDigest(app, lead, benchTeam, TODAY))).ms);
  await store.close();
  sdb.close();
  return {
    oursCold: cold.ms,
    oursWarm: median(warm),
    sqlCold: sCold.ms,
    sqlWarm: median(sWarm),
    sql90: median(s90),
    fullFirst: fullFirst.ms,
    fullLater: median(fullLater),
    same: matches(cold.value, sCold.value.perWeek),
  };
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  for (const size of SIZES) {
    const dir = await mkdtemp(path.join(tmpdir(), 'attune-bench-digest-'));
    try {
      const db = new Database(path.join(dir, 'bench.sqlite'));
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE checkins (person_id TEXT, team_id TEXT, local_date TEXT, mood INT, energy INT, stress INT)');
      const gen = await timeIt(() => generate(path.join(dir, 'store'), size, db));
      db.exec('CREATE INDEX checkins_team_date ON checkins (team_id, local_date)');
      db.close();
      process.stderr.write(`${size}: generated in ${(gen.ms / 1000).toFixed(1)} s (${gen.value.people} people, team of ${gen.value.teamSize} with ${gen.value.teamCheckIns} check-ins)\n`);
      const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', dir, '--runs', String(RUNS)], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`measuring failed: ${child.stderr}`);
      const m = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
      rows.push([
        size.toLocaleString('en'),
        f(m.oursCold),
        f(m.oursWarm),
        f(m.sqlCold),
        f(m.sqlWarm),
        f(m.sql90),
        `${(m.oursWarm / m.sqlWarm).toFixed(2)}x`,
        f(m.fullFirst),
        f(m.fullLater),
        m.same ? 'yes' : 'NO',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const head = ['check-ins in store', 'ours cold ms', 'ours warm ms', 'sqlite cold ms', 'sqlite warm ms', 'sqlite 90-day ms', 'warm ours/sqlite', 'full digest 1st ms', 'full digest later ms', 'same figures'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`\nmedian of ${RUNS} warm runs; team of ${TEAM_SIZE} with ${TEAM_WEEKS} weeks of check-ins; digest covers 8 weeks.`);
}

const measureDir = opt('measure', '');
if (measureDir) console.log(JSON.stringify(await measure(measureDir)));
else await main();
