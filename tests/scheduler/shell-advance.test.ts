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
    const sent = (await app.store.deliveriesOn('2026-03-04')).map((d) => `${d.job}:${d.status}`).sort();
    expect(sent).toEqual(['checkin-reminder:sent', 'daily-prompt:sent']);
  });
});
