import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { poolFor, poolOrNew, upcomingSlot } from '../src/features/mentoring/pools.js';
import { poolName } from '../src/features/mentoring/rounds.js';

export default defineCommand({
  name: 'pairs join',
  description: 'Join the regular pairing rounds (everyone, or one of your teams)',
  usage: '/attune pairs join [team]',
  examples: ['pairs join', 'pairs join care'],
  audience: 'member',
  args: z.object({ team: z.string().max(80).optional().describe('A team you are in; leave out for everyone') }),
  parse: { positional: ['team'], rest: 'team' },
  async run(ctx, args) {
    const copy = ctx.content.copy;
    const ref = await poolFor(ctx, ctx.person, args.team, { mustBeMember: true });
    const { record: pool } = await ctx.store.pairing.createPool(await poolOrNew(ctx, ref, ctx.person.workspace, ctx.today));
    const name = await poolName(ctx, pool);
    const vars = () => ({ pool: name, date: upcomingSlot(ctx, pool, ctx.now), weeks: pool.cadenceWeeks });
    let outcome: 'alreadyJoined' | 'resumed' | 'joined' = 'joined';
    await ctx.store.pairing.updatePool(pool.id, (p) => {
      const member = p.members[ctx.person.id];
      if (member && !(member.pausedUntil && member.pausedUntil >= ctx.today)) {
        outcome = 'alreadyJoined';
        return p;
      }
      outcome = member ? 'resumed' : 'joined';
      const { pausedUntil: _resumed, ...kept } = member ?? { joinedAt: ctx.now.toISOString() };
      return { ...p, members: { ...p.members, [ctx.person.id]: kept } };
    });
    return privateReply(copy(`pairs.${outcome}`, vars()));
  },
});
