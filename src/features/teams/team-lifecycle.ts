import type { CommandContext } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import type { Team } from '../../core/model/team.js';
import { normalizeHhmm, parseWeekday } from '../../core/time.js';
import { echo } from '../../core/text-hygiene.js';
import { handleOf } from './find-team.js';
import { managedTeam, MAX_TEAM_NAME } from './team-admin.js';

type Ctx = Pick<CommandContext, 'store' | 'content' | 'person' | 'now' | 'config'>;

/** When the team's leads get its digest: a weekday and a time, each in the lead's own zone. */
export async function setDigestSchedule(ctx: Ctx, teamRef: string, dayText: string, timeText: string): Promise<Team> {
  const team = await managedTeam(ctx, teamRef);
  const day = parseWeekday(dayText);
  if (!day) throw new UserError(ctx.content.copy('team.scheduleBadDay', { value: echo(dayText) }));
  const time = normalizeHhmm(timeText);
  if (!time) throw new UserError(ctx.content.copy('team.scheduleBadTime', { value: echo(timeText) }));
  return (await ctx.store.teams.update(team.id, (t) => ({ ...t, digestDay: day, digestTime: time })))!;
}

/** A new name; the handle stays, because past check-ins and digests are filed under it. */
export async function renameTeam(ctx: Ctx, teamRef: string, rawName: string): Promise<{ team: Team; before: string }> {
  const team = await managedTeam(ctx, teamRef);
  const name = rawName.trim().replace(/\s+/g, ' ');
  if (!/[\p{L}\p{N}]/u.test(name)) throw new UserError(ctx.content.copy('team.badName'));
  if (Array.from(name).length > MAX_TEAM_NAME) throw new UserError(ctx.content.copy('team.nameTooLong', { max: MAX_TEAM_NAME, length: Array.from(name).length }));
  const clash = (await ctx.store.teams.list(ctx.person.workspace)).find((t) => t.id !== team.id && t.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new UserError(ctx.content.copy('team.exists', { name: clash.name, handle: handleOf(clash) }));
  return { team: (await ctx.store.teams.update(team.id, (t) => ({ ...t, name })))!, before: team.name };
}

/**
 * Deletes a team: its record and its frozen digests go (the workspace's published ledger stays, so later
 * digests are still audited against what this team published), and its pairing pool is emptied.
 * Members' own history stays
 * with them (their check-ins keep which teams they were in, and nobody reads that team any more).
 */
export async function deleteTeam(ctx: Ctx, team: Team): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    await tx.teams.remove(team.id);
    for (const pool of await tx.pairing.pools(team.workspace)) {
      if (pool.teamId === team.id) await tx.pairing.updatePool(pool.id, (p) => ({ ...p, members: {} }));
    }
  });
}


