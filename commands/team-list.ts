import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { heading, privateReply, text } from '../src/core/reply.js';
import { currentMembers } from '../src/core/model/team.js';
import { adminsOf } from '../src/features/admins.js';
import { nameOf } from '../src/features/people-ref.js';
import { handleOf } from '../src/features/teams/find-team.js';
import { managedTeams, thresholdOf } from '../src/features/teams/team-admin.js';

export default defineCommand({
  name: 'team list',
  description: 'All teams with their members, leads and threshold (admins)',
  usage: '/attune team list',
  audience: 'admin',
  args: z.object({}),
  async run(ctx) {
    const copy = ctx.content.copy;
    const teams = await managedTeams(ctx);
    const admins = copy('team.listAdmins', { names: (await adminsOf(ctx, ctx.person.workspace)).map((p) => p.name).join(', ') });
    if (teams.length === 0) {
      const none = copy('team.listNone');
      return privateReply(`${none}\n${admins}`, [text(none), text(admins, 'muted')]);
    }
    // Who is in which team and who leads it: never anything anyone answered.
    const lines: string[] = [];
    for (const t of teams) {
      const leads = await Promise.all(t.leads.map((id) => nameOf(ctx, id)));
      lines.push(
        copy('team.listLine', {
          name: t.name,
          handle: handleOf(t),
          members: currentMembers(t).length,
          leads: leads.length ? leads.join(', ') : copy('team.listNoLead'),
          threshold: thresholdOf(ctx, t),
          questions: t.questions.length,
        }),
      );
    }
    const title = copy('team.listTitle', { count: teams.length });
    return privateReply([title, ...lines, admins].join('\n'), [heading(title), text(lines.join('\n')), text(admins, 'muted')]);
  },
});
