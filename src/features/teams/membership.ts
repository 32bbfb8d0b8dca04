import { isCurrentMember, type Team } from '../../core/model/team.js';
import type { Store } from '../../core/store/index.js';

/**
 * Membership is a list of intervals: joining opens one, leaving closes it (sets `to`), joining again
 * opens a new one. Check-ins keep the teams of their moment, so history never moves between teams.
 */
export function withMemberAdded(team: Team, personId: string, now: Date): Team {
  if (isCurrentMember(team, personId)) return team;
  return { ...team, members: [...team.members, { personId, from: now.toISOString() }] };
}

/** Closes the person's open interval; the team unchanged when they are not a current member. */
export function withMemberRemoved(team: Team, personId: string, now: Date): Team {
  const to = now.toISOString();
  return { ...team, members: team.members.map((m) => (m.personId === personId && !m.to ? { ...m, to } : m)) };
}

/** The teams this person belongs to right now, in their workspace. */
export async function currentTeamsOf(store: Pick<Store, 'teams'>, workspace: string, personId: string): Promise<Team[]> {
  return (await store.teams.ofMember(workspace, personId)).sort((a, b) => a.id.localeCompare(b.id));
}

/** Was the person a member of the team at this instant? */
export function wasMemberAt(team: Team, personId: string, at: Date): boolean {
  const t = at.toISOString();
  return team.members.some((m) => m.personId === personId && m.from <= t && (!m.to || t < m.to));
}
