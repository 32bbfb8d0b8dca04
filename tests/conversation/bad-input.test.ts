import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { renderReply } from '../../src/adapters/shell/render.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  await run(app, 'root', 'help'); // the workspace's admin
});
afterEach(async () => {
  await app.cleanup();
});

const say = async (who: string, text: string) => renderReply(await run(app, who, text)).text;

describe('an unknown or overlong command', () => {
  it.each([
    ['10,000 letters', 'x'.repeat(10_000)],
    ['10,000 é', 'é'.repeat(10_000)],
    ['5,000 emoji', '🧘🏽‍♀️'.repeat(5_000)],
    ['U+202E and text', `\u202E${'gnol\u202E'.repeat(2_000)}`],
  ])('echoes a short clipped excerpt of %s, with no internal error', async (_, line) => {
    const out = await say('bob', line);
    expect(out).toMatch(/^I don't know "[^"]+…"\. Type \/attune help to see what I can do\.$/u);
    expect([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(/"(.*)"/u.exec(out)![1]!)]).toHaveLength(40);
    expect(out).not.toContain('\u202E');
    expect(out).not.toContain('something went wrong');
  });

  it('never cuts an emoji in half', async () => {
    const out = await say('bob', '🧘🏽‍♀️'.repeat(50));
    // A lone surrogate would mean half an emoji.
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(out).toMatch(/^I don't know "(🧘🏽‍♀️){39}…"/u);
  });
});

describe('control characters', () => {
  it('are removed from what is stored, while emoji, right-to-left text and every script are kept', async () => {
    await run(app, 'bob', 'reflect Calm\u0000 \u0007today\u001b[2J 🧘🏽‍♀️ مرحبا 客服 Поддержка');
    const [stored] = await app.store.history.reflections('shell:bob', { from: '2026-03-02', to: '2026-03-02' });
    expect(stored!.answer).toBe('Calm today[2J 🧘🏽‍♀️ مرحبا 客服 Поддержка');
    const history = await typeIntoShell(app, ['history'], 'bob');
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f']) expect(history).not.toContain(c);
  });

  it('are removed from a check-in note typed in the shell form', async () => {
    await typeIntoShell(app, ['checkin', '3', '3', '3', 'rough\u001b[2J day', '2'], 'bob');
    const [checkIn] = await app.store.history.checkIns('shell:bob', { from: '2026-03-02', to: '2026-03-02' });
    expect(checkIn!.note).toBe('rough[2J day');
  });
});

describe('team names', () => {
  it('"team create \\"Customer Care\\"" makes Customer Care, without the quotes', async () => {
    expect(await say('root', 'team create "Customer Care"')).toContain('Created team Customer Care. Its handle is customer-care');
  });

  it.each([
    ['Поддержка', 'поддержка'],
    ['客服', '客服'],
    ['مرحبا', 'مرحبا'],
    ['Support Ünits', 'support-ünits'],
  ])('accepts %s with the handle %s, and finds the team by that handle', async (name, handle) => {
    expect(await say('root', `team create ${name}`)).toContain(`Created team ${name}. Its handle is ${handle}`);
    expect(await say('root', `team add ${handle} bob`)).toBe(`Added bob to ${name}.`);
  });

  it('a 5,000-character name is told its length and the limit, not "give the team a name"', async () => {
    const out = await say('root', `team create ${'n'.repeat(5_000)}`);
    expect(out).toMatch(/^"name" is 5000 characters long; the most is 200\. Nothing was changed\.\nUsage: \/attune team create/);
  });
});

describe('refusals say what was wrong and what to type', () => {
  it.each(['team', 'mentor', 'pairs', 'admin', 'privacy'])('"%s" alone lists its subcommands', async (word) => {
    const out = await say('root', word);
    expect(out).toContain(`"${word}" needs one more word. Here is what you can do with it:\n/attune ${word} `);
  });

  it('a group word alone lists only what this person may use: a member sees no admin subcommand', async () => {
    await say('root', 'help');
    const team = await say('bob', 'team');
    expect(team).not.toContain('/attune team delete');
    expect(team).not.toContain('/attune team create');
    expect(await say('bob', 'admin')).toBe('Only an admin of this workspace can use "admin".');
  });

  it('a too-long time zone is told in words, with the usage, not the validator text', async () => {
    const out = await say('bob', `settings tz ${'A'.repeat(70)}`);
    expect(out).toMatch(/^"tz" is 70 characters long; the most is 64\. Nothing was changed\.\nUsage: \/attune settings/);
    expect(out).not.toMatch(/Too big|expected string/);
  });

  it('an unknown nudge action quotes a short excerpt and lists the choices', async () => {
    const out = await say('bob', `nudge ${'b'.repeat(300)}`);
    expect(out).toMatch(/^action: "b{39}…" is not something nudge can do; use one of now, /);
  });
});
