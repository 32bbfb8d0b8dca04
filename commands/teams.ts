import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { heading, privateReply, text } from '../src/core/reply.js';
import { isCurrentMember } from '../src/core/model/team.js';
import { nameOf } from '../src/features/people-ref.js';
import { thresholdOf } from '../src/features/teams/team-admin.js';

export default defineCommand({
  name: 'teams',
  description: 'The teams you are in, who leads each, and which digests count your check-ins',
  usage: '/attune teams',
  audience: 'member',
  args: z.object({}),
  async run(ctx) {
    const copy = ctx.content.copy;
    const mine = (await ctx.store.teams.list(ctx.person.workspace))
      .filter((t) => isCurrentMember(t, ctx.person.id))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (mine.length === 0) return privateReply(copy('teams.mineNone'));
    const lines: string[] = [];
    for (const t of mine) {
      const leads = await Promise.all(t.leads.map((id) => nameOf(ctx, id)));
      lines.push(
        leads.length
          ? copy('teams.mineLine', { team: t.name, leads: leads.join(', '), threshold: thresholdOf(ctx, t) })
          : copy('teams.mineNoLead', { team: t.name, threshold: thresholdOf(ctx, t) }),
      );
    }
    const title = copy('teams.mineTitle');
    return privateReply(`${title}\n${lines.join('\n')}`, [heading(title), ...lines.map((l) => text(l))]);
  },
});
