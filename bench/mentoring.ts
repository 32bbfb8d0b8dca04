/**
 * Mentoring benchmark: a pairing round for 2,000 people with 50 rounds of history, and a mentor match
 * request against 2,000 mentors, on the real store in a temporary directory. Goal: under 1 s each.
 * Run: npx tsx bench/mentoring.ts
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../src/app.js';
import { testConfig } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import { RecordingOutbox } from '../src/core/direct-outbox.js';
import { PersonSchema, type PairRound } from '../src/core/model/index.js';
import { teamId } from '../src/core/model/team.js';
import { addDays } from '../src/core/time.js';
import { silentLogger } from '../src/logger.js';
import { rankFor, requestMentor } from '../src/features/mentoring/mentor-flow.js';
import { lastMetFrom, lastMetWhen, planGroups } from '../src/features/mentoring/pairing.js';
import { ensureRound } from '../src/features/mentoring/rounds.js';
import { DurableJsonFile } from '../src/store/lowdb/durable-json-file.js';
import { z } from 'zod';
import { seededRandom } from '../src/core/seeded-random.js';
import { mentoringOf, putPerson, putTeam } from '../tests/helpers/seed.js';
import { loadMentoring } from '../src/features/mentoring/mentoring-state.js';

const PEOPLE = 2000;
const HISTORY = 50;
const GOAL_MS = 1000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Europe/London', 'America/Los_Angeles', 'Australia/Sydney', 'UTC'];
const SKILLS = ['de-escalation', 'giving-feedback', 'receiving-feedback', 'handling-stress', 'active-listening', 'saying-no', 'difficult-conversations', 'managing-workload', 'empathy', 'self-regulation'];

const rows: Array<[string, string]> = [];
const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => `${x.toFixed(0)} ms`;


async function openApp(dataDir: string, clock: ManualClock): Promise<App> {
  return createApp({ config: testConfig({ dataDir, defaultTimeZone: 'UTC' }), clock, log: silentLogger, outbox: new RecordingOutbox() });
}

async function seedPeople(app: App, now: Date) {
  const random = seededRandom(7);
  const ids = Array.from({ length: PEOPLE }, (_, i) => `shell:u${String(i).padStart(4, '0')}`);
  // Concurrent saves share one write (group commit), so seeding is quick.
  await Promise.all(
    ids.map((id, i) =>
      putPerson(app.store, PersonSchema.parse({ id, workspace: 'shell', name: `u${i}`, createdAt: now.toISOString(), tz: ZONES[Math.floor(random() * ZONES.length)] })),
    ),
  );
  await Promise.all(
    Array.from({ length: 20 }, (_, t) =>
      putTeam(app.store, {
        id: teamId('shell', `t${t}`),
        workspace: 'shell',
        name: `Team ${t}`,
        createdAt: now.toISOString(),
        members: ids.filter((_, i) => i % 20 === t).map((personId) => ({ personId, from: now.toISOString() })),
        leads: [],
        digestDay: 'mon',
        digestTime: '09:00',
        questions: [],
      }),
    ),
  );
  return ids;
}

async function benchRound(dataDir: string) {
  const clock = new ManualClock('2024-01-01T09:00:00Z');
  let app = await openApp(dataDir, clock);
  const ids = await seedPeople(app, clock.now());
  await app.store.pairing.createPool({ id: 'shell', workspace: 'shell', cadenceWeeks: 2, anchor: '2024-01-01', members: Object.fromEntries(ids.map((id) => [id, { joinedAt: clock.now().toISOString() }])), rounds: [] });

  // 50 rounds of history, made by the same planner.
  let t0 = performance.now();
  const history: PairRound[] = [];
  let slot = '2024-01-01';
  for (let r = 0; r < HISTORY; r++) {
    const id = `shell@${slot}`;
    const groups = planGroups(ids, lastMetFrom(history), id, r);
    const round: PairRound = { version: 1, id, poolId: 'shell', slot, createdAt: clock.now().toISOString(), groups, met: {} };
    await app.store.pairing.createRound(round);
    history.push(round);
    slot = addDays(slot, 14);
  }
  const seedMs = ms(t0);
  await app.store.close();

  // A fresh store (nothing cached): the round reads the 50 partitions, plans, and writes itself.
  clock.set(`${slot}T10:00:00Z`);
  app = await openApp(dataDir, clock);
  t0 = performance.now();
  const round = await ensureRound(app, 'shell', slot, clock.now());
  const roundMs = ms(t0);
  await app.store.close();

  // The same steps apart, on another fresh store.
  app = await openApp(dataDir, clock);
  t0 = performance.now();
  const loaded = (await app.store.pairing.rounds('shell')).filter((r) => r.slot < slot);
  const loadMs = ms(t0);
  t0 = performance.now();
  const met = lastMetFrom(loaded);
  const plan = planGroups(ids, met, `shell@${slot}`, loaded.length);
  const planMs = ms(t0);
  const repeats = round!.groups.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).filter((b) => lastMetWhen(met, a, b) !== undefined))).length;

  const partition = await stat(path.join(dataDir, 'mentoring', 'rounds', 'shell', `${slot}.json`));
  const state = await stat(path.join(dataDir, 'state.json'));
  // What one state.json write would cost if the pair history lived inside it.
  const inside = new DurableJsonFile(path.join(dataDir, 'what-if-state.json'), z.unknown(), { pretty: true });
  const fat = { ...(await mentoringOf(app.store)), history: loaded };
  t0 = performance.now();
  await inside.write(fat);
  const fatMs = ms(t0);
  const fatSize = (await stat(path.join(dataDir, 'what-if-state.json'))).size;
  t0 = performance.now();
  await app.store.pairing.updatePool('shell', (p) => ({ ...p }));
  const leanMs = ms(t0);
  await app.store.close();

  rows.push(
    [`seed: ${PEOPLE} people, ${HISTORY} rounds of history`, fmt(seedMs)],
    [`read ${HISTORY} round partitions (cold)`, fmt(loadMs)],
    ['plan the round (pure)', `${fmt(planMs)} (${plan.length} groups)`],
    [`ROUND for ${PEOPLE} people, end to end (cold store)`, `${fmt(roundMs)} (goal ${GOAL_MS} ms: ${roundMs < GOAL_MS ? 'met' : 'MISSED'}; ${repeats} repeated pairs)`],
    ['round partition size', `${(partition.size / 1024).toFixed(0)} KB`],
    ['state.json write, history in partitions', `${fmt(leanMs)} (${(state.size / 1024).toFixed(0)} KB)`],
    ['state.json write if history lived inside it', `${fmt(fatMs)} (${(fatSize / 1024 / 1024).toFixed(1)} MB)`],
  );
}

async function benchMatch(dataDir: string) {
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  const app = await openApp(dataDir, clock);
  const ids = await seedPeople(app, clock.now());
  const random = seededRandom(11);
  await app.store.transaction(async (tx) => {
    for (const id of ids) {
      const skills = SKILLS.filter(() => random() < 0.2);
      await tx.mentoring.profiles.create({ personId: id, workspace: 'shell', skills: skills.length ? skills : ['empathy'], text: 'bench', capacity: 1 + Math.floor(random() * 3), since: clock.now().toISOString(), updatedAt: clock.now().toISOString() });
    }
  });
  const mentee = PersonSchema.parse({ id: 'shell:mentee', workspace: 'shell', name: 'mentee', createdAt: clock.now().toISOString(), tz: 'Europe/Berlin' });
  await putPerson(app.store, mentee);
  const tags = ['de-escalation', 'self-regulation'];
  let t0 = performance.now();
  const ranked = await rankFor(app, app.store, await loadMentoring(app.store, 'shell'), { id: 'x', personId: mentee.id, workspace: 'shell', goal: 'calm with angry customers', tags, status: 'open', createdAt: clock.now().toISOString(), tried: [] }, clock.now());
  const rankMs = ms(t0);
  t0 = performance.now();
  await requestMentor(app, mentee, 'staying calm with angry customers', tags, clock.now());
  const requestMs = ms(t0);
  await app.store.close();
  rows.push(
    [`rank ${PEOPLE} mentors (pure)`, `${fmt(rankMs)} (${ranked.length} fit)`],
    [`MATCH REQUEST against ${PEOPLE} mentors, end to end`, `${fmt(requestMs)} (goal ${GOAL_MS} ms: ${requestMs < GOAL_MS ? 'met' : 'MISSED'})`],
  );
}

const root = await mkdtemp(path.join(tmpdir(), 'attune-bench-mentoring-'));
try {
  await benchRound(path.join(root, 'round'));
  await benchMatch(path.join(root, 'match'));
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`Mentoring benchmark (Node ${process.version}, ${process.platform})\n`);
  console.log(`${'measure'.padEnd(width)}  result`);
  console.log(`${'-'.repeat(width)}  ------`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
