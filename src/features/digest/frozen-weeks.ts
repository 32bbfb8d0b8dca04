import type { AppContext } from '../../core/app-context.js';
import type { PublishedQuery } from '../../core/model/digest-ledger.js';
import type { DigestWeek } from '../../core/model/digest-week.js';
import type { WeekSummary } from '../../core/store/index.js';
import type { Team } from '../../core/model/team.js';
import { WeekAuditor } from './auditor.js';
import { releaseWeek } from './release.js';
import { everMembers, linkedTeams, loadCheckIns, membersDuring, teamCheckIns } from './team-checkins.js';
import { teamThreshold } from './threshold.js';
import { exactWeekFromSummaries, loadWeekSummaries, summariesSuffice } from './summary-week.js';
import { exactWeek, type ExactWeek } from './week-aggregate.js';
import { activitySignature, activitySource, exactActivity, releaseActivity } from '../practice/team-counts.js';
import type { Week } from './weeks.js';

type Ctx = Pick<AppContext, 'store' | 'config' | 'clock' | 'random'>;

/**
 * The team's aggregates for these weeks (oldest first). A week is computed once and frozen: later
 * digests show the same figures, with the same noise, whatever happened since (members added or removed,
 * a person erasing their data, a late answer), so comparing digests over time reveals nobody.
 *
 * A missing week is computed for every linked team at once (teams sharing people, directly or not),
 * larger teams first, and each aggregate is audited against everything the workspace already published
 * for that week (the ledger): one that would let a linear combination of published figures isolate a
 * person is withheld. What was admitted is written to the ledger in the same write as the weeks.
 */
export async function frozenWeeks(app: Ctx, team: Team, weeks: readonly Week[], options: { freeze?: boolean; unreadable?: Set<string> } = {}): Promise<DigestWeek[]> {
  const stored = await app.store.digest.weeks(team.id);
  const missing = weeks.filter((w) => !stored[w.from]);
  if (missing.length === 0) return weeks.map((w) => stored[w.from]!);

  const frozenAt = app.clock.now().toISOString();
  const linked = (await linkedTeams(app.store, team)).sort((a, b) => everMembers(b).length - everMembers(a).length || a.id.localeCompare(b.id));
  const range = { from: missing[0]!.from, to: missing[missing.length - 1]!.to };
  // The weekly summaries the store keeps as check-ins arrive: no answer is read unless a week needs its words.
  const summaries = await loadWeekSummaries(app.store, linked.flatMap(everMembers), range, options.unreadable);
  const rowsOf = new Map<string, WeekSummary[]>();
  for (const r of summaries) {
    const key = `${r.teamId}|${r.week}`;
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), r]);
  }
  const exactOf = async (t: Team, week: Week): Promise<ExactWeek> => {
    const rows = rowsOf.get(`${t.id}|${week.from}`) ?? [];
    const members = membersDuring(t, week);
    const threshold = teamThreshold(t, app.config);
    if (summariesSuffice(t, rows)) return exactWeekFromSummaries({ team: t, week, rows, members, threshold });
    const checkIns = teamCheckIns(t, await loadCheckIns(app.store, everMembers(t), week, options.unreadable));
    return exactWeek({ team: t, week, checkIns, members, threshold });
  };

  const frozenOf = new Map<string, Record<string, DigestWeek>>();
  for (const t of linked) frozenOf.set(t.id, t.id === team.id ? stored : await app.store.digest.weeks(t.id));

  const fresh: Array<{ teamId: string; week: DigestWeek; published: { workspace: string; queries: PublishedQuery[] } }> = [];
  // Each member's practice and thanks, read once for every week and team (on a server database, 2 queries a person, not 2 a person a week).
  const activity = activitySource(app);
  for (const week of missing) {
    const auditor = new WeekAuditor(team.workspace, await app.store.digest.ledger(team.workspace, week.from));
    const memo = new Map<string, DigestWeek>();
    const activityMemo = new Map<string, NonNullable<DigestWeek['activity']>>();
    for (const t of linked) {
      if (frozenOf.get(t.id)![week.from]) continue;
      const threshold = teamThreshold(t, app.config);
      const exact = await exactOf(t, week);
      const before = auditor.admitted.length;
      let released = releaseWeek(exact, t.id, frozenAt, auditor, app.random, memo);
      if (released.withheld !== 'overlap') {
        // Practice and thanks are frozen with the week, audited in their own spaces and noisy, like every other count.
        const counts = await exactActivity(app, exact.members, week, activity);
        const same = activitySignature(counts, threshold);
        const twin = activityMemo.get(same) ?? releaseActivity(counts, threshold, `${t.id}|${frozenAt}`, auditor, app.random);
        activityMemo.set(same, twin);
        released = { ...released, activity: twin };
      }
      fresh.push({ teamId: t.id, week: released, published: { workspace: team.workspace, queries: auditor.admitted.slice(before) } });
    }
  }
  if (options.freeze !== false) await app.store.digest.freeze(fresh);
  const computed = new Map(fresh.filter((f) => f.teamId === team.id).map((f) => [f.week.from, f.week] as const));
  const saved = await app.store.digest.weeks(team.id);
  return weeks.map((w) => saved[w.from] ?? computed.get(w.from)!);
}

/** Keeps participation only. */
export function withhold(week: DigestWeek, reason: NonNullable<DigestWeek['withheld']>): DigestWeek {
  return {
    from: week.from,
    to: week.to,
    frozenAt: week.frozenAt,
    threshold: week.threshold,
    members: week.members,
    ...(week.respondents !== undefined ? { respondents: week.respondents } : {}),
    withheld: reason,
    themes: [],
    custom: [],
  };
}

/**
 * What may be shown today: a week frozen under a lower threshold than today's is withheld whole. (Showing
 * it when its count happened to reach the new threshold would let threshold changes measure exact counts.)
 */
export function visibleWeek(week: DigestWeek, threshold: number): DigestWeek {
  if (!week.withheld && week.threshold < threshold) return withhold(week, 'threshold-raised');
  // A week frozen while private notes still fed themes never shows them: "your note is private" must stay true.
  return week.themesFrom === 'shared' || !week.themes.length ? week : { ...week, themes: [] };
}
