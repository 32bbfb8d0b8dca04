import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UsageError } from '../src/core/errors.js';
import { privateReply } from '../src/core/reply.js';
import { poolFor, poolOrNew, upcomingSlot } from '../src/features/mentoring/pools.js';
import { poolName } from '../src/features/mentoring/rounds.js';

const USAGE = '/attune pairs cadence <weeks> [team]';
const EXAMPLE = 'pairs cadence 3 care';

export default defineCommand({
  name: 'pairs cadence',
  description: 'Set how often pairing rounds run, for everyone or one team (default 2 weeks)',
  usage: USAGE,
  examples: [EXAMPLE],
  audience: 'admin',
  args: z.object({
    weeks: z.string().max(10).optional().describe('Weeks between rounds, 1-12'),
    team: z.string().max(80).optional().describe('A team; leave out for everyone'),
  }),
  parse: { positional: ['weeks', 'team'], rest: 'team' },
  async run(ctx, args) {
    const copy = ctx.content.copy;
    const weeks = Number(args.weeks);
    if (!args.weeks || !Number.isInteger(weeks) || weeks < 1 || weeks > 12) throw new UsageError(copy('pairs.badWeeks', { value: args.weeks ?? '' }), USAGE, EXAMPLE);
    const ref = await poolFor(ctx, ctx.person, args.team, { mustBeMember: false });
    await ctx.store.pairing.createPool(await poolOrNew(ctx, ref, ctx.person.workspace, ctx.today));
    const pool = (await ctx.store.pairing.updatePool(ref.id, (p) => ({ ...p, cadenceWeeks: weeks })))!;
    return privateReply(copy('pairs.cadenceSet', { pool: await poolName(ctx, pool), weeks, date: upcomingSlot(ctx, pool, ctx.now) }));
  },
});
