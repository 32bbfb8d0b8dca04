import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { readableTeams } from '../src/core/access.js';
import { RUN_ACTION } from '../src/core/dispatch.js';
import { UserError } from '../src/core/errors.js';
import { teamSlug, type Team } from '../src/core/model/team.js';
import { privateReply } from '../src/core/reply.js';
import { buildDigest } from '../src/features/digest/build-digest.js';

/** Finds a team among those the person may read, by slug, name or id. Others are never looked at. */
function findReadable(teams: readonly Team[], query: string): Team | undefined {
  const q = query.trim().toLowerCase();
  return teams.find((t) => t.id.toLowerCase() === q || t.name.toLowerCase() === q || t.id.slice(t.id.lastIndexOf('/') + 1) === teamSlug(q));
}

export default defineCommand({
  name: 'digest',
  description: "A team's morale digest: participation, mood, energy, stress, themes and signals",
  usage: '/attune digest [team]',
  examples: ['digest care', 'digest Customer Care'],
  audience: 'lead',
  args: z.object({ team: z.string().max(80).optional().describe('The team (name or short name); optional if you lead one') }),
  parse: { positional: ['team'], rest: 'team' },
  async run(ctx, args) {
    const copy = ctx.content.copy;
    const teams = (await readableTeams(ctx.store, ctx.person)).sort((a, b) => a.name.localeCompare(b.name));
    if (args.team) {
      const team = findReadable(teams, args.team);
      // The same words whether the team does not exist or belongs to someone else: nothing about other teams leaks.
      if (!team) throw new UserError(copy('digest.refused'));
      return buildDigest(ctx, ctx.person, team, ctx.today);
    }
    if (teams.length === 0) throw new UserError(copy('digest.noTeams'));
    if (teams.length === 1) return buildDigest(ctx, ctx.person, teams[0]!, ctx.today);
    const options = teams.slice(0, 25).map((t) => ({ label: t.name, value: t.id.slice(t.id.lastIndexOf('/') + 1) }));
    return privateReply(copy('digest.pickFallback', { teams: options.map((o) => o.value).join(', ') }), [
      { type: 'choice', id: 'team', label: copy('digest.pick'), options, action: { command: 'digest', action: RUN_ACTION }, style: 'select' },
    ]);
  },
});
