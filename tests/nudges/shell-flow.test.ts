import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { storeCheckIn } from './helpers.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

const techniqueOf = (id: string) => app.content.nudges.find((n) => n.id === id)!.technique;

describe('nudges through the shell', () => {
  it('nudge now shows numbered steps and helpful buttons; "1" records that it helped', async () => {
    const out = await typeIntoShell(app, ['nudge now', '1'], 'alice');
    const [served] = (await app.store.nudges.get('shell:alice')).served;
    const nudge = app.content.nudges.find((n) => n.id === served!.nudgeId)!;
    expect(out).toContain(`Here is a short exercise for you.\n${nudge.title}\n`);
    expect(out).toContain(`1. ${nudge.steps[0]}\n2. ${nudge.steps[1]}`);
    expect(out).toContain('Was this helpful?\n  1) Yes, it helped\n  2) Not really');
    expect(out).toContain('Glad it helped. I will offer more');
    expect((await app.store.nudges.get('shell:alice')).votes).toEqual({ [nudge.id]: { helpful: true, at: '2026-03-02T10:00:00.000Z' } });
  });

  it('after a helpful vote, the next nudges come from the same technique', async () => {
    await typeIntoShell(app, ['nudge now', '1', 'nudge now', 'nudge now'], 'alice');
    const served = (await app.store.nudges.get('shell:alice')).served.map((s) => s.nudgeId);
    expect(served).toHaveLength(3);
    expect(new Set(served).size).toBe(3);
    expect(served.map(techniqueOf)).toEqual([techniqueOf(served[0]!), techniqueOf(served[0]!), techniqueOf(served[0]!)]);
  });

  it('"Not really" records the vote and moves away from that technique', async () => {
    const out = await typeIntoShell(app, ['nudge now', '2', 'nudge now'], 'alice');
    expect(out).toContain('Thank you for saying so. I will offer other kinds of exercise first.');
    const served = (await app.store.nudges.get('shell:alice')).served.map((s) => s.nudgeId);
    expect(techniqueOf(served[1]!)).not.toBe(techniqueOf(served[0]!));
  });

  it('nudge now fits the latest check-in: stress 5 gives breathing or grounding', async () => {
    await storeCheckIn(app, 'alice', '2026-03-02', { mood: 3, energy: 3, stress: 5 });
    const out = await typeIntoShell(app, ['nudge now'], 'alice');
    expect(out).toContain('Here is a short exercise that fits how your last check-in went.');
    expect(['breathing', 'grounding']).toContain(techniqueOf((await app.store.nudges.get('shell:alice')).served[0]!.nudgeId));
  });

  it('snooze, off and on change what status shows, and nudge now still works while off', async () => {
    const out = await typeIntoShell(app, ['nudge snooze 3', 'nudge status', 'nudge off', 'nudge now', 'nudge status', 'nudge on'], 'alice');
    expect(out).toContain("Snoozed. I won't start any nudges through 2026-03-04; they come back on 2026-03-05.");
    expect(out).toContain('Nudges I start: snoozed through 2026-03-04');
    expect(out).toContain("Nudges are off. I won't start any until you turn them back on with /attune nudge on.");
    expect(out).toContain('Here is a short exercise for you.');
    expect(out).toContain('Nudges I start: off');
    expect(out).toContain('Nudges are on again.\n--------------------\nNudges I start: on');
    expect((await app.store.nudges.get('shell:alice'))).toMatchObject({ off: false });
    expect((await app.store.nudges.get('shell:alice')).snoozedUntil).toBeUndefined();
  });

  it('daily sets and clears the daily nudge time', async () => {
    const out = await typeIntoShell(app, ['nudge daily 8:30', 'nudge status', 'nudge daily off', 'nudge status'], 'alice');
    expect(out).toContain('Done: a daily nudge at 08:30 on your working days (UTC).');
    expect(out).toContain('Daily nudge: 08:30');
    expect(out).toContain('Done: no more daily nudge.');
    expect(out).toContain('Daily nudge: none (set one with /attune nudge daily 08:30)');
  });

  it('bad input says what is wrong, shows the usage and an example, and changes nothing', async () => {
    const out = await typeIntoShell(app, ['nudge snooze', 'nudge snooze 0', 'nudge snooze soon', 'nudge daily 25:00', 'nudge later', 'nudge now please'], 'alice');
    const usage = 'Usage: /attune nudge [now | snooze <days> | off | on | daily <HH:MM>|off | status | resources [text]]';
    expect(out).toContain(`How many days? Use a whole number from 1 to 90.\n${usage}\nExample: nudge snooze 3`);
    expect(out).toContain(`"0" is not a number of days. Use a whole number from 1 to 90.\n${usage}`);
    expect(out).toContain(`"soon" is not a number of days. Use a whole number from 1 to 90.\n${usage}`);
    expect(out).toContain(`"25:00" is not a time of day. Use HH:MM on a 24-hour clock, for example 08:30, or "off".\n${usage}\nExample: nudge daily 08:30`);
    expect(out).toContain(`action: "later" is not something nudge can do; use one of now, snooze, off, on, daily, status, resources\n${usage}`);
    expect(out).toContain(`"nudge now" takes nothing after it.\n${usage}`);
    expect((await app.store.nudges.get('shell:alice'))).toEqual({ off: false, served: [], votes: {} });
  });

  it('history lists recent nudges and the techniques found helpful', async () => {
    const out = await typeIntoShell(app, ['reflect A calm day.', 'nudge now', '1', 'nudge now', 'history'], 'alice');
    const technique = app.content.copy(`nudge.technique.${techniqueOf((await app.store.nudges.get('shell:alice')).served[0]!.nudgeId)}`);
    expect(out).toContain(`Nudges in the last month: 2 (2 you asked for). You found these helpful: ${technique}.`);
  });

  it('a vote for an exercise that does not exist records nothing', async () => {
    const { act } = await import('../helpers/test-app.js');
    expect((await act(app, 'alice', 'nudge', 'helpful', { value: 'yes:zz-99' })).text).toContain("I don't know that exercise any more");
    expect((await app.store.nudges.get('shell:alice')).votes).toEqual({});
  });
});
