import { z } from 'zod';
import { defineCommand, type Command } from '../src/core/command.js';
import { meetsAudience } from '../src/core/access.js';
import { divider, heading, reply, text } from '../src/core/reply.js';

const AUDIENCE_ORDER = ['anyone', 'member', 'lead', 'admin'] as const;
/** Well under a Slack section's 3,000 characters, even once < and > are escaped: the list grows with every command. */
const BLOCK_CHARS = 2000;

/** Whole lines, in order, in blocks of at most `max` characters. */
function chunks(lines: string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > max) {
      out.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(current);
  return out;
}

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
      const line = (c: Command) => `${c.usage} - ${c.description}`;
      const lines = sorted.map(line);
      const intro = ctx.content.copy('help.intro');
      return reply(`${intro}\n\n${lines.join('\n')}`, [
        heading(ctx.content.copy('help.title')),
        text(intro),
        divider(),
        // One block per audience (and within Slack's section limit), so a person sees where their commands end.
        ...AUDIENCE_ORDER.flatMap((a) => chunks(sorted.filter((c) => c.audience === a).map(line), BLOCK_CHARS)).map((c) => text(c)),
        text(ctx.content.copy('help.privacy'), 'muted'),
      ], { private: true });
    },
  });
}
