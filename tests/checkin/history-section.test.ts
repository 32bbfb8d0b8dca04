import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import type { CheckIn } from '../../src/core/model/history.js';
import { moodSparkline, weekdayAverages } from '../../src/features/checkin/history-section.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

function checkIn(personId: string, localDate: string, mood: number): CheckIn {
  return { id: randomUUID(), personId, at: `${localDate}T12:00:00.000Z`, localDate, mood, energy: 3, stress: 3, shareNote: false, teams: [], custom: {} };
}

describe('moodSparkline', () => {
  it('draws one bar per day over eight heights, mood 1 lowest and 5 highest, and · for a day without a check-in', () => {
    const days = [1, 2, 3, 4, 5].map((mood, i) => checkIn('shell:a', `2026-03-0${i + 1}`, mood));
    expect(moodSparkline(days, '2026-03-06', 6)).toBe('▁▃▅▆█·');
  });
});

describe('weekdayAverages', () => {
  it('averages mood per weekday to one decimal, - for a weekday without check-ins', () => {
    const list = [checkIn('shell:a', '2026-03-02', 5), checkIn('shell:a', '2026-03-09', 2), checkIn('shell:a', '2026-03-07', 4)];
    expect(weekdayAverages(list)).toBe('Mon 3.5 · Tue - · Wed - · Thu - · Fri - · Sat 4.0 · Sun -');
  });
});

describe('history shows check-ins', () => {
  it('shows the 30-day mood sparkline, the count and average, the weekday averages and the streak, from the person\'s own check-ins only', async () => {
    for (const [date, mood] of [['2026-03-02', 5], ['2026-03-01', 1], ['2026-02-27', 3], ['2026-02-02', 2], ['2026-01-31', 4]] as const) {
      await app.store.history.addCheckIn(checkIn('shell:alice', date, mood));
    }
    await app.store.history.addCheckIn(checkIn('shell:bob', '2026-02-28', 1));
    const out = await typeIntoShell(app, ['history'], 'alice');
    expect(out).toContain('Streak: 3 days');
    expect(out).toContain(
      [
        'Check-ins',
        '---------',
        'Mood, last 30 days (2026-02-01 to 2026-03-02, · = no check-in):',
        `·▃${'·'.repeat(24)}▅·▁█`,
        '4 check-ins in the last 30 days; average mood 2.8.',
        'Average mood by weekday (last 90 days): Mon 3.5 · Tue - · Wed - · Thu - · Fri 3.0 · Sat 4.0 · Sun 1.0',
      ].join('\n'),
    );
  });

  it('invites a first check-in when there is none in the last 30 days', async () => {
    await run(app, 'alice', 'reflect a first reflection');
    const reply = await run(app, 'alice', 'history');
    expect(reply.text).toContain('Check-ins\nNo check-ins in the last 30 days. Try /attune checkin: it takes ten seconds.');
  });

  it('a check-in made through the shell shows up in history the same day', async () => {
    const out = await typeIntoShell(app, ['checkin 4 3 2', 'history'], 'alice');
    expect(out).toContain(`Streak: 1 day`);
    expect(out).toContain(`${'·'.repeat(29)}▆\n1 check-in in the last 30 days; average mood 4.0.`);
  });
});

describe('history shows energy and stress trends too', () => {
  it('draws energy and stress sparklines with their averages, and how each moved against the 30 days before', async () => {
    const add = (date: string, mood: number, energy: number, stress: number) =>
      app.store.history.addCheckIn({ ...checkIn('shell:alice', date, mood), energy, stress });
    await add('2026-01-20', 3, 2, 4); // the 30 days before
    await add('2026-01-25', 3, 2, 4);
    await add('2026-02-27', 4, 4, 2); // the last 30 days
    await add('2026-03-02', 3, 3, 3);
    const out = await typeIntoShell(app, ['history'], 'alice');
    expect(out).toContain(`Energy, last 30 days (average 3.5):\n${'·'.repeat(26)}▆··▅`);
    expect(out).toContain(`Stress, last 30 days (average 2.5):\n${'·'.repeat(26)}▃··▅`);
    expect(out).toContain('Against the 30 days before: mood up 0.5, energy up 1.5, stress down 1.5.');
  });

  it('leaves the comparison out when there is nothing before to compare with', async () => {
    await app.store.history.addCheckIn(checkIn('shell:alice', '2026-03-02', 4));
    expect((await run(app, 'alice', 'history')).text).not.toContain('Against the 30 days before');
  });
});

describe('history reflections', () => {
  const reflect = (date: string, answer: string) =>
    app.store.history.addReflection({ id: randomUUID(), personId: 'shell:alice', at: `${date}T09:00:00.000Z`, localDate: date, promptId: app.content.reflections[0]!.id, component: app.content.reflections[0]!.component, answer });

  it('shows more than the last five on request, newest first, and history says how to ask', async () => {
    for (let i = 1; i <= 9; i++) await reflect(`2026-02-0${i}`, `answer ${i}`);
    const summary = await run(app, 'alice', 'history');
    expect(summary.text).toContain('More with /attune history reflections 15.');
    expect(summary.text).not.toContain('answer 4');
    const more = await run(app, 'alice', 'history reflections 8');
    expect(more.text.split('\n')[0]).toBe('Your latest 8 of 9 reflections in the last 365 days, newest first');
    expect(more.text).toContain('answer 2');
    expect(more.text).not.toContain('answer 1\n');
    expect(more.text.indexOf('answer 9')).toBeLessThan(more.text.indexOf('answer 2'));
    expect((await run(app, 'alice', 'history reflections')).text).toContain('answer 1');
  });

  it('refuses a count outside 1-15 and says what to type', async () => {
    const reply = await run(app, 'alice', 'history reflections 50');
    expect(reply.text).toBe('count: use a whole number from 1 to 15\nUsage: /attune history [reflections [count]]\nExample: history');
  });

  it('with none, invites a first reflection', async () => {
    expect((await run(app, 'alice', 'history reflections')).text).toBe('No reflections in the last 365 days. Try /attune reflect: a two-minute reflection on your day.');
  });
});
