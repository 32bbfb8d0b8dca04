import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { handleOf } from '../src/features/teams/find-team.js';
import { renameTeam } from '../src/features/teams/team-lifecycle.js';

export default defineCommand({
  name: 'team rename',
  description: 'Give a team a new name; its handle and history stay (admins)',
  usage: '/attune team rename <team> <new name>',
  examples: ['team rename care "Customer Success"'],
  audience: 'admin',
  args: z.object({
    team: z.string({ message: 'name the team (its handle, e.g. care)' }).max(80).describe('The team handle, e.g. care'),
    name: z.string({ message: 'give the new name' }).max(200).describe('The new name'),
  }),
  parse: { positional: ['team', 'name'], rest: 'name' },
  async run(ctx, args) {
    const { team, before } = await renameTeam(ctx, args.team, args.name);
    return privateReply(ctx.content.copy('team.renamed', { before, name: team.name, handle: handleOf(team) }));
  },
});
