import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCommandManifest } from '../../src/adapters/discord/command-manifest.js';
import { commandFromOptions } from '../../src/adapters/discord/command-invocation.js';
import { defineCommand, type Command } from '../../src/core/command.js';
import { Registry } from '../../src/core/registry.js';
import { reply } from '../../src/core/reply.js';
import { commands } from '../../commands/index.js';

const cmd = (name: string, args: z.ZodObject = z.object({}), description = `The ${name} command`): Command =>
  defineCommand({ name, description, usage: `/attune ${name}`, audience: 'member', args, run: () => reply('ok') });

describe('buildCommandManifest', () => {
  it('turns the real registry into one /attune command with a subcommand per command and a group per two-word prefix', () => {
    const [root, ...others] = buildCommandManifest(new Registry(commands));
    expect(others).toEqual([]);
    // Exact JSON for a few stable commands; the registry grows, so the rest is checked by shape.
    const { options, ...head } = root as { options: Array<{ name: string; type: number; options?: Array<{ name: string }> }> };
    expect(head).toEqual({
      type: 1,
      name: 'attune',
      description: 'Attune: reflections, check-ins, nudges, mentoring and team morale',
      contexts: [0],
      integration_types: [0],
    });
    const byName = new Map(options.map((o) => [o.name, o]));
    expect(byName.get('help')).toEqual({ type: 1, name: 'help', description: 'What Attune does and every command you can use', options: [] });
    expect(byName.get('reflect')).toEqual({
      type: 1,
      name: 'reflect',
      description: "Today's reflection prompt; answer it in a form or by replying",
      // The reflection's length limit is declared, so Discord stops the typing at 4,000 characters.
      options: [{ type: 3, name: 'answer', description: 'Your answer, to save it without opening the form', required: false, max_length: 4000 }],
    });
    expect((byName.get('checkin')!.options ?? []).find((o) => o.name === 'note')).toMatchObject({ type: 3, max_length: 1008 });
    expect((byName.get('settings')!.options ?? []).find((o) => o.name === 'tz')).toEqual({ type: 3, name: 'tz', description: 'Your IANA time zone, e.g. Europe/Berlin', required: false, max_length: 64 });
    expect(byName.get('privacy')).toEqual({
      type: 2,
      name: 'privacy',
      description: 'Privacy: export, delete',
      options: [
        { type: 1, name: 'export', description: 'Download everything Attune holds about you, as JSON', options: [] },
        { type: 1, name: 'delete', description: 'Erase everything Attune holds about you (asks first)', options: [] },
      ],
    });
    // Every registry command appears exactly once, as a subcommand or inside its group.
    const leaves = options.flatMap((o) => (o.type === 2 ? (o.options ?? []).map((sub) => `${o.name} ${sub.name}`) : [o.name]));
    const expected = commands.map((c) => (c.name.includes(' ') || !commands.some((o) => o.name.startsWith(`${c.name} `)) ? c.name : `${c.name} show`));
    expect(leaves.sort()).toEqual(expected.sort());
  });

  it('types options from zod: integers with bounds, enums as choices, booleans, required first, camelCase lowercased', () => {
    const survey = cmd(
      'survey',
      z.object({
        note: z.string().max(9000).optional(),
        mood: z.coerce.number().int().min(1).max(5).describe('How you feel, 1-5'),
        kind: z.enum(['daily', 'weekly']).describe('Which survey'),
        quiet: z.boolean().optional(),
        promptTime: z.string().min(4).optional(),
      }),
    );
    const [root] = buildCommandManifest(new Registry([survey]));
    expect(root!.options).toEqual([
      {
        type: 1,
        name: 'survey',
        description: 'The survey command',
        options: [
          { type: 4, name: 'mood', description: 'How you feel, 1-5', required: true, min_value: 1, max_value: 5 },
          { type: 3, name: 'kind', description: 'Which survey', required: true, choices: [{ name: 'daily', value: 'daily' }, { name: 'weekly', value: 'weekly' }] },
          { type: 3, name: 'note', description: 'Note (see /attune help)', required: false, max_length: 6000 },
          { type: 5, name: 'quiet', description: 'Quiet (see /attune help)', required: false },
          { type: 3, name: 'prompt_time', description: 'Prompt time (see /attune help)', required: false, min_length: 4 },
        ],
      },
    ]);
  });

  it('puts a one-word command that is also a group prefix inside its group as "show"', () => {
    const [root] = buildCommandManifest(new Registry([cmd('mentor'), cmd('mentor request'), cmd('mentor stop')]));
    expect(root!.options).toEqual([
      {
        type: 2,
        name: 'mentor',
        description: 'The mentor command',
        options: [
          { type: 1, name: 'show', description: 'The mentor command', options: [] },
          { type: 1, name: 'request', description: 'The mentor request command', options: [] },
          { type: 1, name: 'stop', description: 'The mentor stop command', options: [] },
        ],
      },
    ]);
  });

  it('refuses more than 25 subcommands, which Discord would reject', () => {
    const many = Array.from({ length: 26 }, (_, i) => cmd(`c${String.fromCharCode(97 + i)}`));
    expect(() => buildCommandManifest(new Registry(many))).toThrow('/attune would have 26 subcommands; Discord allows 25');
  });

  it('refuses more than 25 options on one command', () => {
    const shape = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`o${String.fromCharCode(97 + i)}`, z.string().optional()]));
    expect(() => buildCommandManifest(new Registry([cmd('big', z.object(shape))]))).toThrow('big has 26 arguments; Discord allows 25');
  });
});

describe('commandFromOptions', () => {
  const registry = new Registry([...commands, cmd('coach'), cmd('coach ask', z.object({ goalText: z.string() }))]);

  it('maps a subcommand and its options back to the command and zod field names', () => {
    const data = [{ type: 1, name: 'settings', options: [{ type: 3, name: 'tz', value: 'Europe/Berlin' }, { type: 3, name: 'time', value: '08:15' }] }];
    expect(commandFromOptions(registry, data, 'discord:G1')).toEqual({ command: 'settings', options: { tz: 'Europe/Berlin', time: '08:15' } });
  });

  it('maps a group, a two-word command and a lowercased option name', () => {
    const data = [{ type: 2, name: 'coach', options: [{ type: 1, name: 'ask', options: [{ type: 3, name: 'goal_text', value: 'staying calm' }] }] }];
    expect(commandFromOptions(registry, data, 'discord:G1')).toEqual({ command: 'coach ask', options: { goalText: 'staying calm' } });
  });

  it('maps "show" in a group back to the one-word command', () => {
    expect(commandFromOptions(registry, [{ type: 2, name: 'coach', options: [{ type: 1, name: 'show', options: [] }] }], 'discord:G1')).toEqual({ command: 'coach', options: {} });
  });

  it('keeps the name of a subcommand the registry no longer has, so dispatch can say it is unknown', () => {
    expect(commandFromOptions(registry, [{ type: 1, name: 'gone', options: [] }], 'discord:G1')).toEqual({ command: 'gone', options: {} });
  });
});
