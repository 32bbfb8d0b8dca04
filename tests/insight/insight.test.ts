import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckIn } from '../../src/core/model/history.js';
import { addDays, weekdayOf } from '../../src/core/time.js';
import { breathingEffect, MIN_PER_GROUP, stressiestWeekday } from '../../src/features/insight/patterns.js';
import { firstWorkingDayOfMonth, monthlyInsightJob } from '../../src/scheduler/jobs/monthly-insight.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { addPerson, TimedOutbox } from '../scheduler/helpers.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-03-02T09:00:00Z' });
});
afterEach(async () => {
  await app.cleanup();
});

const make = (date: string, stress: number, mood = 3): CheckIn => ({ id: randomUUID(), personId: 'shell:ana', at: `${date}T16:00:00.000Z`, localDate: date, mood, energy: 3, stress, shareNote: false, teams: [], custom: {} });

/** Working days of February 2026 (Mon 2nd to Fri 27th): Mondays at stress `monday`, other days at `other`. */
function february(monday: number, other: number): CheckIn[] {
  const out: CheckIn[] = [];
  for (let d = '2026-02-02'; d <= '2026-02-27'; d = addDays(d, 1)) {
    const wd = weekdayOf(d);
    if (wd === 'sat' || wd === 'sun') continue;
    out.push(make(d, wd === 'mon' ? monday : other));
  }
  return out;
}

describe('patterns, claimed only when the data support them', () => {
  it('names the weekday with the highest stress when it stands 0.5 above the rest with enough check-ins', () => {
    expect(stressiestWeekday(february(5, 2))).toEqual({ day: 'mon', stress: 5, others: 2 });
    expect(stressiestWeekday(february(3, 3))).toBeUndefined();
    expect(stressiestWeekday(february(3, 2.7 as number))).toBeUndefined();
  });

  it(`needs at least ${MIN_PER_GROUP} check-ins on that weekday`, () => {
    const two = [make('2026-02-02', 5), make('2026-02-09', 5), make('2026-02-03', 1), make('2026-02-04', 1), make('2026-02-05', 1)];
    expect(stressiestWeekday(two)).toBeUndefined();
  });

  it('compares the next check-in\'s stress after days with a breathing exercise and after other days', () => {
    // Stress 4 on breathing days, 2 the day after; on other days it stays flat.
    const days = ['2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06', '2026-02-09', '2026-02-10', '2026-02-11', '2026-02-12', '2026-02-13'];
    const stress = [4, 2, 4, 2, 4, 2, 2, 2, 2, 2];
    const checkIns = days.map((d, i) => make(d, stress[i]!));
    const breathing = new Set(['2026-02-02', '2026-02-04', '2026-02-06']);
    expect(breathingEffect(checkIns, breathing)).toEqual({ after: -2, otherwise: 0.7, pairs: 3 });
    expect(breathingEffect(checkIns, new Set(['2026-02-02', '2026-02-04']))).toBeUndefined();
  });
});

