import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UsageError } from '../src/core/errors.js';
import { privateReply } from '../src/core/reply.js';
import { adminsOf, revokeAdmin } from '../src/features/admins.js';
import { splitPersonRefs } from '../src/features/people-ref.js';

const USAGE = '/attune admin remove <person>';
const EXAMPLE = 'admin remove @maya';

export default defineCommand({
  name: 'admin remove',
  description: 'Take admin rights from someone; the last admin stays (admins)',
  usage: USAGE,
  examples: [EXAMPLE],
  audience: 'admin',
  args: z.object({ person: z.string({ message: 'name the person' }).max(200).describe('The person: an @mention or a name') }),
  parse: { positional: ['person'], rest: 'person' },
  async run(ctx, args) {
    const refs = splitPersonRefs(args.person);
    if (refs.length !== 1) throw new UsageError('Name exactly one person.', USAGE, EXAMPLE);
    const { person } = await revokeAdmin(ctx, refs[0]!);
    const admins = (await adminsOf(ctx, ctx.person.workspace)).map((p) => p.name).join(', ');
    return privateReply(ctx.content.copy('admin.removed', { name: person.name, admins }));
  },
});
