import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UsageError } from '../src/core/errors.js';
import { privateReply } from '../src/core/reply.js';
import { addDays } from '../src/core/time.js';

const USAGE = '/attune pairs pause <weeks>';
const EXAMPLE = 'pairs pause 2';

export default defineCommand({
  name: 'pairs pause',
  description: 'Skip pairing rounds for a few weeks (1-12)',
  usage: USAGE,
  examples: [EXAMPLE],
  audience: 'member',
  args: z.object({ weeks: z.string().max(10).optional().describe('How many weeks to skip, 1-12') }),
  parse: { positional: ['weeks'] },
  async run(ctx, args) {
    const copy = ctx.content.copy;
    const weeks = Number(args.weeks);
    if (!args.weeks || !Number.isInteger(weeks) || weeks < 1 || weeks > 12) throw new UsageError(copy('pairs.badWeeks', { value: args.weeks ?? '' }), USAGE, EXAMPLE);
    const me = ctx.person.id;
    const pools = (await ctx.store.pairing.pools(ctx.person.workspace)).filter((p) => p.members[me]);
    if (pools.length === 0) return privateReply(copy('pairs.notInAny'));
    const until = addDays(ctx.today, weeks * 7 - 1);
    await ctx.store.transaction(async (tx) => {
      for (const p of pools) await tx.pairing.updatePool(p.id, (x) => (x.members[me] ? { ...x, members: { ...x.members, [me]: { ...x.members[me], pausedUntil: until } } } : x));
    });
    return privateReply(copy('pairs.paused', { until }));
  },
});
