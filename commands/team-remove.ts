import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UsageError } from '../src/core/errors.js';
import { privateReply } from '../src/core/reply.js';
import { splitPersonRefs } from '../src/features/people-ref.js';
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
    person: z.string({ message: 'name the person to remove' }).max(200).describe('The person: an @mention or a name'),
  }),
  parse: { positional: ['team', 'person'], rest: 'person' },
  async run(ctx, args) {
    const refs = splitPersonRefs(args.person);
    if (refs.length !== 1) throw new UsageError('Name exactly one person to remove.', USAGE, EXAMPLE);
    const { team, person } = await removeMember(ctx, args.team, refs[0]!);
    return privateReply(ctx.content.copy('team.removed', { name: person.name, team: team.name }));
  },
});
