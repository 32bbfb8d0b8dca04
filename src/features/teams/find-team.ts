import type { AppContext } from '../../core/app-context.js';
import { UserError } from '../../core/errors.js';
import { teamSlug, type Team } from '../../core/model/team.js';

/** A team of the workspace by its handle (slug) or its name, ignoring case. Only admins call this. */
export async function findTeam(ctx: Pick<AppContext, 'store' | 'content'>, workspace: string, ref: string): Promise<Team> {
  const wanted = ref.trim().toLowerCase();
  const teams = await ctx.store.teams.list(workspace);
  const found =
    teams.find((t) => t.id === `${workspace}/${wanted}`) ??
    teams.find((t) => t.name.toLowerCase() === wanted) ??
    teams.find((t) => t.id === `${workspace}/${teamSlug(wanted)}`);
  if (found) return found;
  const handles = teams.map((t) => handleOf(t)).sort();
  throw new UserError(
    handles.length
      ? ctx.content.copy('team.notFound', { ref: ref.trim(), teams: handles.join(', ') })
      : ctx.content.copy('team.noneYet', { ref: ref.trim() }),
  );
}

/** The short name people type for a team: its slug. */
export function handleOf(team: Team): string {
  return team.id.slice(team.id.lastIndexOf('/') + 1);
}
