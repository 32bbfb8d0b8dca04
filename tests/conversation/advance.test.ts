import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-03-02T00:00:00Z' });
});
afterEach(async () => {
  await app.cleanup();
});

const count = (out: string, line: string) => out.split('\n').filter((l) => l === line).length;

describe('\\advance delivers what living through the time would', () => {
  it('a prompt inside quiet hours arrives when they end, through one \\advance 1d', async () => {
    await run(app, 'alice', 'settings time 07:00 quiet 22:00-08:00');
    const out = await typeIntoShell(app, ['\\advance 1d'], 'alice');
    expect(out).toContain("(Mon 2026-03-02 08:00 UTC)\n-- message for alice --\nToday's reflection");
  });

  it('after "nudge daily 12:00", \\advance 14d delivers the nudge on all ten working days, at 12:00, like fourteen \\advance 1d', async () => {
    await run(app, 'alice', 'nudge daily 12:00');
    const out = await typeIntoShell(app, ['\\advance 14d'], 'alice');
    expect(count(out, 'Your daily nudge: a few minutes just for you.')).toBe(10);
    const times = out.split('\n').flatMap((l, i, all) => (l === 'Your daily nudge: a few minutes just for you.' ? [all[i - 2]] : []));
    expect(new Set(times.map((t) => t!.slice(-10)))).toEqual(new Set(['12:00 UTC)']));
    const steps = await typeIntoShell(app, Array.from({ length: 14 }, () => '\\advance 1d'), 'alice');
    expect(count(steps, 'Your daily nudge: a few minutes just for you.')).toBe(10);
  });

  it('\\time refuses a date outside 2000-2100 at once and leaves the clock alone', async () => {
    const out = await typeIntoShell(app, ['\\time 9999-12-31T23:59', '\\time 1900-01-01T00:00'], 'alice');
    expect(count(out, 'Usage: \\time <ISO date-time> between the years 2000 and 2100, for example \\time 2026-03-09T09:00 or \\time 2026-03-09T09:00+01:00')).toBe(2);
    expect(app.clock.now().toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
});

describe('the daily reflection prompt', () => {
  it('is skipped on a day the person already reflected, and comes again the next day', async () => {
    const out = await typeIntoShell(app, ['\\advance 8h', 'reflect Noticed I rushed the standup.', '\\advance 2d'], 'alice');
    expect(out).not.toContain("(Mon 2026-03-02 09:30 UTC)\n-- message for alice --\nToday's reflection");
    expect(out).toContain("(Tue 2026-03-03 09:30 UTC)\n-- message for alice --\nToday's reflection");
    expect((await app.store.ledger.get('shell:alice', 'daily-prompt', '2026-03-02'))).toBeUndefined();
  });
});
