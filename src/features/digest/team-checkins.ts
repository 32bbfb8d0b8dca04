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
  const all = await store.teams.list(team.workspace);
  const byPerson = new Map<string, Team[]>();
  for (const t of all) for (const p of everMembers(t)) byPerson.set(p, [...(byPerson.get(p) ?? []), t]);
  const seen = new Map<string, Team>([[team.id, team]]);
  const queue = [team];
  while (queue.length) {
    const t = queue.pop()!;
    for (const p of everMembers(t)) {
      for (const other of byPerson.get(p) ?? []) {
        if (!seen.has(other.id)) {
          seen.set(other.id, other);
          queue.push(other);
        }
      }
    }
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
