import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { PRACTICE_EXAMPLE, PRACTICE_USAGE, parsePracticeWords } from '../src/features/practice/practice-words.js';
import { finishPeer, startPeer, swapRoles } from '../src/features/practice/peer.js';
import { answerSolo, startSolo } from '../src/features/practice/solo.js';

export default defineCommand({
  name: 'practice',
  description: 'Role-play a hard customer moment by phone, chat, email or in person; alone or with your match',
  usage: PRACTICE_USAGE,
  examples: [PRACTICE_EXAMPLE, 'practice phone', 'practice with @sam email'],
  audience: 'member',
  args: z.object({
    options: z.string().max(300, 'at most 300 characters').optional().describe('phone|chat|email|in-person, easy|medium|hard, or: with @name'),
  }),
  parse: { positional: ['options'], rest: 'options' },
  run(ctx, args) {
    const request = parsePracticeWords(ctx.content.copy, args.options);
    const filters = { ...(request.channel ? { channel: request.channel } : {}), ...(request.difficulty ? { difficulty: request.difficulty } : {}) };
    return request.partner ? startPeer(ctx, request.partner, filters) : startSolo(ctx, filters);
  },
  actions: {
    answer: (ctx, input) => answerSolo(ctx, input.values.answer ?? input.value ?? ''),
    swap: (ctx, input) => swapRoles(ctx, input.value ?? ''),
    finish: (ctx, input) => finishPeer(ctx, input.value ?? ''),
  },
});
