import type { CheckIn } from '../../core/model/history.js';
import type { Team } from '../../core/model/team.js';
import type { DateRange, Store } from '../../core/store/index.js';
import type { Week } from './weeks.js';

/** Everyone who was ever a member: their check-ins may carry the team's id. */
export function everMembers(team: Team): string[] {
  return [...new Set(team.members.map((m) => m.personId))];
}

/** Members whose membership overlaps the week (by UTC date), counted once each. */
export function membersDuring(team: Team, week: Week): Set<string> {
  const out = new Set<string>();
  for (const m of team.members) {
    if (m.from.slice(0, 10) <= week.to && (!m.to || m.to.slice(0, 10) >= week.from)) out.add(m.personId);
  }
  return out;
}

/**
 * The teams linked to this one through people who were ever members of both, directly or through
 * other teams. Their weeks are frozen together, so no later change (an erasure, a new team) can make
 * two published weeks differ by one person.
 */
export async function linkedTeams(store: Pick<Store, 'teams'>, team: Team): Promise<Team[]> {
  const seen = new Map<string, Team>([[team.id, team]]);
  const asked = new Set<string>();
  // Breadth first, one query per ring of people not asked about yet (not a copy of every team of the workspace).
  let frontier = everMembers(team);
  while (frontier.length) {
    for (const p of frontier) asked.add(p);
    const next = new Set<string>();
    for (const other of await store.teams.everHad(team.workspace, frontier)) {
      if (seen.has(other.id)) continue;
      seen.set(other.id, other);
      for (const p of everMembers(other)) if (!asked.has(p)) next.add(p);
    }
    frontier = [...next];
  }
  return [...seen.values()];
}

/**
 * Check-ins of these people in the range, loaded once per person. A person whose history cannot be read
 * (a damaged file) is left out and added to `unreadable`, so one bad file does not stop a whole team's digest.
 */
export async function loadCheckIns(store: Pick<Store, 'history'>, personIds: Iterable<string>, range: DateRange, unreadable?: Set<string>): Promise<CheckIn[]> {
  const lists = await Promise.all(
    [...new Set(personIds)].map((p) =>
      store.history.checkIns(p, range).catch((err: unknown) => {
        if (!unreadable) throw err;
        unreadable.add(p);
        return [];
      }),
    ),
  );
  return lists.flat();
}

/**
 * The check-ins that belong to a team: answered while the person was a member (CheckIn.teams), and
 * after the team was created (a team re-created under an old name does not inherit old answers).
 */
export function teamCheckIns(team: Team, checkIns: readonly CheckIn[]): CheckIn[] {
  return checkIns.filter((c) => c.teams.includes(team.id) && c.at >= team.createdAt);
}
