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
    const ref = poolFor(ctx, ctx.person, args.team, { mustBeMember: true });
    const pool = poolOrNew(ctx, ref, ctx.person.workspace, ctx.today);
    const member = pool.members[ctx.person.id];
    const vars = () => ({ pool: poolName(ctx, pool), date: upcomingSlot(ctx, pool, ctx.now), weeks: pool.cadenceWeeks });
    if (member && !(member.pausedUntil && member.pausedUntil >= ctx.today)) return privateReply(copy('pairs.alreadyJoined', vars()));
    await ctx.store.updateMentoring((m) => {
      const p = (m.pools[pool.id] ??= pool);
      const existing = p.members[ctx.person.id];
      if (existing) delete existing.pausedUntil;
      else p.members[ctx.person.id] = { joinedAt: ctx.now.toISOString() };
    });
    return privateReply(copy(member ? 'pairs.resumed' : 'pairs.joined', vars()));
  },
});
