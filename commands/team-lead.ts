import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UsageError } from '../src/core/errors.js';
import { privateReply } from '../src/core/reply.js';
import { splitPersonRefs } from '../src/features/people-ref.js';
import { handleOf } from '../src/features/teams/find-team.js';
import { setLead } from '../src/features/teams/team-admin.js';

const USAGE = '/attune team lead <team> <person> [remove]';
const EXAMPLE = 'team lead care @maya';
const REMOVE_WORDS = new Set(['remove', 'off']);

export default defineCommand({
  name: 'team lead',
  description: 'Make someone a lead of a team, or add "remove" to take that away (admins)',
  usage: USAGE,
  examples: [EXAMPLE, 'team lead care @maya remove'],
  audience: 'admin',
  args: z.object({
    team: z.string({ message: 'name the team (its handle, e.g. care)' }).max(80).describe('The team handle, e.g. care'),
    person: z.string({ message: 'name the person' }).max(200).describe('The person: an @mention or a name; add "remove" to remove'),
  }),
  parse: { positional: ['team', 'person'], rest: 'person' },
  async run(ctx, args) {
    const refs = splitPersonRefs(args.person);
    const remove = refs.length === 2 && REMOVE_WORDS.has(refs[1]!.toLowerCase());
    if (refs.length !== 1 && !remove) throw new UsageError('Name exactly one person, optionally followed by "remove".', USAGE, EXAMPLE);
    const { team, person, changed } = await setLead(ctx, args.team, refs[0]!, !remove);
    const copy = ctx.content.copy;
    const vars = { name: person.name, team: team.name, handle: handleOf(team) };
    if (remove) return privateReply(copy(changed ? 'team.leadRemoved' : 'team.notLead', vars));
    return privateReply(copy(changed ? 'team.leadAdded' : 'team.alreadyLead', vars));
  },
});
