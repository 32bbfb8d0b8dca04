import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import type { PublishedQuery } from '../../src/core/model/digest-ledger.js';
import type { DigestWeek } from '../../src/core/model/digest-week.js';
import type { CheckIn } from '../../src/core/model/history.js';
import type { Person } from '../../src/core/model/person.js';
import type { Team } from '../../src/core/model/team.js';
import { seededRandom } from '../../src/core/seeded-random.js';
import { addDays } from '../../src/core/time.js';
import { digestData } from '../../src/features/digest/build-digest.js';
import { exactWeek } from '../../src/features/digest/week-aggregate.js';
import { completeWeeks } from '../../src/features/digest/weeks.js';
import type { DateRange, Store, WeekSummary } from '../../src/core/store/index.js';
import { monthWeeks, toSummary } from '../../src/store/lowdb/week-partials.js';

/** Just the reads and writes the digest makes, in memory (first write wins, like the real store), so hundreds of random workspaces run in seconds. */
class MemoryStore {
  readonly frozen = new Map<string, Record<string, DigestWeek>>();
  readonly ledger = new Map<string, PublishedQuery[]>();
  constructor(
    readonly teamList: Team[],
    readonly checkinList: CheckIn[],
    /** Who practised (one session each) and who was thanked, on which dates. */
    readonly activityList: { practice: Array<{ personId: string; localDate: string }>; thanks: Array<{ to: string; localDate: string }> } = { practice: [], thanks: [] },
  ) {}
  readonly practice = {
    people: {
      get: async (personId: string) => ({ personId, counts: {}, sessions: this.activityList.practice.filter((s) => s.personId === personId) }),
    },
    thanks: { list: async ({ to }: { to: string }) => this.activityList.thanks.filter((t) => t.to === to) },
  };
  readonly teams = {
    list: async (): Promise<Team[]> => structuredClone(this.teamList),
    everHad: async (workspace: string, ids: readonly string[]): Promise<Team[]> =>
      structuredClone(this.teamList.filter((t) => t.workspace === workspace && t.members.some((m) => ids.includes(m.personId)))),
  };
  readonly people = { get: async (): Promise<Person | undefined> => undefined };
  readonly history = {
    checkIns: async (personId: string, range: DateRange): Promise<CheckIn[]> =>
      this.checkinList.filter((c) => c.personId === personId && c.localDate >= range.from && c.localDate <= range.to),
    // The same sums the JSON engine keeps per month, here over the whole range at once.
    weekSummaries: async (personId: string, range: DateRange): Promise<WeekSummary[]> =>
      Object.entries(monthWeeks(await this.history.checkIns(personId, range)))
        .flatMap(([week, teams]) => Object.entries(teams).map(([teamId, p]) => toSummary(personId, teamId, week, p)))
        .sort((a, b) => a.week.localeCompare(b.week) || (a.teamId < b.teamId ? -1 : 1)),
  };
  readonly digest = {
    weeks: async (teamId: string): Promise<Record<string, DigestWeek>> => structuredClone(this.frozen.get(teamId) ?? {}),
    ledger: async (_workspace: string, week: string): Promise<PublishedQuery[]> => structuredClone(this.ledger.get(week) ?? []),
    freeze: async (entries: ReadonlyArray<{ teamId: string; week: DigestWeek; published?: { queries: PublishedQuery[] } }>): Promise<void> => {
      for (const { teamId, week, published } of entries) {
        const weeks = this.frozen.get(teamId) ?? {};
        if (weeks[week.from]) continue;
        weeks[week.from] = week;
        this.frozen.set(teamId, weeks);
        this.ledger.set(week.from, [...(this.ledger.get(week.from) ?? []), ...(published?.queries ?? [])]);
      }
    },
  };
}

// --- the attacker's linear algebra: exact rationals, a different method from the product's (rank, not RREF rows) ---

type Q = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const norm = ([n, d]: Q): Q => {
  if (n === 0n) return [0n, 1n];
  const g = gcd(n, d) * (d < 0n ? -1n : 1n);
  return [n / g, d / g];
};
const sub = (a: Q, b: Q): Q => norm([a[0] * b[1] - b[0] * a[1], a[1] * b[1]]);
const mul = (a: Q, b: Q): Q => norm([a[0] * b[0], a[1] * b[1]]);
const div = (a: Q, b: Q): Q => norm([a[0] * b[1], a[1] * b[0]]);

