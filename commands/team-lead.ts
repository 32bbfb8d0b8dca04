import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { personArg } from '../src/core/person-arg.js';
import { handleOf } from '../src/features/teams/find-team.js';
import { setLead } from '../src/features/teams/team-admin.js';

const USAGE = '/attune team lead <team> <person> [remove]';
const EXAMPLE = 'team lead care @maya';

export default defineCommand({
  name: 'team lead',
  description: 'Make someone a lead of a team, or add "remove" to take that away (admins)',
  usage: USAGE,
  examples: [EXAMPLE, 'team lead care @maya remove'],
  audience: 'admin',
  args: z.object({
    team: z.string({ message: 'name the team (its handle, e.g. care)' }).max(80).describe('The team handle, e.g. care'),
    person: personArg('The person: an @mention or a name'),
    remove: z.enum(['remove', 'off'], { message: 'add "remove" to take the lead role away, or nothing' }).optional().describe('"remove" takes the lead role away'),
  }),
  parse: { positional: ['team', 'person', 'remove'] },
  async run(ctx, args) {
    const remove = Boolean(args.remove);
    const { team, person, changed } = await setLead(ctx, args.team, args.person, !remove);
    const copy = ctx.content.copy;
    const vars = { name: person.name, team: team.name, handle: handleOf(team) };
    if (remove) return privateReply(copy(changed ? 'team.leadRemoved' : 'team.notLead', vars));
    return privateReply(copy(changed ? 'team.leadAdded' : 'team.alreadyLead', vars));
  },
});
