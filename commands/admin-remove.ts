import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { adminsOf, revokeAdmin } from '../src/features/admins.js';
import { personArg } from '../src/core/person-arg.js';

const USAGE = '/attune admin remove <person>';
const EXAMPLE = 'admin remove @maya';

export default defineCommand({
  name: 'admin remove',
  description: 'Take admin rights from someone; the last admin stays (admins)',
  usage: USAGE,
  examples: [EXAMPLE],
  audience: 'admin',
  args: z.object({ person: personArg('The person: an @mention or a name') }),
  parse: { positional: ['person'], rest: 'person' },
  async run(ctx, args) {
    const { person } = await revokeAdmin(ctx, args.person);
    const admins = (await adminsOf(ctx, ctx.person.workspace)).map((p) => p.name).join(', ');
    return privateReply(ctx.content.copy('admin.removed', { name: person.name, admins }));
  },
});
