import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand, type Command } from '../../src/core/command.js';
import { Dispatcher } from '../../src/core/dispatch.js';
import type { Invocation } from '../../src/core/invocation.js';
import { Registry } from '../../src/core/registry.js';
import { privateReply, text } from '../../src/core/reply.js';
import { commands } from '../../commands/index.js';
import { COMMON_ZONES } from '../../src/adapters/discord/time-zones.js';
import { APP_ID, BOT_TOKEN, type Call } from './fake-discord.js';
import { confirmTokenIn } from './confirm-token.js';
import { startHarness, type Harness } from './harness.js';
import { ALICE, buttonClick, chatInput, group, modalSubmit, personOf, selectPick, str, sub } from './payloads.js';
import type { TestApp } from '../helpers/test-app.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ALLOWED = { allowed_mentions: { parse: [] } };
/** An interaction callback of type 4 (a message), as discord.js sends it. */
const message = (data: Record<string, unknown>) => ({ type: 4, data: { tts: false, enforce_nonce: false, ...ALLOWED, ...data } });
const ephemeral = (content: string) => message({ content, embeds: [], components: [], flags: 64 });
const bodies = (calls: Call[]) => calls.map((c) => ({ method: c.method, path: c.path.replace(/\d{18}/g, (id) => (id === APP_ID ? 'APP' : 'ID')), json: c.json }));
const CALLBACK = '/interactions/ID/interaction-token-ID/callback';
const FOLLOW_UP = '/webhooks/APP/interaction-token-ID';

/** A command with a scale form and a bounded integer option, to try what the foundation's commands lack. */
function surveyCommand(submitted: Array<Record<string, string>>): Command {
  return defineCommand({
    name: 'survey',
    description: 'A test survey',
    usage: '/attune survey [mood]',
    examples: ['survey 3'],
    audience: 'member',
    args: z.object({ mood: z.coerce.number().int().min(1).max(5).optional().describe('Mood 1-5') }),
    parse: { positional: ['mood'] },
    run: (_ctx, args) =>
      privateReply(`Mood ${args.mood ?? 'not given'}`, [
        text(`Mood ${args.mood ?? 'not given'}`),
        {
          type: 'form',
          id: 'survey',
          title: 'Survey',
          submitLabel: 'Send',
          action: { command: 'survey', action: 'submit' },
          fields: [
            { kind: 'scale', id: 'mood', label: 'Mood', min: 1, max: 5 },
            { kind: 'choice', id: 'share', label: 'Share it?', options: [{ label: 'Yes', value: 'y' }, { label: 'No', value: 'n' }] },
          ],
        },
      ]),
    actions: {
      submit(_ctx, input) {
        submitted.push(input.values);
        return privateReply(`Thanks: mood ${input.values.mood}, share ${input.values.share}.`);
      },
    },
  });
}

const withSurvey = (submitted: Array<Record<string, string>>) => (app: TestApp) => new Dispatcher(app, new Registry([...commands, surveyCommand(submitted)]));

