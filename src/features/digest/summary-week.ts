import type { Team } from '../../core/model/team.js';
import type { DateRange, Store, WeekSummary } from '../../core/store/index.js';
import { weekScore, type ExactWeek } from './week-aggregate.js';
import type { Week } from './weeks.js';

/**
 * Whether a team's week can be computed from the weekly summaries alone: not when some check-in carries
 * words (themes and custom answers need the text), nor when one predates the team (a team re-created
 * under an old id counts only what came after it).
 */
export function summariesSuffice(team: Team, rows: readonly WeekSummary[]): boolean {
  return rows.every((r) => !r.words && r.firstAt >= team.createdAt);
}

/** The same figures as exactWeek, from each respondent's weekly summary (see summariesSuffice). */
export function exactWeekFromSummaries({ team, week, rows, members, threshold }: { team: Team; week: Week; rows: readonly WeekSummary[]; members: ReadonlySet<string>; threshold: number }): ExactWeek {
  const histogram = (pick: (r: WeekSummary) => number) => {
    const out = [0, 0, 0, 0, 0];
    for (const r of rows) out[weekScore(pick(r) / r.days) - 1]!++;
    return out;
  };
  const respondents = new Set(rows.map((r) => r.personId));
  return {
    from: week.from,
    to: week.to,
    threshold,
    members: new Set([...members, ...respondents]),
    respondents,
    mood: histogram((r) => r.mood),
    energy: histogram((r) => r.energy),
    stress: histogram((r) => r.stress),
    hardRuns: rows.filter((r) => r.hardRun).length,
    terms: new Map(),
    questions: team.questions.map((q) => (q.kind === 'scale' ? { id: q.id, kind: q.kind, answered: new Set<string>(), histogram: [0, 0, 0, 0, 0] } : { id: q.id, kind: q.kind, answered: new Set<string>(), terms: new Map<string, number>() })),
  };
}

/**
 * Weekly summaries of these people in the range, read once per person. A person whose history cannot be
 * read (a damaged file) is left out and added to `unreadable`, as for their check-ins.
 */
export async function loadWeekSummaries(store: Pick<Store, 'history'>, personIds: Iterable<string>, range: DateRange, unreadable?: Set<string>): Promise<WeekSummary[]> {
  const lists = await Promise.all(
    [...new Set(personIds)].map((p) =>
      store.history.weekSummaries(p, range).catch((err: unknown) => {
        if (!unreadable) throw err;
        unreadable.add(p);
        return [];
      }),
    ),
  );
  return lists.flat();
}
