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

describe('reflect through the shell', () => {
  it('shows today\'s prompt as a form, stores the typed answer, and lists it in history', async () => {
    const out = await typeIntoShell(app, ['reflect', 'I rushed my reply to an upset customer.', 'history'], 'alice');
    expect(out).toContain("Today's reflection · ");
    expect(out).toContain('Your reflection [up to 4000 characters]:');
    expect(out).toContain('Saved (');
    expect(out).toContain('Streak: 1 day(s)');
    expect(out).toContain('  I rushed my reply to an upset customer.');
    const stored = await app.store.history.reflections('shell:alice', { from: '2026-03-02', to: '2026-03-02' });
    expect(stored.map((r) => r.answer)).toEqual(['I rushed my reply to an upset customer.']);
  });

  it('asks before replacing a second answer the same day, and keeps the first when told to', async () => {
    const out = await typeIntoShell(app, ['reflect first answer', 'reflect second answer', '2'], 'alice');
    expect(out).toContain('You already reflected today: "first answer"');
    expect(out).toContain('  1) Replace it\n  2) Keep the first');
    expect(out).toContain('Kept your first answer; the new one was discarded.');
    const stored = await app.store.history.reflections('shell:alice', { from: '2026-03-02', to: '2026-03-02' });
    expect(stored.map((r) => r.answer)).toEqual(['first answer']);
  });

  it('replaces the first answer when the person chooses to', async () => {
    await typeIntoShell(app, ['reflect first answer', 'reflect second answer', '1'], 'alice');
    const stored = await app.store.history.reflections('shell:alice', { from: '2026-03-02', to: '2026-03-02' });
    expect(stored.map((r) => r.answer)).toEqual(['second answer']);
  });

  it('refuses an answer over 4,000 characters with the limit and stores nothing', async () => {
    const out = await typeIntoShell(app, [`reflect ${'x'.repeat(4001)}`], 'alice');
    expect(out).toContain('Your answer is 4001 characters; the limit is 4000. Nothing was saved');
    expect(await app.store.history.reflections('shell:alice', { from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
  });
});
