import type { Store } from './store/index.js';
import type { Audience } from './command.js';
import type { Person } from './model/person.js';
import type { Team } from './model/team.js';

/**
 * The access rules, in one place. Every read of team data goes through these.
 * - A member sees only their own answers.
 * - A lead sees aggregates of the teams they lead, never an individual's answers.
 * - An admin manages teams in their workspace and sees the same aggregates a lead would.
 */
export function isAdmin(person: Person): boolean {
  return person.admin;
}

export function leadsTeam(person: Person, team: Team): boolean {
  return team.workspace === person.workspace && team.leads.includes(person.id);
}

/** Teams whose aggregates this person may read: the ones they lead, or all in the workspace for an admin. */
export async function readableTeams(store: Store, person: Person): Promise<Team[]> {
  return (await store.teams.list(person.workspace)).filter((t) => canReadTeamAggregates(person, t));
}

export function canReadTeamAggregates(person: Person, team: Team): boolean {
  return team.workspace === person.workspace && (isAdmin(person) || leadsTeam(person, team));
}

export function canManageTeams(person: Person): boolean {
  return isAdmin(person);
}

/** Making someone an admin (or no longer one) is itself an admin's job (within their own workspace). */
export function canManageAdmins(person: Person): boolean {
  return isAdmin(person);
}

/** Can this person use a command meant for this audience at all? */
export async function meetsAudience(store: Store, person: Person, audience: Audience): Promise<boolean> {
  switch (audience) {
    case 'anyone':
    case 'member':
      return true;
    case 'lead':
      return isAdmin(person) || (await store.teams.list(person.workspace)).some((t) => leadsTeam(person, t));
    case 'admin':
      return isAdmin(person);
  }
}

/** Support resources (shown privately to someone having a very hard stretch) are set by admins; anyone may read them. */
export function canSetSupportResources(person: Person): boolean {
  return isAdmin(person);
}
