import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShell } from '../../src/adapters/shell/start-shell.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-03-09T08:00:00Z' });
});
afterEach(async () => {
  await app.cleanup();
});

const reflections = async (who: string) => (await app.store.history.reflections(`shell:${who}`, { from: '2026-03-01', to: '2026-03-31' })).map((r) => r.answer);
const checkins = async (who: string) => (await app.store.history.checkIns(`shell:${who}`, { from: '2026-03-01', to: '2026-03-31' })).map((c) => [c.mood, c.energy, c.stress]);

describe('an open form never swallows a command', () => {
  it('given the reflection form is open, "history" runs as the history command and is not saved as a reflection', async () => {
    const out = await typeIntoShell(app, ['\\time 2026-03-09T09:00', 'checkin 3 3 3', '\\advance 1h', 'history'], 'bob');
    expect(out).toContain("-- message for bob --\nToday's reflection");
    expect(out).toContain('That line is a command, so it runs as one.');
    expect(out).toContain('Your history');
    expect(await reflections('bob')).toEqual([]);
  });

  it('given a form left open for a day, "checkin 1 1 5 awful" records a check-in, not a reflection', async () => {
    const out = await typeIntoShell(app, ['reflect', '\\advance 1d', 'checkin 1 1 5 awful'], 'bob');
    expect(await reflections('bob')).toEqual([]);
    expect(await checkins('bob')).toEqual([[1, 1, 5]]);
    expect(out).toContain('Checked in: mood 1');
  });

  it('a form left open past an hour closes, and the next line is not taken as its answer', async () => {
    // A Saturday: nothing scheduled arrives to replace the form.
    const out = await typeIntoShell(app, ['\\time 2026-03-07T08:00', 'reflect', '\\advance 2h', 'tired'], 'bob');
    expect(out).toContain('The clock is now Sat 2026-03-07 10:00 UTC.\n(The "Today\'s reflection" form waited over 60 minutes and has closed; nothing from it was saved.');
    expect(await reflections('bob')).toEqual([]);
  });

  it('a line that only starts like a command ("history repeats itself") is still the answer', async () => {
    await typeIntoShell(app, ['reflect', 'history repeats itself'], 'bob');
    expect(await reflections('bob')).toEqual(['history repeats itself']);
  });

  it('\\quit inside a form leaves the shell instead of asking the question again', async () => {
    const out = await typeIntoShell(app, ['reflect', '\\quit', 'this line is never read'], 'bob');
    expect(out.trimEnd().endsWith('Bye.')).toBe(true);
    expect(await reflections('bob')).toEqual([]);
  });

  it('on a terminal the prompt shows that a form is open and which question it is on', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const shell = createShell(app, { input, output, tty: true, user: 'bob' });
    const running = shell.start();
    input.write('reflect\n');
    input.end();
    await running;
    expect(text).toContain("bob [Today's reflection 1/1, \\cancel to stop]> ");
  });
});
