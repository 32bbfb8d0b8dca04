import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { peopleArg } from '../src/core/person-arg.js';
import { addMembers } from '../src/features/teams/team-admin.js';
import { welcomeToTeam } from '../src/features/welcome/team-welcome.js';

const USAGE = '/attune team add <team> <person> [more people]';
const EXAMPLE = 'team add care @alice @bob';

export default defineCommand({
  name: 'team add',
  description: 'Add people to a team (admins)',
  usage: USAGE,
  examples: [EXAMPLE],
  audience: 'admin',
  args: z.object({
    team: z.string({ message: 'name the team (its handle, e.g. care)' }).max(80).describe('The team handle, e.g. care'),
    people: peopleArg('People to add: @mentions or names'),
  }),
  parse: { positional: ['team', 'people'], rest: 'people' },
  async run(ctx, args) {
    const { team, added, already } = await addMembers(ctx, args.team, args.people, (tx, outcome) => welcomeToTeam(ctx, tx, outcome.team, outcome.added));
    // Queued with the membership change; sent now.
    await ctx.outbox.flush?.();
    const copy = ctx.content.copy;
    const lines = [
      ...(added.length ? [copy('team.added', { names: added.map((p) => p.name).join(', '), team: team.name })] : []),
      ...(already.length ? [copy('team.alreadyMembers', { names: already.map((p) => p.name).join(', '), team: team.name })] : []),
    ];
    return privateReply(lines.join('\n'));
  },
});