describe('the monthly insight job', () => {
  it('is due on the first working day of the month only', () => {
    const week = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
    expect(firstWorkingDayOfMonth('2026-03-02', week)).toBe(true);
    expect(firstWorkingDayOfMonth('2026-03-03', week)).toBe(false);
    expect(firstWorkingDayOfMonth('2026-03-01', week)).toBe(false);
    expect(firstWorkingDayOfMonth('2026-03-01', ['sun'])).toBe(true);
  });

  it('sends each member with enough check-ins one private note at their prompt time, through the ledger, once', async () => {
    await addPerson(app, 'ana');
    await addPerson(app, 'ben');
    await addPerson(app, 'cy', { insightOff: true });
    for (const c of february(5, 2)) {
      await app.store.history.addCheckIn(c);
      await app.store.history.addCheckIn({ ...c, id: randomUUID(), personId: 'shell:cy' });
    }
    for (const c of february(5, 2).slice(0, 6)) await app.store.history.addCheckIn({ ...c, id: randomUUID(), personId: 'shell:ben' });
    const outbox = new TimedOutbox(app.clock);
    const scheduler = new Scheduler(app, { outbox, jobs: [monthlyInsightJob] });
    for (const at of ['2026-03-02T09:29:00Z', '2026-03-02T09:30:00Z', '2026-03-02T09:31:00Z', '2026-03-03T09:30:00Z']) {
      app.clock.set(at);
      await scheduler.tick(new Date(at));
    }
    expect(outbox.sent.map((s) => `${s.to} @ ${s.at}`)).toEqual(['shell:ana @ 2026-03-02T09:30:00.000Z']);
    const note = outbox.sent[0]!.text;
    expect(note).toContain('Your month in check-ins');
    expect(note).toContain('Over the last 60 days you checked in 20 times. On average: mood 3.0, energy 3.0, stress 2.6.');
    expect(note).toContain('Stress was highest on Mondays: 5.0 on average, against 2.0 on your other days.');
    expect(note).not.toContain('breathing');
    expect(note).toContain('Only you get this note');
    expect((await app.store.ledger.get('shell:ana', 'monthly-insight', '2026-03-02'))?.status).toBe('sent');
  });

  it('given breathing exercises on three hard days, says how stress moved at the next check-in', async () => {
    await addPerson(app, 'ana');
    const breathingDays = ['2026-02-10', '2026-02-12', '2026-02-17'];
    for (const c of february(2, 2)) await app.store.history.addCheckIn(breathingDays.includes(c.localDate) ? { ...c, stress: 4 } : c);
    const breathing = app.content.nudges.filter((n) => n.technique === 'breathing');
    await app.store.nudges.update('shell:ana', () => ({
      off: false,
      votes: {},
      served: breathingDays.map((d, i) => ({ nudgeId: breathing[i]!.id, localDate: d, at: `${d}T16:05:00.000Z`, source: 'checkin' as const })),
    }));
    const note = await monthlyInsightJob.what(app, { personId: 'shell:ana', key: 'monthly-insight', localDate: '2026-03-02', dueAt: new Date('2026-03-02T09:30:00Z') });
    expect(note!.text).toContain('After days with a breathing exercise, your stress at the next check-in fell by about 2.0 on average; after other days, it rose by about 0.4 on average (3 times with an exercise). It may be worth keeping.');
  });

  it('speaks of breathing exercises only with enough days on each side, and says plainly when no pattern stands out', async () => {
    await addPerson(app, 'ana');
    for (const c of february(3, 3)) await app.store.history.addCheckIn(c);
    const person = (await app.store.people.get('shell:ana'))!;
    const note = await monthlyInsightJob.what(app, { personId: person.id, key: 'monthly-insight', localDate: '2026-03-02', dueAt: new Date('2026-03-02T09:30:00Z') });
    expect(note!.text).toContain('No clear pattern stands out yet');
    expect(note!.text).not.toContain('highest');
  });
});

describe('insight through the shell', () => {
  it('"insight" shows the note now; "insight off" stops the monthly one; "insight on" brings it back', async () => {
    await addPerson(app, 'ana');
    for (const c of february(5, 2)) await app.store.history.addCheckIn(c);
    const out = await typeIntoShell(app, ['insight', 'insight off'], 'ana');
    expect(out).toContain('Stress was highest on Mondays');
    expect(out).toContain('Monthly insight notes are off. Turn them back on with /attune insight on.');
    expect((await app.store.people.get('shell:ana'))!.insightOff).toBe(true);
    expect(await monthlyInsightJob.occurrences(app, { from: new Date('2026-03-02T09:00:00Z'), to: new Date('2026-03-02T10:00:00Z') })).toEqual([]);
    await run(app, 'ana', 'insight on');
    expect((await app.store.people.get('shell:ana'))!.insightOff).toBeUndefined();
  });

  it('with too few check-ins, says how many it needs', async () => {
    const reply = await run(app, 'ana', 'insight');
    expect(reply.text).toBe('There are 0 check-ins from you in the last 60 days; a note needs at least 10. Keep checking in and ask again later.');
  });

  it('a wrong word says what to type', async () => {
    expect((await run(app, 'ana', 'insight maybe')).text).toBe('choice: use now, off or on\nUsage: /attune insight [now | off | on]\nExample: insight');
  });
});
