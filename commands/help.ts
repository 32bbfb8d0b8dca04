import { z } from 'zod';
import { defineCommand, type Command } from '../src/core/command.js';
import { meetsAudience } from '../src/core/access.js';
import { divider, heading, LIMITS, reply, text } from '../src/core/reply.js';

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
        // As commands are added the list outgrows one text block (3,000 characters): it continues in the next.
        ...chunkLines(lines, LIMITS.textBlock).map((chunk) => text(chunk)),
        text(ctx.content.copy('help.privacy'), 'muted'),
      ], { private: true });
    },
  });
}

/** Whole lines, joined into texts of at most max characters. */
function chunkLines(lines: string[], max: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + 1 + line.length <= max) out[out.length - 1] = `${last}\n${line}`;
    else out.push(line.slice(0, max));
  }
  return out;
}
