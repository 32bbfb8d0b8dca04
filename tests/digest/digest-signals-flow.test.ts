import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { checkIn, LATEST, names, PREVIOUS, team } from './fixtures.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  await team(app, 'care', { members: names('m', 30), leads: ['maya'], threshold: 5, name: 'Care' });
});
afterEach(async () => {
  await app.cleanup();
});

const signalLines = (text: string) => {
  const lines = text.split('\n');
  return lines.slice(lines.indexOf('Signals') + 1);
};

describe('digest signals end to end', () => {
  it('when 30% or more of respondents had three hard check-ins in a row (mood 2 or lower), the hard-days signal comes with a tagged coaching tip', async () => {
    // 30 people answer four days; 15 of them have moods 2, 1, 2 on three days in a row, the others never dip.
    for (const [i, m] of names('m', 30).entries()) {
      const moods = i < 15 ? [2, 1, 2, 4] : [4, 3, 4, 2];
      for (const [d, mood] of moods.entries()) await checkIn(app, m, LATEST[d]!, { mood, stress: 2 }, { teams: ['care'] });
    }
    const reply = await run(app, 'maya', 'digest');
    const lines = signalLines(reply.text);
    expect(lines[0]).toMatch(/^About \d+ of \d+ people \(\d+%\) had three or more hard check-ins in a row \(mood 2 or lower\) this week; 30% or more raises this signal\.$/);
    expect(lines[1]).toMatch(/^Try this \((Empathy|Self-regulation|Social skills|Motivation)\): /);
    expect(lines).toHaveLength(2);
  });

  it('a hard day here and there (never three in a row) raises no hard-days signal', async () => {
    for (const m of names('m', 30)) for (const [d, mood] of [2, 4, 2, 4, 2].entries()) await checkIn(app, m, LATEST[d]!, { mood, stress: 2 }, { teams: ['care'] });
    expect((await run(app, 'maya', 'digest')).text).not.toContain('hard check-ins in a row');
  });

  it('shows a mood drop with its reason and a coaching tip from prompts/coaching.json', async () => {
    for (const m of names('m', 30)) {
      await checkIn(app, m, PREVIOUS[0]!, { mood: 4, stress: 2 }, { teams: ['care'] });
      await checkIn(app, m, LATEST[0]!, { mood: 3, stress: 2 }, { teams: ['care'] });
    }
    const reply = await run(app, 'maya', 'digest');
    const lines = signalLines(reply.text);
    // 30 people: the noise moves each mean by about a tenth, the drop of 1.0 stays clear.
    expect(lines[0]).toMatch(/^Mood fell by (0\.[89]|1\.[0-2]) \(from (3\.9|4\.0|4\.1) to (2\.9|3\.0|3\.1)\); a fall of 0\.5 or more raises this signal\.$/);
    const tips = app.content.coaching.filter((t) => t.signal === 'mood-drop').map((t) => t.text);
    expect(tips).toContain(lines[1]!.replace(/^Try this \([^)]+\): /, ''));
    expect(reply.text.split('\n').find((l) => l.startsWith('Mood: '))).toMatch(/^Mood: (2\.9|3\.0|3\.1) \(down /);
  });
});
