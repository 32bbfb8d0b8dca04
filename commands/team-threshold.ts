import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { setThreshold } from '../src/features/teams/team-admin.js';

const WHOLE = 'use a whole number, 3 or more';

export default defineCommand({
  name: 'team threshold',
  description: 'The fewest people a team digest needs before it shows anything (3 or more; admins)',
  usage: '/attune team threshold <team> <number>',
  examples: ['team threshold care 5'],
  audience: 'admin',
  args: z.object({
    team: z.string({ message: 'name the team (its handle, e.g. care)' }).max(80).describe('The team handle, e.g. care'),
    value: z.coerce.number({ message: WHOLE }).int({ message: WHOLE }).max(10_000, { message: WHOLE }).describe('Minimum distinct respondents, 3 or more'),
  }),
  parse: { positional: ['team', 'value'] },
  async run(ctx, args) {
    const team = await setThreshold(ctx, args.team, args.value);
    return privateReply(ctx.content.copy('team.thresholdSet', { team: team.name, value: args.value }));
  },
});
