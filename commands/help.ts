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
      // A paragraph per audience, each in as many text blocks as it needs, so the list never outgrows a
      // platform's text limit as commands are added.
      const groups = AUDIENCE_ORDER.map((a) => sorted.filter((c) => c.audience === a).map((c) => `${c.usage} - ${c.description}`)).filter((g) => g.length);
      return reply(`${intro}\n\n${lines.join('\n')}`, [
        heading(ctx.content.copy('help.title')),
        text(intro),
        divider(),
        ...groups.flatMap((g) => chunks(g)).map((chunk) => text(chunk)),
        text(ctx.content.copy('help.privacy'), 'muted'),
      ], { private: true });
    },
  });
}

/**
 * Lines joined into text blocks well under the platforms' limit, so a growing command list never breaks
 * help: Slack escapes < and > (4 characters for 1), which the usage lines are full of.
 */
const CHUNK = Math.floor(LIMITS.textBlock * 0.6);

function chunks(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + 1 + line.length <= CHUNK) out[out.length - 1] = `${last}\n${line}`;
    else out.push(line);
  }
  return out;
}
