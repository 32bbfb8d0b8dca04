/**
 * The digest on SQLite, for the comparison: the same `frozenWeeks` code (audit, noise, release) over the
 * queries a SQLite-backed Attune would run, so the two figures differ by storage alone. Everything the
 * digest reads has a table here (frozen weeks, the published ledger, practice, thanks), indexed for its query.
 */
import type Database from 'better-sqlite3';
import type { CheckIn } from '../../src/core/model/history.js';
import type { Team } from '../../src/core/model/team.js';
import type { DateRange, Store } from '../../src/core/store/index.js';
import { testConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import { cryptoRandom } from '../../src/core/crypto-random.js';
import { monthWeeks, summariesOf } from '../../src/store/lowdb/week-partials.js';
import { NOW } from './shape.js';

type Row = { id: string; person_id: string; team_id: string | null; local_date: string; at: string; mood: number; energy: number; stress: number; note: string | null; share_note: number };

const checkIn = (r: Row): CheckIn => ({
  id: r.id,
  personId: r.person_id,
  at: r.at,
  localDate: r.local_date,
  mood: r.mood,
  energy: r.energy,
  stress: r.stress,
  ...(r.note ? { note: r.note } : {}),
  shareNote: r.share_note === 1,
  teams: r.team_id ? [r.team_id] : [],
  custom: {},
});

/** What frozenWeeks needs of an app, over a SQLite file. */
export function sqliteDigestApp(db: Database.Database) {
  const q = {
    everHad: db.prepare(`SELECT DISTINCT t.body FROM teams t JOIN team_members m ON m.team_id = t.id WHERE t.workspace = ? AND m.person_id IN (SELECT value FROM json_each(?)) ORDER BY t.id`),
    checkIns: db.prepare(`SELECT * FROM checkins WHERE person_id = ? AND local_date BETWEEN ? AND ? ORDER BY local_date, at`),
    weeks: db.prepare(`SELECT week, body FROM digest_weeks WHERE team_id = ?`),
    ledger: db.prepare(`SELECT body FROM digest_ledger WHERE workspace = ? AND week = ?`),
    practice: db.prepare(`SELECT body FROM practice_people WHERE person_id = ?`),
    thanksTo: db.prepare(`SELECT body FROM thanks WHERE to_person = ?`),
  };
  const checkIns = async (personId: string, range: DateRange) => (q.checkIns.all(personId, range.from, range.to) as Row[]).map(checkIn);
  const history = {
    checkIns,
    // The same per-week sums the stores keep (days, score sums, hard runs), from the person's rows of the range.
    async weekSummaries(personId: string, range: DateRange) {
      const byMonth = new Map<string, CheckIn[]>();
      for (const c of await checkIns(personId, range)) byMonth.set(c.localDate.slice(0, 7), [...(byMonth.get(c.localDate.slice(0, 7)) ?? []), c]);
      return summariesOf(personId, [...byMonth.keys()].sort().map((m) => monthWeeks(byMonth.get(m)!)), range);
    },
  };
  const store = {
    teams: { everHad: async (workspace: string, ids: readonly string[]) => (q.everHad.all(workspace, JSON.stringify(ids)) as Array<{ body: string }>).map((r) => JSON.parse(r.body) as Team) },
    history,
    digest: {
      weeks: async (teamId: string) => Object.fromEntries((q.weeks.all(teamId) as Array<{ week: string; body: string }>).map((r) => [r.week, JSON.parse(r.body)])),
      ledger: async (workspace: string, week: string) => {
        const row = q.ledger.get(workspace, week) as { body: string } | undefined;
        return row ? JSON.parse(row.body) : [];
      },
    },
    practice: {
      people: { get: async (id: string) => ((r) => (r ? JSON.parse(r.body) : undefined))(q.practice.get(id) as { body: string } | undefined) },
      thanks: { list: async ({ to }: { to?: string }) => (q.thanksTo.all(to) as Array<{ body: string }>).map((r) => JSON.parse(r.body)) },
    },
  } as unknown as Store;
  return { store, config: testConfig({ defaultTimeZone: 'UTC' }), clock: new ManualClock(NOW), random: cryptoRandom };
}
