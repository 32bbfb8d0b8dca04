import { canManageTeams } from '../../core/access.js';
import type { CommandContext } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import { isCurrentMember, teamId, teamSlug, type Team } from '../../core/model/team.js';
import { resolvePersonRef, type PersonRef } from '../people-ref.js';
import { findTeam } from './find-team.js';
import { withMemberAdded, withMemberRemoved } from './membership.js';

type Ctx = Pick<CommandContext, 'store' | 'content' | 'person' | 'now' | 'config'>;

/** The lowest anonymity threshold anyone may set: below it a lead could single people out. */
export const MIN_THRESHOLD = 3;
/** The longest team name, in characters as people see them. */
export const MAX_TEAM_NAME = 80;
const MAX_NAME = MAX_TEAM_NAME;

/** Every team change starts here: only those access.ts lets manage teams get past it. */
function assertCanManage(ctx: Ctx): void {
  if (!canManageTeams(ctx.person)) throw new UserError(ctx.content.copy('team.notAdmin'));
}

/** Finds a team of the asker's workspace, once the asker may manage teams. */
export function managedTeam(ctx: Ctx, ref: string): Team {
  assertCanManage(ctx);
  return findTeam(ctx, ctx.person.workspace, ref);
}

export async function createTeam(ctx: Ctx, rawName: string): Promise<Team> {
  assertCanManage(ctx);
  const name = rawName.trim().replace(/\s+/g, ' ');
  const slug = teamSlug(name);
  if (!name || !slug) throw new UserError(ctx.content.copy('team.badName'));
  if (name.length > MAX_NAME) throw new UserError(ctx.content.copy('team.nameTooLong', { max: MAX_NAME, length: name.length }));
  const id = teamId(ctx.person.workspace, slug);
  const clash = ctx.store.team(id) ?? ctx.store.teams(ctx.person.workspace).find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new UserError(ctx.content.copy('team.exists', { name: clash.name, handle: slug }));
  return ctx.store.saveTeam({
    id,
    workspace: ctx.person.workspace,
    name,
    createdAt: ctx.now.toISOString(),
    members: [],
    leads: [],
    digestDay: 'mon',
    digestTime: '09:00',
    questions: [],
  });
}

export interface AddOutcome {
  team: Team;
  added: PersonRef[];
  already: PersonRef[];
}

/** Adds people to a team; someone already in it is reported, not added twice. */
export async function addMembers(ctx: Ctx, teamRef: string, refs: string[]): Promise<AddOutcome> {
  let team = managedTeam(ctx, teamRef);
  // Resolve everyone first, so one unknown name changes nothing.
  const people = refs.map((r) => resolvePersonRef(ctx, ctx.person.workspace, r));
  const added: PersonRef[] = [];
  const already: PersonRef[] = [];
  const seen = new Set<string>();
  for (const p of people) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    if (isCurrentMember(team, p.id)) {
      already.push(p);
      continue;
    }
    team = withMemberAdded(team, p.id, ctx.now);
    added.push(p);
  }
  if (added.length) team = await ctx.store.saveTeam(team);
  return { team, added, already };
}

export async function removeMember(ctx: Ctx, teamRef: string, ref: string): Promise<{ team: Team; person: PersonRef }> {
  const team = managedTeam(ctx, teamRef);
  const person = resolvePersonRef(ctx, ctx.person.workspace, ref);
  if (!isCurrentMember(team, person.id)) throw new UserError(ctx.content.copy('team.notMember', { name: person.name, team: team.name }));
  return { team: await ctx.store.saveTeam(withMemberRemoved(team, person.id, ctx.now)), person };
}

/** Makes someone a lead of the team, or (remove) no longer one. Leads need not be members. */
export async function setLead(ctx: Ctx, teamRef: string, ref: string, lead: boolean): Promise<{ team: Team; person: PersonRef; changed: boolean }> {
  const team = managedTeam(ctx, teamRef);
  const person = resolvePersonRef(ctx, ctx.person.workspace, ref);
  const isLead = team.leads.includes(person.id);
  if (isLead === lead) return { team, person, changed: false };
  const leads = lead ? [...team.leads, person.id] : team.leads.filter((l) => l !== person.id);
  return { team: await ctx.store.saveTeam({ ...team, leads }), person, changed: true };
}

/** Sets the anonymity threshold; below 3 is refused and nothing changes. */
export async function setThreshold(ctx: Ctx, teamRef: string, value: number): Promise<Team> {
  const team = managedTeam(ctx, teamRef);
  if (value < MIN_THRESHOLD) throw new UserError(ctx.content.copy('team.thresholdTooLow', { value, min: MIN_THRESHOLD }));
  return ctx.store.saveTeam({ ...team, threshold: value });
}

/** The threshold in force for a team: its own, or the configured default. */
export function thresholdOf(ctx: Pick<CommandContext, 'config'>, team: Team): number {
  return team.threshold ?? ctx.config.minRespondents;
}

/** Every team of the asker's workspace, by name, for those who may manage teams. */
export function managedTeams(ctx: Ctx): Team[] {
  assertCanManage(ctx);
  return ctx.store.teams(ctx.person.workspace).sort((a, b) => a.name.localeCompare(b.name));
}
