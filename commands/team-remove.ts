import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { personArg } from '../src/core/person-arg.js';
import { removeMember } from '../src/features/teams/team-admin.js';

const USAGE = '/attune team remove <team> <person>';
const EXAMPLE = 'team remove care @bob';

export default defineCommand({
  name: 'team remove',
  description: 'Take a person out of a team; their past check-ins stay with it (admins)',
  usage: USAGE,
  examples: [EXAMPLE],
  audience: 'admin',
  args: z.object({
    team: z.string({ message: 'name the team (its handle, e.g. care)' }).max(80).describe('The team handle, e.g. care'),
    person: personArg('The person: an @mention or a name', 'name the person to remove'),
  }),
  parse: { positional: ['team', 'person'], rest: 'person' },
  async run(ctx, args) {
    const { team, person } = await removeMember(ctx, args.team, args.person);
    return privateReply(ctx.content.copy('team.removed', { name: person.name, team: team.name }));
  },
});
