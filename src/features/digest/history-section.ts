import type { CommandContext } from '../../core/command.js';
import { text, type Block } from '../../core/reply.js';
import { currentTeamsOf } from '../teams/membership.js';
import { teamThreshold } from './threshold.js';

/**
 * The `history` section saying which teams' digests count the person's check-ins and who leads each,
 * so nobody is counted by a team they do not know about.
 */
export function digestHistorySection(ctx: CommandContext): Block[] {
  const copy = ctx.content.copy;
  const teams = currentTeamsOf(ctx.store, ctx.person.workspace, ctx.person.id);
  if (teams.length === 0) return [text(copy('digest.historyTitle'), 'heading'), text(copy('digest.historyNone'))];
  const lines = teams.map((t) => {
    const leads = t.leads.map((id) => ctx.store.person(id)?.name ?? id);
    return copy(leads.length ? 'digest.historyTeam' : 'digest.historyTeamNoLead', { team: t.name, leads: leads.join(', '), threshold: teamThreshold(t, ctx.config) });
  });
  return [text(copy('digest.historyTitle'), 'heading'), text(`${copy('digest.historyIntro')}\n${lines.join('\n')}`)];
}
