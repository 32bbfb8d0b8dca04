import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { privateReply } from '../src/core/reply.js';
import { stopEverything } from '../src/features/welcome/stop.js';

export default defineCommand({
  name: 'stop',
  description: 'Stop every message Attune sends you on its own; settings resume undoes it',
  usage: '/attune stop',
  audience: 'anyone',
  args: z.object({}),
  async run(ctx) {
    const { already } = await stopEverything(ctx);
    return privateReply(ctx.content.copy(already ? 'stop.already' : 'stop.done'));
  },
});
