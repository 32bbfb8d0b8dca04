import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { adminsOf, grantAdmin } from '../src/features/admins.js';
import { personArg } from '../src/core/person-arg.js';

const USAGE = '/attune admin add <person>';
const EXAMPLE = 'admin add @maya';

export default defineCommand({
  name: 'admin add',
  description: 'Make someone an admin of this workspace (admins)',
  usage: USAGE,
  examples: [EXAMPLE],
  audience: 'admin',
  args: z.object({ person: personArg('The person: an @mention or a name') }),
  parse: { positional: ['person'], rest: 'person' },
  async run(ctx, args) {
    const { person, changed } = await grantAdmin(ctx, args.person);
    const copy = ctx.content.copy;
    const admins = (await adminsOf(ctx, ctx.person.workspace)).map((p) => p.name).join(', ');
    return privateReply(copy(changed ? 'admin.added' : 'admin.already', { name: person.name, admins }));
  },
});
