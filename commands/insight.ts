import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { addDays } from '../src/core/time.js';
import { INSIGHT_DAYS, insightNote } from '../src/features/insight/insight-note.js';
import { MIN_CHECKINS } from '../src/features/insight/patterns.js';

export default defineCommand({
  name: 'insight',
  description: 'Your private monthly note on your own check-ins: now, off or on',
  usage: '/attune insight [now | off | on]',
  examples: ['insight', 'insight off'],
  audience: 'member',
  args: z.object({ choice: z.enum(['now', 'off', 'on'], { message: 'use now, off or on' }).optional().describe('now (default), off or on') }),
  parse: { positional: ['choice'] },
  async run(ctx, args) {
    const copy = ctx.content.copy;
    if (args.choice === 'off' || args.choice === 'on') {
      await ctx.store.people.update(ctx.person.id, (p) => {
        const { insightOff: _was, ...rest } = p;
        return args.choice === 'off' ? { ...rest, insightOff: true } : rest;
      });
      return privateReply(copy(args.choice === 'off' ? 'insight.off' : 'insight.on'));
    }
    const note = await insightNote(ctx, ctx.person, addDays(ctx.today, 1));
    if (note) return note;
    const count = (await ctx.store.history.checkIns(ctx.person.id, { from: addDays(ctx.today, -(INSIGHT_DAYS - 1)), to: ctx.today })).length;
    return privateReply(copy('insight.tooFew', { count, days: INSIGHT_DAYS, min: MIN_CHECKINS }));
  },
});