function rank(rows: Q[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = r + 1; i < m.length; i++) {
      if (m[i]![c]![0] === 0n) continue;
      const f = div(m[i]![c]!, m[r]![c]!);
      m[i] = m[i]!.map((x, j) => sub(x, mul(f, m[r]![j]!)));
    }
    r++;
  }
  return r;
}

/** The people whose value lies in the span of these 0/1 queries: rank(Q) = rank(Q + e_i). */
function determined(queries: ReadonlyArray<ReadonlySet<string>>, people: readonly string[]): string[] {
  const row = (s: ReadonlySet<string>): Q[] => people.map((p) => [s.has(p) ? 1n : 0n, 1n]);
  const base = queries.map(row);
  const r = rank(base);
  return people.filter((p) => rank([...base, row(new Set([p]))]) === r);
}

// --- random workspaces ---

const TODAY = '2026-03-02';
const WEEKS = completeWeeks(TODAY).slice(-3);
const JOINED = '2025-12-01T00:00:00.000Z';
const admin: Person = { id: 'shell:boss', workspace: 'shell', name: 'boss', createdAt: JOINED, admin: true, promptTime: '09:30', reminderTime: '16:30', workingDays: ['mon'] };

const scenario = fc
  .record({
    people: fc.integer({ min: 4, max: 12 }),
    teams: fc.array(fc.record({ members: fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { minLength: 3, maxLength: 12 }), threshold: fc.integer({ min: 3, max: 5 }), asks: fc.boolean() }), { minLength: 2, maxLength: 6 }),
    answers: fc.array(
      fc.record({ person: fc.integer({ min: 0, max: 11 }), day: fc.integer({ min: 0, max: 20 }), mood: fc.integer({ min: 1, max: 5 }), skip: fc.integer({ min: 0, max: 7 }), scale: fc.option(fc.integer({ min: 1, max: 5 })) }),
      { minLength: 10, maxLength: 120 },
    ),
    practice: fc.array(fc.record({ person: fc.integer({ min: 0, max: 11 }), day: fc.integer({ min: 0, max: 20 }), thanked: fc.boolean() }), { minLength: 20, maxLength: 150 }),
    colluders: fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { minLength: 2, maxLength: 11 }),
    order: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 10 }),
    noiseSeed: fc.integer({ min: 1, max: 2 ** 30 }),
  })
  .map((s) => {
    const ids = Array.from({ length: s.people }, (_, i) => `shell:p${i}`);
    const teams: Team[] = s.teams.map((t, i) => ({
      id: `shell/t${i}`,
      workspace: 'shell',
      name: `t${i}`,
      createdAt: JOINED,
      members: [...new Set(t.members.filter((m) => m < s.people))].map((m) => ({ personId: ids[m]!, from: JOINED })),
      leads: [],
      threshold: t.threshold,
      digestDay: 'mon',
      digestTime: '09:00',
      // Some teams ask a scale question: its answers are a query over the people who answered it.
      questions: t.asks ? [{ id: 'q1', kind: 'scale' as const, text: 'How supported?' }] : [],
    }));
    const seen = new Set<string>();
    const checkIns: CheckIn[] = [];
    for (const [i, a] of s.answers.entries()) {
      const personId = ids[a.person % s.people]!;
      const date = addDays(WEEKS[0]!.from, a.day);
      if (seen.has(`${personId}|${date}`)) continue;
      seen.add(`${personId}|${date}`);
      // A person's answer carries the teams they are in, except those the skip mask drops (membership changes).
      const mine = teams.filter((t, j) => t.members.some((m) => m.personId === personId) && !(a.skip & (1 << j % 3)));
      checkIns.push({ id: `c${i}`, personId, at: `${date}T12:00:00.000Z`, localDate: date, mood: a.mood, energy: 3, stress: 3, shareNote: false, teams: mine.map((t) => t.id), custom: a.scale !== null ? { q1: a.scale } : {} });
    }
    const order = s.order.map((k) => teams[k % teams.length]!);
    const colluders = new Set(s.colluders.filter((c) => c < s.people).map((c) => ids[c]!));
    const activity = { practice: [] as Array<{ personId: string; localDate: string }>, thanks: [] as Array<{ to: string; localDate: string }> };
    for (const a of s.practice) {
      const personId = ids[a.person % s.people]!;
      const localDate = addDays(WEEKS[0]!.from, a.day);
      if (a.thanked) activity.thanks.push({ to: personId, localDate });
      else activity.practice.push({ personId, localDate });
    }
    return { ids, teams, checkIns, activity, order, colluders, noiseSeed: s.noiseSeed };
  });

