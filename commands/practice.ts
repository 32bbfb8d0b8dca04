import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { personArg } from '../src/core/person-arg.js';
import { PRACTICE_EXAMPLE, PRACTICE_USAGE, parsePracticeWords } from '../src/features/practice/practice-words.js';
import { finishPeer, startPeer, swapRoles } from '../src/features/practice/peer.js';
import { answerSolo, startSolo } from '../src/features/practice/solo.js';

export default defineCommand({
  name: 'practice',
  description: 'Role-play a hard customer moment by phone, chat, email or in person; alone or with your match',
  usage: PRACTICE_USAGE,
  examples: [PRACTICE_EXAMPLE, 'practice phone', 'practice with @sam email'],
  audience: 'member',
  formWhenBare: true,
  args: z.object({
    partner: personArg('Practise with your match: @name').optional(),
    options: z.string().max(300, 'at most 300 characters').optional().describe('phone|chat|email|in-person, easy|medium|hard'),
  }),
  parse: { positional: ['options'], rest: 'options', keywords: { with: 'partner' } },
  run(ctx, args) {
    const request = parsePracticeWords(ctx.content.copy, args.options);
    const filters = { ...(request.channel ? { channel: request.channel } : {}), ...(request.difficulty ? { difficulty: request.difficulty } : {}) };
    return args.partner ? startPeer(ctx, args.partner, filters) : startSolo(ctx, filters);
  },
  actions: {
    answer: (ctx, input) => answerSolo(ctx, input.values.answer ?? input.value ?? ''),
    swap: (ctx, input) => swapRoles(ctx, input.value ?? ''),
    finish: (ctx, input) => finishPeer(ctx, input.value ?? ''),
  },
});
