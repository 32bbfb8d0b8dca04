import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { stopOffering } from '../src/features/mentoring/mentor-flow.js';

export default defineCommand({
  name: 'mentor stop',
  description: 'Stop offering to mentor; current mentees stay matched',
  usage: '/attune mentor stop',
  audience: 'member',
  args: z.object({}),
  async run(ctx) {
    const copy = ctx.content.copy;
    if (!(await ctx.store.mentoring.profiles.get(ctx.person.id))) return privateReply(copy('mentor.stopNothing'));
    const { withdrawn, active } = await stopOffering(ctx, ctx.person, ctx.now);
    return privateReply(copy('mentor.stopped', { active, withdrawn }));
  },
});
