import { canManageTeams } from '../../core/access.js';
import type { CommandContext } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import { isCurrentMember, teamId, teamSlug, type Team } from '../../core/model/team.js';
import type { PersonArg } from '../../core/person-arg.js';
import type { Repositories } from '../../core/store/index.js';
import { resolvePersonRef, type PersonRef } from '../people-ref.js';
import { findTeam } from './find-team.js';
import { withMemberAdded, withMemberRemoved } from './membership.js';

type Ctx = Pick<CommandContext, 'store' | 'content' | 'person' | 'now' | 'config'> & { actor?: CommandContext['actor'] };

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
export function managedTeam(ctx: Ctx, ref: string): Promise<Team> {
  assertCanManage(ctx);
  return findTeam(ctx, ctx.person.workspace, ref);
}

/** Applies a change to a team found earlier; a team deleted meanwhile is reported like an unknown one. */
async function changeTeam(ctx: Ctx, team: Team, change: (t: Team) => Team, repos: Pick<Repositories, 'teams'> = ctx.store): Promise<Team> {
  const updated = await repos.teams.update(team.id, change);
  if (!updated) return await findTeam(ctx, ctx.person.workspace, team.name);
  return updated;
}

export async function createTeam(ctx: Ctx, rawName: string): Promise<Team> {
  assertCanManage(ctx);
  const name = rawName.trim().replace(/\s+/g, ' ');
  const slug = teamSlug(name);
  if (!name || !slug) throw new UserError(ctx.content.copy('team.badName'));
  if (name.length > MAX_NAME) throw new UserError(ctx.content.copy('team.nameTooLong', { max: MAX_NAME, length: name.length }));
  const id = teamId(ctx.person.workspace, slug);
  const sameName = (await ctx.store.teams.list(ctx.person.workspace)).find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (sameName) throw new UserError(ctx.content.copy('team.exists', { name: sameName.name, handle: slug }));
  const { record, created } = await ctx.store.teams.create({
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
  if (!created) throw new UserError(ctx.content.copy('team.exists', { name: record.name, handle: slug }));
  return record;
}

export interface AddOutcome {
  team: Team;
  added: PersonRef[];
  already: PersonRef[];
}

/**
 * Adds people to a team; someone already in it is reported, not added twice. `welcome` runs in the same
 * transaction as the membership change, so what it queues goes out exactly when the people were added.
 */
export async function addMembers(ctx: Ctx, teamRef: string, refs: PersonArg[], welcome?: (tx: Repositories, outcome: AddOutcome) => Promise<void>): Promise<AddOutcome> {
  const found = await managedTeam(ctx, teamRef);
  // Resolve everyone first, so one unknown name changes nothing.
  const people: PersonRef[] = [];
  for (const r of refs) people.push(await resolvePersonRef(ctx, ctx.person.workspace, r, ctx.actor?.traits));
  const unique = people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
  return ctx.store.transaction(async (tx) => {
    let added: PersonRef[] = [];
    let already: PersonRef[] = [];
    const team = await changeTeam(
      ctx,
      found,
      (t) => {
        added = unique.filter((p) => !isCurrentMember(t, p.id));
        already = unique.filter((p) => isCurrentMember(t, p.id));
        return added.length ? added.reduce((acc, p) => withMemberAdded(acc, p.id, ctx.now), t) : t;
      },
      tx,
    );
    const outcome = { team, added, already };
    if (welcome) await welcome(tx, outcome);
    return outcome;
  });
}

export async function removeMember(ctx: Ctx, teamRef: string, ref: PersonArg): Promise<{ team: Team; person: PersonRef }> {
  const found = await managedTeam(ctx, teamRef);
  const person = await resolvePersonRef(ctx, ctx.person.workspace, ref, ctx.actor?.traits);
  const notMember = () => new UserError(ctx.content.copy('team.notMember', { name: person.name, team: found.name }));
  if (!isCurrentMember(found, person.id)) throw notMember();
  const team = await changeTeam(ctx, found, (t) => {
    if (!isCurrentMember(t, person.id)) throw notMember();
    return withMemberRemoved(t, person.id, ctx.now);
  });
  return { team, person };
}

/** Makes someone a lead of the team, or (remove) no longer one. Leads need not be members. */
export async function setLead(ctx: Ctx, teamRef: string, ref: PersonArg, lead: boolean): Promise<{ team: Team; person: PersonRef; changed: boolean }> {
  const found = await managedTeam(ctx, teamRef);
  const person = await resolvePersonRef(ctx, ctx.person.workspace, ref, ctx.actor?.traits);
  let changed = false;
  const team = await changeTeam(ctx, found, (t) => {
    changed = t.leads.includes(person.id) !== lead;
    if (!changed) return t;
    return { ...t, leads: lead ? [...t.leads, person.id] : t.leads.filter((l) => l !== person.id) };
  });
  return { team, person, changed };
}

/** Sets the anonymity threshold; below 3 is refused and nothing changes. */
export async function setThreshold(ctx: Ctx, teamRef: string, value: number): Promise<Team> {
  const team = await managedTeam(ctx, teamRef);
  if (value < MIN_THRESHOLD) throw new UserError(ctx.content.copy('team.thresholdTooLow', { value, min: MIN_THRESHOLD }));
  return changeTeam(ctx, team, (t) => ({ ...t, threshold: value }));
}

/** The threshold in force for a team: its own, or the configured default. */
export function thresholdOf(ctx: Pick<CommandContext, 'config'>, team: Team): number {
  return team.threshold ?? ctx.config.minRespondents;
}

/** Every team of the asker's workspace, by name, for those who may manage teams. */
export async function managedTeams(ctx: Ctx): Promise<Team[]> {
  assertCanManage(ctx);
  return (await ctx.store.teams.list(ctx.person.workspace)).sort((a, b) => a.name.localeCompare(b.name));
}
