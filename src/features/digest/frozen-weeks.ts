import type { AppContext } from '../../core/app-context.js';
import type { DigestWeek } from '../../core/model/digest-week.js';
import type { CheckIn } from '../../core/model/history.js';
import type { Team } from '../../core/model/team.js';
import { everMembers, linkedTeams, loadCheckIns, membersDuring, teamCheckIns } from './team-checkins.js';
import { teamThreshold } from './threshold.js';
import { aggregateWeek } from './week-aggregate.js';
import type { Week } from './weeks.js';

type Ctx = Pick<AppContext, 'store' | 'config' | 'clock'>;

/** Size of the symmetric difference of two sets. */
function difference(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (!b.has(x)) n++;
  for (const x of b) if (!a.has(x)) n++;
  return n;
}

/**
 * The team's aggregates for these weeks (oldest first). A week is computed once and frozen: later
 * digests show the same figures whatever happened since (members added or removed, a person erasing
 * their data, a late answer), so comparing digests over time reveals nobody.
 *
 * A missing week is computed for every linked team at once (teams sharing people, directly or not),
 * and a team whose respondents differ from another published team's by fewer than the threshold
 * (and by more than none) is withheld, so two teams' figures never isolate a person.
 */
export async function frozenWeeks(app: Ctx, team: Team, weeks: readonly Week[], options: { freeze?: boolean } = {}): Promise<DigestWeek[]> {
  const stored = await app.store.digest.weeks(team.id);
  const missing = weeks.filter((w) => !stored[w.from]);
  if (missing.length === 0) return weeks.map((w) => stored[w.from]!);

  const now = app.clock.now();
  const linked = await linkedTeams(app.store, team);
  const range = { from: missing[0]!.from, to: missing[missing.length - 1]!.to };
  const all = await loadCheckIns(app.store, linked.flatMap(everMembers), range);
  const byTeam = new Map(linked.map((t) => [t.id, teamCheckIns(t, all)] as const));

  // Each team's check-ins bucketed by week start once, rather than filtered again for every week.
  const buckets = new Map<string, Map<string, CheckIn[]>>();
  for (const t of linked) {
    const byWeek = new Map<string, CheckIn[]>(missing.map((w) => [w.from, []]));
    for (const c of byTeam.get(t.id)!) {
      const w = missing.find((m) => c.localDate >= m.from && c.localDate <= m.to);
      if (w) byWeek.get(w.from)!.push(c);
    }
    buckets.set(t.id, byWeek);
  }

  const frozenOf = new Map<string, Record<string, DigestWeek>>();
  for (const t of linked) frozenOf.set(t.id, t.id === team.id ? stored : await app.store.digest.weeks(t.id));
  const fresh: Array<{ teamId: string; week: DigestWeek }> = [];
  for (const week of missing) {
    const inWeek = (t: Team) => buckets.get(t.id)!.get(week.from)!;
    const respondents = new Map(linked.map((t) => [t.id, new Set(inWeek(t).map((c) => c.personId))] as const));
    // A frozen week of a linked team was published with the people it had then; it still counts as published.
    const published = (t: Team) => {
      const frozen = frozenOf.get(t.id)![week.from];
      if (frozen) return !frozen.withheld;
      return respondents.get(t.id)!.size >= teamThreshold(t, app.config);
    };
    for (const t of linked) {
      if (frozenOf.get(t.id)![week.from]) continue;
      const threshold = teamThreshold(t, app.config);
      const aggregate = aggregateWeek({ team: t, week, checkIns: inWeek(t), members: membersDuring(t, week), threshold, now });
      const mine = respondents.get(t.id)!;
      const tooClose =
        !aggregate.withheld &&
        linked.some((o) => {
          if (o.id === t.id || !published(o)) return false;
          const d = difference(mine, respondents.get(o.id)!);
          return d > 0 && d < Math.max(threshold, teamThreshold(o, app.config));
        });
      fresh.push({ teamId: t.id, week: tooClose ? withhold(aggregate, 'overlap') : aggregate });
    }
  }
  if (options.freeze !== false) await app.store.digest.freeze(fresh);
  const computed = new Map(fresh.filter((f) => f.teamId === team.id).map((f) => [f.week.from, f.week] as const));
  const saved = await app.store.digest.weeks(team.id);
  return weeks.map((w) => saved[w.from] ?? computed.get(w.from)!);
}

/** Keeps participation only. */
export function withhold(week: DigestWeek, reason: NonNullable<DigestWeek['withheld']>): DigestWeek {
  return { from: week.from, to: week.to, frozenAt: week.frozenAt, threshold: week.threshold, members: week.members, respondents: week.respondents, withheld: reason, days: [], themes: [], custom: [] };
}

/** What may be shown today: a week frozen under a lower threshold than today's is withheld now. */
export function visibleWeek(week: DigestWeek, threshold: number): DigestWeek {
  if (week.withheld) return week;
  if (week.respondents < threshold) return withhold(week, 'too-few');
  return {
    ...week,
    days: week.days.filter((d) => d.respondents >= threshold),
    themes: week.themes.filter((t) => t.people >= threshold),
    custom: week.custom.map((c) =>
      c.respondents >= threshold ? { ...c, ...(c.themes ? { themes: c.themes.filter((t) => t.people >= threshold) } : {}) } : { id: c.id, kind: c.kind, respondents: c.respondents },
    ),
  };
}