describe('Discord slash commands through the real discord.js client', () => {
  it('connects with the Guilds intent only, using the bot token', async () => {
    h = await startHarness();
    expect(h.fake.identifies).toEqual([{ token: BOT_TOKEN, intents: 1 }]);
    expect(h.fake.calls[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', authorization: `Bot ${BOT_TOKEN}` });
  });

  it('answers /attune help with an ephemeral embed, then asks a first-time person for their time zone', async () => {
    h = await startHarness();
    const copy = h.app.content.copy;
    const calls = await h.interact(chatInput(ALICE, [sub('help')]));
    const order = ['anyone', 'member', 'lead', 'admin'];
    const sorted = [...commands].sort((a, b) => order.indexOf(a.audience) - order.indexOf(b.audience) || a.name.localeCompare(b.name));
    const lines = sorted.map((c) => `${c.usage} - ${c.description}`);
    const intro = copy('discord.tz.intro', { tz: 'UTC' });
    // The command list may span several text blocks (a blank line between them in the embed).
    const description = (calls[0]!.json as { data: { embeds: Array<{ description: string }> } }).data.embeds[0]!.description;
    expect(description.replace(/\n\n/g, '\n')).toBe(`${copy('help.intro')}\n${lines.join('\n')}\n-# ${copy('help.privacy')}`);
    expect(description.startsWith(`${copy('help.intro')}\n\n${lines[0]}`)).toBe(true);
    expect(bodies(calls)).toEqual([
      {
        method: 'POST',
        path: CALLBACK,
        json: message({
          embeds: [{ color: 0x4f7cac, title: copy('help.title'), description: expect.any(String) }],
          components: [],
          flags: 64,
        }),
      },
      {
        method: 'POST',
        path: FOLLOW_UP,
        json: {
          content: intro,
          tts: false,
          enforce_nonce: false,
          embeds: [],
          components: [{ type: 1, components: [{ type: 3, custom_id: 'a|tz|settings|tz', placeholder: 'Pick your time zone', min_values: 1, max_values: 1, options: COMMON_ZONES }] }],
          flags: 64,
          ...ALLOWED,
        },
      },
    ]);
    expect((await h.app.store.people.get(personOf(ALICE)))).toMatchObject({ name: 'Alice', workspace: 'discord:200000000000000001', admin: true });
  });

  it('answers /attune reflect with the prompt in an embed and a button that opens the form', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    const calls = await h.interact(chatInput(ALICE, [sub('reflect')]));
    const [served] = await h.app.store.history.served(personOf(ALICE), { from: '2026-03-02', to: '2026-03-02' });
    const prompt = h.app.content.reflections.find((p) => p.id === served!.promptId)!;
    const copy = h.app.content.copy;
    const label = { 'self-awareness': 'Self-awareness', 'self-regulation': 'Self-regulation', motivation: 'Motivation', empathy: 'Empathy', 'social-skills': 'Social skills' }[prompt.component];
    expect(bodies(calls)).toEqual([
      {
        method: 'POST',
        path: CALLBACK,
        json: message({
          embeds: [{ color: 0x4f7cac, title: copy('reflect.title', { component: label! }), description: `> ${prompt.text}\n\n-# ${copy('reflect.howToAnswer')}` }],
          components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'f|form1', label: copy('reflect.formTitle') }] }],
          flags: 64,
        }),
      },
    ]);
  });

  it('answers /attune history for someone with no history as ephemeral content', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    const calls = await h.interact(chatInput(ALICE, [sub('history')]));
    expect(bodies(calls)).toEqual([{ method: 'POST', path: CALLBACK, json: ephemeral(h.app.content.copy('history.empty')) }]);
  });

  it('applies /attune settings with typed options and shows them as embed fields', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    const calls = await h.interact(chatInput(ALICE, [sub('settings', [str('tz', 'Europe/Berlin'), str('time', '08:15'), str('days', 'mon-thu')])]));
    expect(bodies(calls)).toEqual([
      {
        method: 'POST',
        path: CALLBACK,
        json: message({
          embeds: [
            {
              color: 0x4f7cac,
              title: 'Settings saved',
              description: `-# Change with /attune settings tz Europe/Berlin time 09:30 days mon-fri (any of the three).\n\n-# ${h.app.content.copy('scheduler.settingsScheduleHowTo')}`,
              fields: [
                { name: 'Time zone', value: 'Europe/Berlin', inline: true },
                { name: 'Daily prompt at', value: '08:15', inline: true },
                { name: 'Check-in reminder at', value: '16:30', inline: true },
                { name: 'Working days', value: 'mon-thu', inline: true },
                { name: 'Paused until', value: 'not paused', inline: true },
                { name: 'Quiet hours', value: 'none', inline: true },
              ],
            },
          ],
          components: [],
          flags: 64,
        }),
      },
    ]);
    expect((await h.app.store.people.get(personOf(ALICE)))).toMatchObject({ tz: 'Europe/Berlin', tzSource: 'user', promptTime: '08:15', workingDays: ['mon', 'tue', 'wed', 'thu'] });
  });

  it('answers /attune privacy export with the JSON file attached', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    const calls = await h.interact(chatInput(ALICE, [group('privacy', sub('export'))]));
    const filename = 'attune-export-2026-03-02.json';
    expect(bodies(calls)).toEqual([
      {
        method: 'POST',
        path: CALLBACK,
        json: message({ content: h.app.content.copy('privacy.exported', { reflections: 0, checkins: 0, filename }), embeds: [], components: [], flags: 64, attachments: [{ id: '0' }] }),
      },
    ]);
    expect(calls[0]!.files.map((f) => ({ field: f.field, name: f.name }))).toEqual([{ field: 'files[0]', name: filename }]);
    expect(JSON.parse(calls[0]!.files[0]!.text)).toMatchObject({ person: { id: personOf(ALICE), name: 'Alice' }, reflections: [], checkins: [] });
  });

  it('answers /attune privacy delete with confirm buttons, and a click on "keep" erases nothing', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    const calls = await h.interact(chatInput(ALICE, [group('privacy', sub('delete'))]));
    const token = confirmTokenIn(calls);
    const copy = h.app.content.copy;
    expect(bodies(calls)).toEqual([
      {
        method: 'POST',
        path: CALLBACK,
        json: message({
          content: `${copy('privacy.confirmDelete', { minutes: 10 })}\n\n**${copy('privacy.confirmLabel')}**`,
          embeds: [],
          components: [
            {
              type: 1,
              components: [
                { type: 2, style: 2, custom_id: `a|confirm|privacy delete|confirm|${token}`, label: copy('privacy.deleteYes') },
                { type: 2, style: 2, custom_id: 'a|confirm|privacy delete|confirm|cancel', label: copy('privacy.deleteNo') },
              ],
            },
          ],
          flags: 64,
        }),
      },
    ]);
    const click = await h.interact(buttonClick(ALICE, 'a|confirm|privacy delete|confirm|cancel'));
    expect(bodies(click)).toEqual([{ method: 'POST', path: CALLBACK, json: ephemeral(copy('privacy.deleteCancelled')) }]);
    expect((await h.app.store.people.get(personOf(ALICE)))).toBeDefined();
  });

  it('erases the person when they click "erase everything"', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    const token = confirmTokenIn(await h.interact(chatInput(ALICE, [group('privacy', sub('delete'))])));
    const click = await h.interact(buttonClick(ALICE, `a|confirm|privacy delete|confirm|${token}`));
    expect(bodies(click)).toEqual([{ method: 'POST', path: CALLBACK, json: ephemeral(h.app.content.copy('privacy.deleted', { reflections: 0, checkins: 0 })) }]);
    expect((await h.app.store.people.get(personOf(ALICE)))).toBeUndefined();
  });
});

