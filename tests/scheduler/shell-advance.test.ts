import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { typeIntoShell } from '../helpers/shell-driver.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-03-02T08:00:00Z' });
});
afterEach(async () => {
  await app.cleanup();
});

describe('the shell clock', () => {
  it('\\advance 7d shows five prompts and reminders on working days, in order, and stops at the new time', async () => {
    await run(app, 'alice', 'settings tz Europe/Berlin');
    const out = await typeIntoShell(app, ['\\advance 7d'], 'alice');
    const prompts = out.split('\n').filter((l) => l.startsWith("Today's reflection · ")).length;
    const reminders = out.split('\n').filter((l) => l === 'Time for a quick check-in').length;
    expect(prompts).toBe(5);
    expect(reminders).toBe(5);
    expect(out).toContain('(Mon 2026-03-02 09:30 Europe/Berlin)\n-- message for alice --');
    expect(out).toContain('(Fri 2026-03-06 16:30 Europe/Berlin)');
    expect(out).not.toContain('2026-03-07 09:30');
    expect(out).toContain('The clock is now Mon 2026-03-09 09:00 Europe/Berlin.');
    expect(app.clock.now().toISOString()).toBe('2026-03-09T08:00:00.000Z');
    const sent = (await app.store.ledger.on('2026-03-04')).map((d) => `${d.job}:${d.status}`).sort();
    expect(sent).toEqual(['checkin-reminder:sent', 'daily-prompt:sent']);
  });

  it('\\time jumps like downtime: the prompt within the grace window arrives, the older reminder is recorded missed', async () => {
    await run(app, 'alice', 'settings tz Europe/Berlin');
    const out = await typeIntoShell(app, ['\\time 2026-03-03T10:00', '\\time'], 'alice');
    expect(out).toContain('The clock is now Tue 2026-03-03 10:00 Europe/Berlin.\n-- message for alice --\nToday\'s reflection · ');
    expect(out).toContain('It is Tue 2026-03-03 10:00 Europe/Berlin.');
    expect(app.clock.now().toISOString()).toBe('2026-03-03T09:00:00.000Z');
    expect((await app.store.ledger.get('shell:alice', 'checkin-reminder', '2026-03-02'))?.status).toBe('missed');
    expect((await app.store.ledger.get('shell:alice', 'daily-prompt', '2026-03-03'))?.status).toBe('sent');
  });

  it('explains \\advance and \\time when the argument is not understood, and leaves the clock alone', async () => {
    const out = await typeIntoShell(app, ['\\advance soon', '\\advance 40d', '\\time next week'], 'alice');
    expect(out).toContain('Usage: \\advance <duration> up to 31d, for example \\advance 1d, \\advance 3h or \\advance 1h30m\nUsage: \\advance <duration>');
    expect(out).toContain('Usage: \\time <ISO date-time>, for example \\time 2026-03-09T09:00 or \\time 2026-03-09T09:00+01:00');
    expect(app.clock.now().toISOString()).toBe('2026-03-02T08:00:00.000Z');
  });

  it('runs \\advance in the middle of a form and then asks the form question again', async () => {
    const out = await typeIntoShell(app, ['reflect', '\\advance 30m', 'Noticed my shoulders tense.'], 'alice');
    expect(out).toContain('The clock is now Mon 2026-03-02 08:30 UTC.\nYour reflection [up to 4000 characters]:');
    expect((await app.store.history.reflections('shell:alice', { from: '2026-03-02', to: '2026-03-02' })).map((r) => r.answer)).toEqual(['Noticed my shoulders tense.']);
  });
});
