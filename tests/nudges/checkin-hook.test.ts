import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterCheckInHooks } from '../../src/features/checkin-hooks.js';
import { nudgeAfterCheckIn } from '../../src/features/nudges/after-checkin.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { blocksText, checkInWithHook, nudgeIdIn } from './helpers.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

const technique = (id: string | undefined) => app.content.nudges.find((n) => n.id === id)?.technique;

describe('a nudge right after a hard check-in', () => {
  it('is registered as a check-in hook', () => {
    expect(afterCheckInHooks).toContain(nudgeAfterCheckIn);
  });

  it('given stress 4, offers a breathing or grounding nudge with "Was this helpful?" buttons and counts it', async () => {
    const blocks = await checkInWithHook(app, 'alice', '2026-03-02', { mood: 3, energy: 3, stress: 4 });
    const id = nudgeIdIn(blocks);
    expect(['breathing', 'grounding']).toContain(technique(id));
    expect(blocksText(blocks)).toContain('That sounds like a lot. If it helps, here is a short exercise you can do right now.');
    expect(blocksText(blocks)).toContain(`Yes, it helped (yes:${id})`);
    expect((await app.store.nudges.get('shell:alice')).served).toEqual([{ nudgeId: id, localDate: '2026-03-02', at: '2026-03-02T10:00:00.000Z', source: 'checkin' }]);
  });

  it('given mood 2, offers self-compassion or gratitude', async () => {
    const blocks = await checkInWithHook(app, 'alice', '2026-03-02', { mood: 2, energy: 3, stress: 2 });
    expect(['self-compassion', 'gratitude']).toContain(technique(nudgeIdIn(blocks)));
  });

  it('given a steady check-in (mood 3, stress 3), adds nothing', async () => {
    expect(await checkInWithHook(app, 'alice', '2026-03-02', { mood: 3, energy: 2, stress: 3 })).toEqual([]);
    expect((await app.store.nudges.get('shell:alice')).served).toEqual([]);
  });

  it('offers at most one a day: a second hard check-in the same day adds nothing', async () => {
    await checkInWithHook(app, 'alice', '2026-03-02', { mood: 2, energy: 3, stress: 5 });
    expect(await checkInWithHook(app, 'alice', '2026-03-02', { mood: 1, energy: 1, stress: 5 })).toEqual([]);
  });

  it('offers at most three in seven days', async () => {
    for (const date of ['2026-03-02', '2026-03-03', '2026-03-04']) expect(nudgeIdIn(await checkInWithHook(app, 'alice', date, { mood: 3, energy: 3, stress: 5 }))).toBeDefined();
    expect(await checkInWithHook(app, 'alice', '2026-03-05', { mood: 3, energy: 3, stress: 5 })).toEqual([]);
    expect(await checkInWithHook(app, 'alice', '2026-03-08', { mood: 3, energy: 3, stress: 5 })).toEqual([]);
    expect(nudgeIdIn(await checkInWithHook(app, 'alice', '2026-03-09', { mood: 3, energy: 3, stress: 5 }))).toBeDefined();
  });

  it('a nudge the person asked for does not use up the day', async () => {
    await run(app, 'alice', 'nudge now');
    expect(nudgeIdIn(await checkInWithHook(app, 'alice', '2026-03-02', { mood: 3, energy: 3, stress: 5 }))).toBeDefined();
  });

  it('adds nothing while nudges are off or snoozed', async () => {
    await run(app, 'alice', 'nudge off');
    expect(await checkInWithHook(app, 'alice', '2026-03-02', { mood: 1, energy: 1, stress: 5 })).toEqual([]);
    await run(app, 'bob', 'nudge snooze 2');
    expect(await checkInWithHook(app, 'bob', '2026-03-02', { mood: 1, energy: 1, stress: 5 })).toEqual([]);
    expect(await checkInWithHook(app, 'bob', '2026-03-03', { mood: 1, energy: 1, stress: 5 })).toEqual([]);
    expect(nudgeIdIn(await checkInWithHook(app, 'bob', '2026-03-04', { mood: 1, energy: 1, stress: 5 }))).toBeDefined();
  });
});
