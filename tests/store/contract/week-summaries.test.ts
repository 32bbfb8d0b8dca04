import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines, type EngineHandle } from './engines.js';
import { checkIn, person } from './records.js';

const day = (localDate: string, hour = 16) => ({ localDate, at: `${localDate}T${String(hour).padStart(2, '0')}:00:00.000Z` });

describe.each(engines)('store contract ($name): weekly check-in summaries', (engine) => {
  let h: EngineHandle;
  beforeEach(async () => {
    h = await engine.create();
  });
  afterEach(async () => {
    await h.destroy();
  });

  it('sums the latest check-in of each day per team and week, and says when words are involved', async () => {
    const add = (id: string, extra: Parameters<typeof checkIn>[2]) => h.store.history.addCheckIn(checkIn('ann', id, extra));
    await add('c1', { ...day('2026-03-02'), mood: 4, energy: 2, stress: 1, teams: ['shell/a', 'shell/b'] });
    // Two answers the same day: only the later one counts.
    await add('c2', { ...day('2026-03-03', 9), mood: 1, energy: 1, stress: 1, teams: ['shell/a'] });
    await add('c3', { ...day('2026-03-03', 18), mood: 5, energy: 4, stress: 2, teams: ['shell/a'] });
    await add('c4', { ...day('2026-03-10'), mood: 3, energy: 3, stress: 3, teams: ['shell/a'], note: 'mine', shareNote: true });
    await add('c5', { ...day('2026-03-11'), mood: 3, energy: 3, stress: 3, teams: [] });
    const summaries = await h.store.history.weekSummaries('shell:ann', { from: '2026-03-02', to: '2026-03-15' });
    expect(summaries).toEqual([
      { personId: 'shell:ann', teamId: 'shell/a', week: '2026-03-02', days: 2, mood: 9, energy: 6, stress: 3, hardRun: false, firstAt: '2026-03-02T16:00:00.000Z', words: false },
      { personId: 'shell:ann', teamId: 'shell/b', week: '2026-03-02', days: 1, mood: 4, energy: 2, stress: 1, hardRun: false, firstAt: '2026-03-02T16:00:00.000Z', words: false },
      { personId: 'shell:ann', teamId: 'shell/a', week: '2026-03-09', days: 1, mood: 3, energy: 3, stress: 3, hardRun: false, firstAt: '2026-03-10T16:00:00.000Z', words: true },
    ]);
    expect(await h.store.history.weekSummaries('shell:ann', { from: '2026-03-09', to: '2026-03-15' })).toHaveLength(1);
  });

  it('finds a hard run that crosses a month edge, and none when a better day breaks it', async () => {
    for (const [i, date] of ['2026-03-30', '2026-03-31', '2026-04-01'].entries()) await h.store.history.addCheckIn(checkIn('ann', `a${i}`, { ...day(date), mood: 2, teams: ['shell/a'] }));
    for (const [i, [date, mood]] of ([['2026-03-30', 1], ['2026-03-31', 4], ['2026-04-01', 1], ['2026-04-02', 2]] as const).entries())
      await h.store.history.addCheckIn(checkIn('bob', `b${i}`, { ...day(date), mood, teams: ['shell/a'] }));
    const [ann] = await h.store.history.weekSummaries('shell:ann', { from: '2026-03-30', to: '2026-04-05' });
    const [bob] = await h.store.history.weekSummaries('shell:bob', { from: '2026-03-30', to: '2026-04-05' });
    expect(ann).toMatchObject({ week: '2026-03-30', days: 3, mood: 6, hardRun: true });
    expect(bob).toMatchObject({ week: '2026-03-30', days: 4, mood: 8, hardRun: false });
  });

  it('follows a replaced check-in, and a custom answer counts as words', async () => {
    await h.store.history.addCheckIn(checkIn('ann', 'c1', { ...day('2026-03-04'), mood: 1, teams: ['shell/a'] }));
    await h.store.history.replaceCheckIn(checkIn('ann', 'c2', { ...day('2026-03-04', 17), mood: 5, teams: ['shell/a'], custom: { q1: 4 } }));
    expect(await h.store.history.weekSummaries('shell:ann', { from: '2026-03-02', to: '2026-03-08' })).toEqual([
      { personId: 'shell:ann', teamId: 'shell/a', week: '2026-03-02', days: 1, mood: 5, energy: 3, stress: 3, hardRun: false, firstAt: '2026-03-04T17:00:00.000Z', words: true },
    ]);
  });

  it('keeps them across a restart and erases them with the person', async () => {
    await h.store.people.create(person('ann'));
    await h.store.history.addCheckIn(checkIn('ann', 'c1', { ...day('2026-03-02'), teams: ['shell/a'] }));
    const store = await h.reopen();
    expect(await store.history.weekSummaries('shell:ann', { from: '2026-03-02', to: '2026-03-08' })).toHaveLength(1);
    await store.privacy.erasePerson('shell:ann');
    expect(await store.history.weekSummaries('shell:ann', { from: '2026-03-02', to: '2026-03-08' })).toEqual([]);
  });
});
