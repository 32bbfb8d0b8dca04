import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
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
    return privateReply(ctx.content.copy('team.created', { name: team.name, handle: handleOf(team) }));
  },
});
