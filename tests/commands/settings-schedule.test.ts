import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp(); // Monday 2026-03-02, UTC
});
afterEach(async () => {
  await app.cleanup();
});

const person = async () => (await app.store.people.get('shell:alice'))!;

describe('settings pause, resume, quiet hours and reminder time', () => {
  it('pause 14 pauses through the 14th day, inclusive, and says until when', async () => {
    const reply = await run(app, 'alice', 'settings pause 14');
    expect((await person()).pausedUntil).toBe('2026-03-15');
    expect(reply.text).toContain('No scheduled messages until the end of 2026-03-15.');
    expect(reply.text).toContain('Paused until: 2026-03-15');
  });

  it('resume clears the pause', async () => {
    await run(app, 'alice', 'settings pause 3');
    const reply = await run(app, 'alice', 'settings resume');
    expect((await person()).pausedUntil).toBeUndefined();
    expect(reply.text).toContain('Scheduled messages are back on.');
    expect(reply.text).toContain('Paused until: not paused');
  });

  it.each(['0', '366', 'x', '1.5'])('refuses pause %s with the rule, usage and an example, and changes nothing', async (value) => {
    const reply = await run(app, 'alice', `settings pause ${value}`);
    expect(reply.text).toBe(
      `"${value}" is not a number of days. Use a whole number from 1 to 365, for example settings pause 14.\n` +
        'Usage: /attune settings [tz <IANA zone>] [time <HH:MM>] [days <mon-fri>] [reminder <HH:MM>] [pause <days> | resume] [quiet <HH:MM-HH:MM> | quiet off]\n' +
        'Example: settings pause 14',
    );
    expect((await person()).pausedUntil).toBeUndefined();
  });

  it('refuses pause and resume together', async () => {
    const reply = await run(app, 'alice', 'settings pause 3 resume');
    expect(reply.text.split('\n')[0]).toBe('Choose either pause or resume, not both.');
    expect((await person()).pausedUntil).toBeUndefined();
  });

  it('sets quiet hours across midnight, shows them, and turns them off', async () => {
    const on = await run(app, 'alice', 'settings quiet 22:00-7:00');
    expect((await person()).quietHours).toEqual({ from: '22:00', to: '07:00' });
    expect(on.text).toContain('Quiet hours: 22:00-07:00');
    const off = await run(app, 'alice', 'settings quiet off');
    expect((await person()).quietHours).toBeUndefined();
    expect(off.text).toContain('Quiet hours: none');
  });

  it.each(['22:00', '22:00-22:00', '25:00-07:00', 'night'])('refuses quiet %s and keeps the old quiet hours', async (value) => {
    await run(app, 'alice', 'settings quiet 22:00-07:00');
    const reply = await run(app, 'alice', `settings quiet ${value}`);
    expect(reply.text.split('\n')[0]).toBe(`"${value}" is not a quiet-hours range. Use HH:MM-HH:MM on a 24-hour clock, for example settings quiet 22:00-07:00, or settings quiet off.`);
    expect((await person()).quietHours).toEqual({ from: '22:00', to: '07:00' });
  });

  it('sets the reminder time and shows every schedule setting', async () => {
    const reply = await run(app, 'alice', 'settings reminder 17:15');
    expect((await person()).reminderTime).toBe('17:15');
    expect(reply.text.split('\n').slice(1, 7)).toEqual([
      'Time zone: UTC (the workspace default; set yours with /attune settings tz <zone>)',
      'Daily prompt at: 09:30',
      'Check-in reminder at: 17:15',
      'Working days: mon-fri',
      'Paused until: not paused',
      'Quiet hours: none',
    ]);
  });

  it('shows a pause that has ended as not paused', async () => {
    await run(app, 'alice', 'settings pause 1');
    app.clock.set('2026-03-03T10:00:00Z');
    expect((await run(app, 'alice', 'settings')).text).toContain('Paused until: not paused');
  });
});
