import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { personArg } from '../src/core/person-arg.js';
import { MAX_THANKS } from '../src/core/model/practice.js';
import { sendThanks, THANKS_EXAMPLE, THANKS_USAGE } from '../src/features/practice/thanks.js';

export default defineCommand({
  name: 'thanks',
  description: 'Send a private thank-you to someone for what they did (no leaderboard)',
  usage: THANKS_USAGE,
  examples: [THANKS_EXAMPLE],
  audience: 'member',
  args: z.object({
    person: personArg('Who to thank: @name').optional(),
    // Typed text may run longer than MAX_THANKS: the handler says how long it was and what the limit is.
    // Platforms that enforce a length as people type (Discord's max_length) get the real limit.
    text: z.string().max(MAX_THANKS * 4).optional().meta({ description: `What they did, at most ${MAX_THANKS} characters`, maxLength: MAX_THANKS }),
  }),
  parse: { positional: ['person', 'text'], rest: 'text' },
  run: (ctx, args) => sendThanks(ctx, args.person, args.text),
});
