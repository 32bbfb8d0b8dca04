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
    const ref = poolFor(ctx, ctx.person, args.team, { mustBeMember: false });
    const pool = ctx.store.mentoring().pools[ref.id];
    const name = poolName(ctx, pool ?? ref);
    if (!pool?.members[ctx.person.id]) return privateReply(copy('pairs.notJoined', { pool: name }));
    await ctx.store.updateMentoring((m) => {
      delete m.pools[ref.id]!.members[ctx.person.id];
    });
    return privateReply(copy('pairs.left', { pool: name }));
  },
});
