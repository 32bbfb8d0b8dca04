import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { helpCommand } from '../../commands/help.js';
import { commands } from '../../commands/index.js';
import { renderMessage as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderMessage as renderSlack } from '../../src/adapters/slack/render-blocks.js';
import { defineCommand } from '../../src/core/command.js';
import { assertValidReply } from '../../src/core/reply.js';
import { messageProblems as discordProblems } from '../discord/discord-rules.js';
import { Dispatcher } from '../../src/core/dispatch.js';
import { Registry } from '../../src/core/registry.js';
import { makeTestApp, shellActor } from '../helpers/test-app.js';
import { messageProblems as slackProblems } from '../slack/block-kit-rules.js';

describe('admin help as commands grow', () => {
  it('with 80 more admin commands, help lists every one and stays within every section limit', async () => {
    const extra = Array.from({ length: 80 }, (_, i) =>
      defineCommand({ name: `extra ${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, description: `An extra admin command number ${i} with a description of fair length <and> brackets & more`, usage: `/attune extra${i} <team> <person> [more people]`, audience: 'admin', args: z.object({}), run: () => ({ text: 'x', blocks: [] }) }),
    );
    const all = [...commands, ...extra];
    const app = await makeTestApp();
    try {
      const registry = new Registry([...all.filter((c) => c.name !== 'help'), helpCommand(() => all)]);
      const { reply } = await new Dispatcher(app, registry).dispatch({ kind: 'command', actor: shellActor('ada'), text: 'help' });
      assertValidReply(reply);
      for (const c of extra) expect(reply.text).toContain(c.usage);
      const slack = renderSlack(reply, { choose: 'Choose' });
      expect([slack.blocks, ...slack.more].flatMap((blocks) => slackProblems({ text: slack.text, blocks }))).toEqual([]);
      const shown = [slack.blocks, ...slack.more].flat().map((b) => JSON.stringify(b)).join('');
      for (const c of extra) expect(shown).toContain(c.usage.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      const discord = renderDiscord(reply, { copy: app.content.copy, formToken: () => 't' });
      expect(discordProblems({ ...discord.body, attachments: discord.files })).toEqual([]);
    } finally {
      await app.cleanup();
    }
  });
});
