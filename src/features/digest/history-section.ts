import type { CommandContext } from '../../core/command.js';
import { text, type Block } from '../../core/reply.js';
import { currentTeamsOf } from '../teams/membership.js';
import { teamThreshold } from './threshold.js';

/**
 * The `history` section saying which teams' digests count the person's check-ins and who leads each,
 * so nobody is counted by a team they do not know about.
 */
export async function digestHistorySection(ctx: CommandContext): Promise<Block[]> {
  const copy = ctx.content.copy;
  const teams = await currentTeamsOf(ctx.store, ctx.person.workspace, ctx.person.id);
  if (teams.length === 0) return [text(copy('digest.historyTitle'), 'heading'), text(copy('digest.historyNone'))];
  const lines: string[] = [];
  for (const t of teams) {
    const leads = await Promise.all(t.leads.map(async (id) => (await ctx.store.people.get(id))?.name ?? id));
    lines.push(copy(leads.length ? 'digest.historyTeam' : 'digest.historyTeamNoLead', { team: t.name, leads: leads.join(', '), threshold: teamThreshold(t, ctx.config) }));
  }
  return [text(copy('digest.historyTitle'), 'heading'), text(`${copy('digest.historyIntro')}\n${lines.join('\n')}`)];
}
