import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { checkIn, LATEST, names, PREVIOUS, team } from './fixtures.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5, name: 'Care' });
});
afterEach(async () => {
  await app.cleanup();
});

const signalLines = (text: string) => {
  const lines = text.split('\n');
  return lines.slice(lines.indexOf('Signals') + 1);
};

describe('digest signals end to end', () => {
  it('three bad days in a row (mean mood <= 2.5 with at least 5 people each) raise the signal with a tagged coaching tip; a day with 4 people is skipped', async () => {
    const day = async (date: string, moods: Record<string, number>) => {
      for (const [m, mood] of Object.entries(moods)) await checkIn(app, m, date, { mood, stress: 2 }, { teams: ['care'] });
    };
    await day(PREVIOUS[0]!, { m1: 2, m2: 2, m3: 2, m4: 2, m5: 2 });
    await day(LATEST[0]!, { m1: 2, m2: 2, m3: 2, m4: 2, m5: 2 }); // bad: 2.0
    await day(LATEST[1]!, { m1: 1, m2: 1, m3: 1, m4: 1 }); // 4 people: skipped, neither counts nor breaks the run
    await day(LATEST[2]!, { m1: 2, m2: 2, m3: 2, m4: 2, m5: 2, m6: 3 }); // bad: 2.17
    await day(LATEST[3]!, { m1: 3, m2: 3, m3: 3, m4: 2, m5: 2, m6: 2 }); // bad: exactly 2.5
    await day(LATEST[4]!, { m1: 4, m2: 4, m3: 4, m4: 4, m5: 4 }); // not bad
    const reply = await run(app, 'maya', 'digest');
    const lines = signalLines(reply.text);
    expect(lines[0]).toBe('3 hard days in a row (2026-02-23, 2026-02-25, 2026-02-26): on each, at least 5 people checked in and their average mood was 2.5 or lower.');
    expect(lines[1]).toMatch(/^Try this \((Empathy|Self-regulation|Social skills|Motivation)\): /);
    // Low both weeks without a fall of 0.5: the steady-low signal comes too, with its own tip.
    expect(lines[2]).toMatch(/^Mood has stayed low: 2\.0 last week, 2\.\d this week; 2\.8 or lower two weeks running raises this signal\.$/);
    expect(app.content.coaching.filter((t) => t.signal === 'mood-low-steady').some((t) => lines[3]!.endsWith(t.text))).toBe(true);
    expect(lines).toHaveLength(4);
  });

  it('an improving week says so, with a tip on what to keep doing for the week ahead', async () => {
    for (const m of names('m', 5)) {
      await checkIn(app, m, PREVIOUS[0]!, { mood: 3, stress: 4 }, { teams: ['care'] });
      await checkIn(app, m, LATEST[0]!, { mood: 3, stress: 3 }, { teams: ['care'] });
    }
    const lines = signalLines((await run(app, 'maya', 'digest')).text);
    expect(lines[0]).toBe('Things got better: mood 3.0 to 3.0, stress 4.0 to 3.0; mood up 0.5 or stress down 0.5 raises this signal. Worth knowing what helped.');
    const tips = app.content.coaching.filter((t) => t.signal === 'improving').map((t) => t.text);
    expect(tips.some((t) => lines[1]!.endsWith(t))).toBe(true);
    expect(lines).toHaveLength(2);
  });

  it('low team energy raises its signal with a contact-centre tip', async () => {
    for (const m of names('m', 5)) await checkIn(app, m, LATEST[0]!, { mood: 3, energy: 2, stress: 3 }, { teams: ['care'] });
    const lines = signalLines((await run(app, 'maya', 'digest')).text);
    expect(lines[0]).toBe('Average energy was 2.0 this week; 2.5 or lower raises this signal.');
    const tips = app.content.coaching.filter((t) => t.signal === 'low-energy').map((t) => t.text);
    expect(tips.some((t) => lines[1]!.endsWith(t))).toBe(true);
  });

  it('shows a mood drop with its reason and a coaching tip from prompts/coaching.json', async () => {
    for (const m of names('m', 5)) {
      await checkIn(app, m, PREVIOUS[0]!, { mood: 4, stress: 2 }, { teams: ['care'] });
      await checkIn(app, m, LATEST[0]!, { mood: 3, stress: 2 }, { teams: ['care'] });
    }
    const reply = await run(app, 'maya', 'digest');
    const lines = signalLines(reply.text);
    expect(lines[0]).toBe('Mood fell by 1.0 (from 4.0 to 3.0); a fall of 0.5 or more raises this signal.');
    const tips = app.content.coaching.filter((t) => t.signal === 'mood-drop').map((t) => t.text);
    expect(tips).toContain(lines[1]!.replace(/^Try this \([^)]+\): /, ''));
    expect(reply.text.split('\n')).toContain('Mood: 3.0 (down 1.0 from 4.0) · people by score 1-5: 0 · 0 · 5 · 0 · 0 · 8 weeks ······▆▅');
  });
});
