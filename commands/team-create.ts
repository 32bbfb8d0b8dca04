import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply, text } from '../src/core/reply.js';
import { supportResourcesText } from '../src/features/nudges/support.js';
import { handleOf } from '../src/features/teams/find-team.js';
import { createTeam } from '../src/features/teams/team-admin.js';

export default defineCommand({
  name: 'team create',
  description: 'Create a team (admins)',
  usage: '/attune team create <name>',
  examples: ['team create Customer Care'],
  audience: 'admin',
  args: z.object({ name: z.string({ message: 'give the team a name' }).max(200).describe("The team's name, e.g. Customer Care") }),
  parse: { positional: ['name'], rest: 'name' },
  async run(ctx, args) {
    const team = await createTeam(ctx, args.name);
    const created = ctx.content.copy('team.created', { name: team.name, handle: handleOf(team) });
    // Setting up a team is when an admin is best placed to add their organisation's own support contacts.
    if (await supportResourcesText(ctx, ctx.person.workspace)) return privateReply(created);
    const hint = ctx.content.copy('support.setupHint');
    return privateReply(`${created}\n${hint}`, [text(created), text(hint, 'muted')]);
  },
});
