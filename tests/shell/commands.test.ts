import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { typeIntoShell } from '../helpers/shell-driver.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

describe('the shell', () => {
  it('greets without asking anything and prints plain text (no colour codes, no prompt) when not on a terminal', async () => {
    const out = await typeIntoShell(app, [], 'ann');
    expect(out).toBe('Attune shell. You are "ann". Type help for commands, \\help for shell commands, \\quit to leave.\n');
    const withHelp = await typeIntoShell(app, ['help'], 'ann');
    expect(withHelp.includes('\u001b[')).toBe(false);
  });

  it('takes command words with or without /attune', async () => {
    const out = await typeIntoShell(app, ['/attune settings', 'attune settings', 'settings'], 'ann');
    expect(out.match(/^Your settings$/gm)).toHaveLength(3);
  });

  it('lists every command in help, with its usage', async () => {
    const out = await typeIntoShell(app, ['help'], 'ann');
    for (const c of app.registry.list().filter((c) => c.audience === 'member' || c.audience === 'anyone')) expect(out).toContain(`${c.usage} - ${c.description}`);
  });

  it('hints at help for an unknown command', async () => {
    expect(await typeIntoShell(app, ['dance'], 'ann')).toContain('I don\'t know "dance". Type /attune help to see what I can do.');
  });

  it('answers wrong arguments with the command\'s usage line', async () => {
    const out = await typeIntoShell(app, ['history please', 'settings colour blue'], 'ann');
    expect(out).toContain('history takes no arguments.\nUsage: /attune history\n');
    expect(out).toContain('I don\'t understand "colour".\nUsage: /attune settings [tz <IANA zone>] [time <HH:MM>] [days <mon-fri>] [reminder <HH:MM>] [pause <days> | resume] [quiet <HH:MM-HH:MM> | quiet off]\nExample: settings tz Europe/Berlin time 09:30 days mon-fri');
  });

  it('validates settings and saves them: an unknown zone gets an example, a good one is kept', async () => {
    const out = await typeIntoShell(app, ['settings tz Berlin', 'settings time 25:00', 'settings tz America/New_York time 8:05 days sun-thu'], 'ann');
    expect(out).toContain('"Berlin" is not a time zone I know. Use an IANA name, for example Europe/Berlin, America/New_York or Asia/Tokyo.');
    expect(out).toContain('"25:00" is not a time of day. Use HH:MM on a 24-hour clock, for example 09:30 or 16:45.');
    expect(out).toContain(
      'Settings saved\n--------------\nTime zone: America/New_York\nDaily prompt at: 08:05\nCheck-in reminder at: 16:30\nWorking days: mon, tue, wed, thu, sun\nPaused until: not paused\nQuiet hours: none',
    );
    expect((await app.store.people.get('shell:ann'))).toMatchObject({ tz: 'America/New_York', tzSource: 'user', promptTime: '08:05', workingDays: ['mon', 'tue', 'wed', 'thu', 'sun'] });
  });

  it('switches person with \\as, and the first person in the workspace is its admin', async () => {
    const out = await typeIntoShell(app, ['settings', '\\as bob', 'settings', '\\as ../x'], 'ann');
    expect(out).toContain('You are now bob.');
    expect(out).toContain('Usage: \\as <name>');
    expect((await app.store.people.get('shell:ann'))?.admin).toBe(true);
    expect((await app.store.people.get('shell:bob'))?.admin).toBe(false);
  });

  it('lists shell commands with \\help, rejects unknown ones, and stops reading at \\quit', async () => {
    const out = await typeIntoShell(app, ['\\help', '\\fly', '\\quit', 'settings'], 'ann');
    expect(out).toContain('\\as <name>');
    expect(out).toContain('\\demo');
    expect(out).toContain('Unknown shell command \\fly. Type \\help for the list.');
    expect(out.trimEnd().endsWith('Bye.')).toBe(true);
  });

  it('loads a demo team with weeks of history that members can see in their own history', async () => {
    const out = await typeIntoShell(app, ['\\demo', '\\as alice', 'history', '\\demo'], 'ann');
    expect(out).toContain('Demo loaded: team "Customer Care" with 7 members and lead maya');
    expect(out).toContain('The demo team "Customer Care" is already here.');
    expect(out).toMatch(/Reflections \(last 90 days\): \d+/);
    expect((await app.store.teams.get('shell/care'))?.leads).toEqual(['shell:maya']);
    expect((await app.store.people.get('shell:ann'))?.admin).toBe(true);
  });
});

describe('privacy through the shell', () => {
  it('exports all of one\'s own data as a JSON file and nothing of anyone else', async () => {
    await typeIntoShell(app, ['reflect my own words'], 'bob');
    const out = await typeIntoShell(app, ['reflect ann words', 'privacy export'], 'ann');
    const match = /Attune export: saved to (\S+)/.exec(out);
    expect(out).toContain('Here is everything Attune holds about you (1 reflections, 0 check-ins), in attune-export-2026-03-02.json.');
    const data = JSON.parse(await readFile(match![1]!, 'utf8'));
    expect(data.person.id).toBe('shell:ann');
    expect(data.reflections.map((r: { answer: string }) => r.answer)).toEqual(['ann words']);
    expect(JSON.stringify(data)).not.toContain('my own words');
  });

  it('erases everything only after confirmation, and a cancelled delete keeps it', async () => {
    let out = await typeIntoShell(app, ['reflect keep me', 'privacy delete', '2'], 'ann');
    expect(out).toContain('Nothing was erased.');
    expect(await app.store.history.reflections('shell:ann', { from: '2026-03-02', to: '2026-03-02' })).toHaveLength(1);
    out = await typeIntoShell(app, ['privacy delete', '1'], 'ann');
    expect(out).toContain('Everything Attune held about you is erased (1 reflections, 0 check-ins, your settings and memberships).');
    expect(await app.store.history.reflections('shell:ann', { from: '2026-03-02', to: '2026-03-02' })).toEqual([]);
  });

  it('refuses an old confirmation button once it has been used or has expired', async () => {
    await typeIntoShell(app, ['reflect keep me'], 'ann');
    const asked = await app.dispatcher.dispatch({ kind: 'command', actor: { id: 'shell:ann', platform: 'shell', workspace: 'shell', displayName: 'ann' }, text: 'privacy delete' });
    const choice = asked.reply.blocks.find((b) => b.type === 'choice');
    const token = choice && choice.type === 'choice' ? choice.options[0]!.value : '';
    app.clock.advance(11 * 60_000);
    const late = await app.dispatcher.dispatch({ kind: 'action', actor: { id: 'shell:ann', platform: 'shell', workspace: 'shell', displayName: 'ann' }, command: 'privacy delete', action: 'confirm', value: token });
    expect(late.reply.text).toBe('That confirmation has expired or was already used. Run /attune privacy delete again.');
    expect(await app.store.history.reflections('shell:ann', { from: '2026-03-02', to: '2026-03-02' })).toHaveLength(1);
  });

  it('hands admin to the longest-standing person when the last admin erases themselves', async () => {
    await typeIntoShell(app, ['settings', '\\as bob', 'settings', '\\as cy', 'settings'], 'ann');
    const out = await typeIntoShell(app, ['privacy delete', '1'], 'ann');
    expect(out).toContain('You were this workspace\'s last admin, so bob is admin now.');
    expect((await app.store.people.get('shell:bob'))?.admin).toBe(true);
  });
});
