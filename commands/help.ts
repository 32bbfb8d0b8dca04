import { z } from 'zod';
import { defineCommand, type Command } from '../src/core/command.js';
import { meetsAudience } from '../src/core/access.js';
import { divider, heading, reply, text } from '../src/core/reply.js';

const AUDIENCE_ORDER = ['anyone', 'member', 'lead', 'admin'] as const;

/** Builds help from the registry passed in, so it always lists exactly what is there. */
export function helpCommand(list: () => readonly Command[]) {
  return defineCommand({
    name: 'help',
    description: 'What Attune does and every command you can use',
    usage: '/attune help',
    audience: 'anyone',
    args: z.object({}),
    async run(ctx) {
      const usable: Command[] = [];
      for (const c of list()) if (await meetsAudience(ctx.store, ctx.person, c.audience)) usable.push(c);
      const sorted = [...usable].sort((a, b) => AUDIENCE_ORDER.indexOf(a.audience) - AUDIENCE_ORDER.indexOf(b.audience) || a.name.localeCompare(b.name));
      const lines = sorted.map((c) => `${c.usage} - ${c.description}`);
      const intro = ctx.content.copy('help.intro');
      return reply(`${intro}\n\n${lines.join('\n')}`, [
        heading(ctx.content.copy('help.title')),
        text(intro),
        divider(),
        text(lines.join('\n')),
        text(ctx.content.copy('help.privacy'), 'muted'),
      ], { private: true });
    },
  });
}