describe('Discord components and modals', () => {
  it('sets the time zone picked in the first-contact select', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    const calls = await h.interact(selectPick(ALICE, 'a|tz|settings|tz', ['Asia/Tokyo']));
    expect(calls).toHaveLength(1);
    expect((calls[0]!.json as { data: { embeds: Array<{ title: string; fields: unknown[] }> } }).data.embeds[0]).toMatchObject({
      title: 'Settings saved',
      fields: [
        { name: 'Time zone', value: 'Asia/Tokyo', inline: true },
        { name: 'Daily prompt at', value: '09:30', inline: true },
        { name: 'Check-in reminder at', value: '16:30', inline: true },
        { name: 'Working days', value: 'mon-fri', inline: true },
        { name: 'Paused until', value: 'not paused', inline: true },
        { name: 'Quiet hours', value: 'none', inline: true },
      ],
    });
    expect((await h.app.store.people.get(personOf(ALICE)))).toMatchObject({ tz: 'Asia/Tokyo', tzSource: 'user' });
  });

  it('refuses a zone that is not one, from a tampered select, and keeps the default', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    const calls = await h.interact(selectPick(ALICE, 'a|tz|settings|tz', ['Mars/Olympus_Mons']));
    expect(bodies(calls)).toEqual([{ method: 'POST', path: CALLBACK, json: ephemeral(h.app.content.copy('settings.badTz', { value: 'Mars/Olympus_Mons' })) }]);
    expect((await h.app.store.people.get(personOf(ALICE)))?.tz).toBeUndefined();
  });

  it('opens the reflection form as a modal and stores what is submitted', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    await h.interact(chatInput(ALICE, [sub('reflect')]));
    const [served] = await h.app.store.history.served(personOf(ALICE), { from: '2026-03-02', to: '2026-03-02' });
    const prompt = h.app.content.reflections.find((p) => p.id === served!.promptId)!;
    const open = await h.interact(buttonClick(ALICE, 'f|form1'));
    expect(bodies(open)).toEqual([
      {
        method: 'POST',
        path: CALLBACK,
        json: {
          type: 9,
          data: {
            custom_id: 'm|form1',
            title: "Today's reflection",
            // The prompt is shown whole: in the label's description, or above it when longer than 100 characters.
            components:
              prompt.text.length <= 100
                ? [{ type: 18, label: 'Your reflection', description: prompt.text, component: { type: 4, custom_id: 'answer', required: true, style: 2, max_length: 4000 } }]
                : [{ type: 10, content: prompt.text }, { type: 18, label: 'Your reflection', component: { type: 4, custom_id: 'answer', required: true, style: 2, max_length: 4000 } }],
          },
        },
      },
    ]);
    const submit = await h.interact(modalSubmit(ALICE, 'm|form1', { answer: 'I kept my voice warm.' }));
    expect(bodies(submit)).toEqual([{ method: 'POST', path: CALLBACK, json: ephemeral(expect.stringMatching(/^Saved \(/) as unknown as string) }]);
    const stored = await h.app.store.history.reflections(personOf(ALICE), { from: '2026-03-02', to: '2026-03-02' });
    expect(stored.map((r) => r.answer)).toEqual(['I kept my voice warm.']);
  });

  it('answers an invalid modal value with what is wrong and a button to reopen the form, and runs nothing', async () => {
    const submitted: Array<Record<string, string>> = [];
    h = await startHarness({ dispatcher: withSurvey(submitted) });
    await h.interact(chatInput(ALICE, [sub('survey')]));
    // A select can't offer 9, but a crafted submission could: the adapter checks every value anyway.
    const bad = await h.interact(modalSubmit(ALICE, 'm|form1', { mood: ['9'], share: ['y'] }));
    expect(bodies(bad)).toEqual([
      {
        method: 'POST',
        path: CALLBACK,
        json: message({
          content: '"Mood" needs a whole number from 1 to 5; you typed "9".\nNothing was saved. Open the form again to fix it.',
          embeds: [],
          components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'f|form1', label: 'Open the form again' }] }],
          flags: 64,
        }),
      },
    ]);
    expect(submitted).toEqual([]);
    const good = await h.interact(modalSubmit(ALICE, 'm|form1', { mood: ['4'], share: ['y'] }));
    expect(bodies(good)).toEqual([{ method: 'POST', path: CALLBACK, json: ephemeral('Thanks: mood 4, share y.') }]);
    expect(submitted).toEqual([{ mood: '4', share: 'y' }]);
  });

  it('defers a slow command, then edits the reply in', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    h = await startHarness({
      deferAfterMs: 10,
      dispatcher: (app) => ({
        registry: app.dispatcher.registry,
        async dispatch(inv: Invocation) {
          await gate;
          return app.dispatcher.dispatch(inv);
        },
      }),
    });
    const payload = chatInput(ALICE, [sub('history')]);
    const handled = h.interact(payload);
    const [deferred] = await h.fake.waitForCalls((c) => c.path.includes(payload.token));
    expect(bodies([deferred!])).toEqual([{ method: 'POST', path: CALLBACK, json: { type: 5, data: { flags: 64 } } }]);
    release();
    const calls = await handled;
    expect(bodies(calls).slice(1, 2)).toEqual([
      {
        method: 'PATCH',
        path: '/webhooks/APP/interaction-token-ID/messages/@original',
        json: { content: h.app.content.copy('history.empty'), tts: false, enforce_nonce: false, embeds: [], components: [], ...ALLOWED },
      },
    ]);
    // First contact: the time-zone question follows the edited reply.
    expect(calls.map((c) => c.method)).toEqual(['POST', 'PATCH', 'POST']);
  });
});

