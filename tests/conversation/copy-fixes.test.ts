import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-03-02T08:00:00Z' });
  await run(app, 'root', 'help'); // the workspace's admin
});
afterEach(async () => {
  await app.cleanup();
});

describe('the check-in form', () => {
  it('does not ask who may read a note when there is none', async () => {
    const out = await typeIntoShell(app, ['checkin', '3', '3', '3', ''], 'bob');
    expect(out).not.toContain('Who may read your note?');
    expect(out).toContain('Checked in: mood 3');
  });

  it('asks it when there is a note', async () => {
    const out = await typeIntoShell(app, ['checkin', '3', '3', '3', 'long day', '1'], 'bob');
    expect(out).toContain('Who may read your note?');
  });
});

describe('pairing rounds', () => {
  it('pairs status says who you were paired with, and that meeting is not confirmed until someone says so', async () => {
    for (const who of ['ann', 'ben']) await run(app, who, 'pairs join');
    const out = await typeIntoShell(app, ['\\advance 14d', 'pairs status'], 'ann');
    expect(out).toMatch(/Last round \(\d{4}-\d{2}-\d{2}\): you were paired with ben; whether you met is not confirmed yet\./);
    expect(out).not.toMatch(/you met ben/);
  });

  it('with a weekly cadence, "Did you meet?" and the next round\'s intro never arrive in the same minute', async () => {
    await run(app, 'root', 'pairs cadence 1');
    for (const who of ['ann', 'ben']) await run(app, who, 'pairs join');
    const out = await typeIntoShell(app, ['\\advance 22d'], 'ann');
    const blocks = out.split(/\n(?=\()/);
    const minutes = (pattern: RegExp) => blocks.filter((b) => pattern.test(b)).map((b) => b.slice(0, b.indexOf(')') + 1));
    const intros = minutes(/Your pairing for this round/);
    const questions = minutes(/Did you meet/);
    expect(intros.length).toBeGreaterThanOrEqual(2);
    expect(questions.length).toBeGreaterThanOrEqual(1);
    for (const q of questions) expect(intros).not.toContain(q);
  });
});
