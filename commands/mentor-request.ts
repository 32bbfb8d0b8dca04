import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UsageError } from '../src/core/errors.js';
import { advanceMentoring, answerInvitation, requestMentor } from '../src/features/mentoring/mentor-flow.js';
import { skillsIn } from '../src/features/mentoring/skills.js';

const USAGE = '/attune mentor request <goal>';
const EXAMPLE = 'mentor request staying calm with upset customers';

export default defineCommand({
  name: 'mentor request',
  description: 'Ask for a mentor on a skill you want to grow',
  usage: USAGE,
  examples: [EXAMPLE],
  audience: 'member',
  args: z.object({ goal: z.string().max(500, 'at most 500 characters').optional().describe('What you would like to grow in') }),
  parse: { positional: ['goal'], rest: 'goal' },
  async run(ctx, args) {
    const copy = ctx.content.copy;
    const goal = (args.goal ?? '').trim();
    if (!goal) throw new UsageError(copy('mentor.requestEmpty'), USAGE, EXAMPLE);
    const tags = skillsIn(goal, ctx.content.mentoring.skills);
    if (tags.length === 0) {
      const known = ctx.content.mentoring.skills.map((s) => s.label).join(', ');
      throw new UsageError(copy('mentor.requestNoSkill', { goal, known }), USAGE, EXAMPLE);
    }
    await advanceMentoring(ctx, ctx.now);
    return requestMentor(ctx, ctx.person, goal, tags, ctx.now);
  },
  actions: {
    /** A mentor's Accept / Decline on an invitation. */
    answer: (ctx, input) => answerInvitation(ctx, ctx.person, input.value ?? '', ctx.now),
  },
});
