import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { feelingPrompt, FEELING_USAGE, nameFeeling } from '../src/features/feelings/name-feeling.js';

export default defineCommand({
  name: 'feeling',
  description: "Name the feeling behind today's check-in",
  usage: FEELING_USAGE,
  examples: ['feeling frustrated', 'feeling words', 'feeling'],
  audience: 'member',
  args: z.object({ word: z.string().max(60).optional().describe('An emotion word such as frustrated or calm, or "words" for their meanings') }),
  parse: { positional: ['word'], rest: 'word' },
  run: (ctx, args) => (args.word?.trim() ? nameFeeling(ctx, args.word) : feelingPrompt(ctx)),
  actions: {
    pick: (ctx, input) => nameFeeling(ctx, input.value ?? ''),
  },
});
