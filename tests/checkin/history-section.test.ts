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
    expect(out).toContain('Streak: 3 day(s)');
    expect(out).toContain(
      [
        'Check-ins',
        '---------',
        'Mood, last 30 days (2026-02-01 to 2026-03-02, · = no check-in):',
        `·▃${'·'.repeat(24)}▅·▁█`,
        '4 check-in(s) in the last 30 days; average mood 2.8.',
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
    expect(out).toContain(`Streak: 1 day(s)`);
    expect(out).toContain(`${'·'.repeat(29)}▆\n1 check-in(s) in the last 30 days; average mood 4.0.`);
  });
});