describe('digest privacy property: an attacker with every digest, the linear algebra and colluders', () => {
  let published = 0;
  let questions = 0;
  let noisyBuckets = 0;
  let exactBuckets = 0;
  let colluderAttacks = 0;
  let colluderHits = 0;
  let activityShown = 0;
  it('no linear combination of everything a lead or admin can read determines one person, and with colluders every figure still carries noise', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ ids, teams, checkIns, activity, order, colluders, noiseSeed }) => {
        const store = new MemoryStore(teams, checkIns, activity);
        const app = { store: store as unknown as Store, config: testConfig({ minRespondents: 5 }), clock: new ManualClock(`${TODAY}T10:00:00Z`), content: undefined as never, random: seededRandom(noiseSeed) };
        // The reading order is the attacker's choice; afterwards every team is read too (an admin reads all).
        for (const team of [...order, ...teams]) await digestData(app, admin, team, TODAY);

        for (const week of WEEKS) {
          const answers: Array<Set<string>> = [];
          const participation: Array<Set<string>> = [];
          const practised: Array<Set<string>> = [];
          const thanked: Array<Set<string>> = [];
          const inWeek = (d: string) => d >= week.from && d <= week.to;
          for (const team of teams) {
            const shown = (await store.digest.weeks(team.id))[week.from]!;
            const exact = exactWeek({
              team,
              week,
              checkIns: checkIns.filter((c) => c.teams.includes(team.id) && c.localDate >= week.from && c.localDate <= week.to),
              members: new Set(team.members.map((m) => m.personId)),
              threshold: team.threshold!,
            });
            // The attacker knows exactly who each published figure counts (worst case) and reads it as if exact.
            if (shown.respondents !== undefined) participation.push(exact.members);
            if (shown.activity?.practice) {
              practised.push(new Set(activity.practice.filter((a) => inWeek(a.localDate) && exact.members.has(a.personId)).map((a) => a.personId)));
              activityShown++;
            }
            if (shown.activity?.thanks) thanked.push(new Set(activity.thanks.filter((a) => inWeek(a.localDate) && exact.members.has(a.to)).map((a) => a.to)));
            if (!shown.withheld) {
              expect(exact.respondents.size).toBeGreaterThanOrEqual(team.threshold!);
              answers.push(exact.respondents);
              published++;
              for (const q of shown.custom) {
                if (!q.stats) continue;
                answers.push(exact.questions.find((x) => x.id === q.id)!.answered);
                questions++;
              }
              for (const key of ['mood', 'energy', 'stress'] as const) {
                exact[key].forEach((n, i) => {
                  if (n === 0) return;
                  if (shown[key]!.distribution[i] === n) exactBuckets++;
                  else noisyBuckets++;
                });
              }
              // The colluders' attack: every other respondent is a colluder, so published minus known isolates the target.
              const targets = [...exact.respondents].filter((p) => !colluders.has(p));
              if (targets.length === 1) {
                colluderAttacks++;
                // The colluders' own weekly scores, which they know.
                const inWeek = checkIns.filter((x) => x.teams.includes(team.id) && x.localDate >= week.from && x.localDate <= week.to);
                const known = exactWeek({ team, week, checkIns: inWeek.filter((x) => colluders.has(x.personId)), members: exact.members, threshold: 1 }).mood;
                const guess = shown.mood!.distribution.map((n, i) => n - known[i]!);
                const truth = exact.mood.map((n, i) => n - known[i]!);
                if (guess.every((g, i) => g === truth[i])) colluderHits++;
              }
            }
          }
          // Without noise, no combination of what was published isolates anyone: in answers, nor in who answered.
          expect(determined(answers, ids)).toEqual([]);
          expect(determined(participation, ids)).toEqual([]);
          // Nor in who practised or who was thanked.
          expect(determined(practised, ids)).toEqual([]);
          expect(determined(thanked, ids)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
    // The property met real published weeks and real colluder attacks, not only withheld ones.
    expect(published).toBeGreaterThan(50);
    expect(questions).toBeGreaterThan(10);
    expect(colluderAttacks).toBeGreaterThan(5);
    expect(activityShown).toBeGreaterThan(10);
    // Noise, not luck: about (1 − α)/(1 + α) = 46% of counts come out unchanged at ε = 1, and the colluders'
    // subtraction of the published figures recovers the target's true answer only when every bucket's noise is zero.
    const unchanged = exactBuckets / (exactBuckets + noisyBuckets);
    expect(unchanged).toBeGreaterThan(0.38);
    expect(unchanged).toBeLessThan(0.54);
    expect(colluderHits).toBeLessThan(colluderAttacks);
  });
});
