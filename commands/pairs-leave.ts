import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { poolFor } from '../src/features/mentoring/pools.js';
import { poolName } from '../src/features/mentoring/rounds.js';

export default defineCommand({
  name: 'pairs leave',
  description: 'Leave the pairing rounds (everyone, or one team)',
  usage: '/attune pairs leave [team]',
  examples: ['pairs leave', 'pairs leave care'],
  audience: 'member',
  args: z.object({ team: z.string().max(80).optional().describe('The team whose rounds to leave; leave out for everyone') }),
  parse: { positional: ['team'], rest: 'team' },
  async run(ctx, args) {
    const copy = ctx.content.copy;
    const ref = await poolFor(ctx, ctx.person, args.team, { mustBeMember: false });
    const name = await poolName(ctx, ref);
    let was = false;
    await ctx.store.pairing.updatePool(ref.id, (p) => {
      was = Boolean(p.members[ctx.person.id]);
      if (!was) return p;
      const { [ctx.person.id]: _left, ...members } = p.members;
      return { ...p, members };
    });
    if (!was) return privateReply(copy('pairs.notJoined', { pool: name }));
    return privateReply(copy('pairs.left', { pool: name }));
  },
});