describe('Discord bad input', () => {
  it('answers an unknown custom_id with a clear ephemeral message and stores nothing', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    const before = JSON.stringify((await h.app.store.people.list()));
    for (const id of ['hello', 'a|x|nosuch|thing|1', 'm|form1']) {
      const calls = await h.interact(buttonClick(ALICE, id));
      const expected = id.startsWith('a|') ? h.app.content.copy('error.unknownAction') : h.app.content.copy('discord.unknownComponent');
      expect(bodies(calls)).toEqual([{ method: 'POST', path: CALLBACK, json: ephemeral(expected) }]);
    }
    expect(JSON.stringify((await h.app.store.people.list()))).toBe(before);
  });

  it('answers a modal, or a form button, for a form that no longer exists', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    const expired = h.app.content.copy('discord.formExpired');
    expect(bodies(await h.interact(modalSubmit(ALICE, 'm|gone1', { answer: 'hello' })))).toEqual([{ method: 'POST', path: CALLBACK, json: ephemeral(expired) }]);
    expect(bodies(await h.interact(buttonClick(ALICE, 'f|gone1')))).toEqual([{ method: 'POST', path: CALLBACK, json: ephemeral(expired) }]);
    expect(await h.app.store.history.reflections(personOf(ALICE), { from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
  });

  it('refuses an option out of range that slipped past Discord, with the usage line', async () => {
    h = await startHarness({ dispatcher: withSurvey([]) });
    const calls = await h.interact(chatInput(ALICE, [sub('survey', [{ type: 4, name: 'mood', value: 9 }])]));
    expect((calls[0]!.json as { data: unknown }).data).toMatchObject({
      content: '"mood" can be at most 5; you gave "9".\nUsage: /attune survey [mood]\nExample: survey 3',
      flags: 64,
    });
  });

  it('answers a subcommand that no longer exists', async () => {
    h = await startHarness();
    const calls = await h.interact(chatInput(ALICE, [sub('gone')]));
    expect((calls[0]!.json as { data: unknown }).data).toMatchObject({ content: h.app.content.copy('error.unknownCommand', { word: 'gone' }), flags: 64 });
  });

  it('survives a refused callback and never logs the bot token or an interaction token', async () => {
    h = await startHarness();
    const payload = chatInput(ALICE, [sub('history')]);
    h.fake.respond((c) => (c.path.includes(payload.token) ? { status: 400, body: { code: 50035, message: 'Invalid Form Body' } } : undefined));
    const calls = await h.interact(payload);
    // The reply, refused; then the apology, refused too: nothing crashes.
    expect(calls.map((c) => c.method)).toEqual(['POST', 'POST']);
    const logs = h.logs();
    expect(logs).toContain(`/interactions/${payload.id}/[token]/callback`);
    expect(logs).not.toContain(payload.token);
    expect(logs).not.toContain(BOT_TOKEN);
    // Still answering afterwards.
    const next = await h.interact(chatInput(ALICE, [sub('history')]));
    expect(bodies(next)).toEqual([{ method: 'POST', path: CALLBACK, json: ephemeral(h.app.content.copy('history.empty')) }]);
  });
});
