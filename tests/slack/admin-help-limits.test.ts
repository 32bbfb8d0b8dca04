import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand, type Command } from '../../src/core/command.js';
import { Dispatcher } from '../../src/core/dispatch.js';
import { Registry } from '../../src/core/registry.js';
import { commands } from '../../commands/index.js';
import { helpCommand } from '../../commands/help.js';
import { startSlack, type SlackHarness } from './slack-harness.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlack();
});
afterEach(async () => {
  await h.close();
});

/** Admin commands as long as a declaration allows: usage lines of 150 characters, descriptions of 100. */
const grown = Array.from({ length: 80 }, (_, i) =>
  defineCommand({
    name: `extra cmd-${String.fromCharCode(97 + (i % 26))}${'x'.repeat(Math.floor(i / 26))}`,
    description: `Admin tool ${i} <with & markup-like > characters> `.padEnd(100, 'd').slice(0, 100),
    usage: `/attune extra cmd-${i} <team> <person> [more] `.padEnd(150, '.'),
    audience: 'admin',
    args: z.object({}),
    run: () => ({ text: 'ok', blocks: [] }),
  }),
);

describe('Slack help for an admin as commands grow', () => {
  it('every page of an admin\'s help passes Slack\'s limits (each section under 3,000 characters once escaped)', async () => {
    const list = [...commands.filter((c) => c.name !== 'help'), ...grown];
    const all: Command[] = [];
    const registry: Registry = new Registry([...list, helpCommand(() => all)]);
    all.push(...registry.list());
    const dispatcher = new Dispatcher(h.app, registry);
    const admin = { id: 'slack:T1:U1', platform: 'slack' as const, workspace: 'slack:T1', displayName: 'Ana' };
    const { reply } = await dispatcher.dispatch({ kind: 'command', actor: admin, text: 'help' });
    await h.adapter.deliver(reply, { teamId: 'T1', userId: 'U1', responseUrl: h.fake.responseUrl('help') });
    const pages = h.fake.calls.filter((c) => c.method === 'response_url');
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((c) => c.status !== 200).map((c) => c.args.problems)).toEqual([]);
    const sections = pages.flatMap((c) => (c.args.blocks as Array<{ type: string; text?: { text: string } }>).filter((b) => b.type === 'section'));
    expect(Math.max(...sections.map((b) => b.text!.text.length))).toBeLessThanOrEqual(3000);
    // Every grown command is listed somewhere.
    const listed = sections.map((b) => b.text!.text).join('\n');
    expect(grown.filter((_, i) => !listed.includes(`Admin tool ${i} `))).toEqual([]);
  });
});
