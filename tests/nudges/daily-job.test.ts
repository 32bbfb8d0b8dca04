import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobs } from '../../src/scheduler/jobs/index.js';
import { dailyNudgeJob } from '../../src/scheduler/jobs/daily-nudge.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { checkInWithHook, nudgeIdIn } from './helpers.js';

let app: TestApp;
beforeEach(async () => {
  // Monday 2026-03-02, 05:00 UTC.
  app = await makeTestApp({ now: '2026-03-02T05:00:00Z' });
});
afterEach(async () => {
  await app.cleanup();
});

const window = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const due = async (from: string, to: string) =>
  (await dailyNudgeJob.occurrences(app, window(from, to))).map((o) => `${o.personId} ${o.key} ${o.localDate} ${o.dueAt.toISOString()}`);

describe('the opt-in daily nudge job', () => {
  it('is registered with the scheduler', () => {
    expect(jobs).toContain(dailyNudgeJob);
  });

  it('is due at the chosen time in the person\'s own zone, only for people who opted in', async () => {
    await run(app, 'alice', 'settings tz Europe/Berlin');
    await run(app, 'alice', 'nudge daily 08:30');
    await run(app, 'bob', 'nudge now');
    expect(await due('2026-03-02T07:00:00Z', '2026-03-02T07:30:00Z')).toEqual(['shell:alice nudge-daily 2026-03-02 2026-03-02T07:30:00.000Z']);
    expect(await due('2026-03-02T07:30:00Z', '2026-03-02T08:00:00Z')).toEqual([]);
  });

  it('finds every due day in a long window, on working days only', async () => {
    await run(app, 'alice', 'nudge daily 09:00');
    expect(await due('2026-03-05T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
      'shell:alice nudge-daily 2026-03-05 2026-03-05T09:00:00.000Z',
      'shell:alice nudge-daily 2026-03-06 2026-03-06T09:00:00.000Z',
      'shell:alice nudge-daily 2026-03-09 2026-03-09T09:00:00.000Z',
    ]);
  });

  it('is not due while nudges are off, nor on snoozed days', async () => {
    await run(app, 'alice', 'nudge daily 09:00');
    await run(app, 'alice', 'nudge snooze 2');
    expect(await due('2026-03-02T00:00:00Z', '2026-03-05T00:00:00Z')).toEqual(['shell:alice nudge-daily 2026-03-04 2026-03-04T09:00:00.000Z']);
    await run(app, 'alice', 'nudge off');
    expect(await due('2026-03-02T00:00:00Z', '2026-03-05T00:00:00Z')).toEqual([]);
  });

  it('stops when the person turns the daily nudge off', async () => {
    await run(app, 'alice', 'nudge daily 09:00');
    await run(app, 'alice', 'nudge daily off');
    expect(await due('2026-03-02T00:00:00Z', '2026-03-05T00:00:00Z')).toEqual([]);
  });

  it('sends a nudge that fits the latest check-in, with helpful buttons, and counts it', async () => {
    await run(app, 'alice', 'nudge daily 09:00');
    await checkInWithHook(app, 'alice', '2026-03-01', { mood: 3, energy: 1, stress: 2 });
    const [occ] = await dailyNudgeJob.occurrences(app, window('2026-03-02T08:59:00Z', '2026-03-02T09:00:00Z'));
    app.clock.set('2026-03-02T09:00:00Z');
    const reply = (await dailyNudgeJob.what(app, occ!))!;
    expect(reply.text).toMatch(/^Your daily nudge: a few minutes just for you\.\n/);
    const id = nudgeIdIn(reply.blocks);
    expect(app.content.nudges.find((n) => n.id === id)?.technique).toBe('micro-break');
    expect((await app.store.nudges.get('shell:alice')).served.at(-1)).toEqual({ nudgeId: id, localDate: '2026-03-02', at: '2026-03-02T09:00:00.000Z', source: 'daily' });
  });

  it('sends nothing when a nudge already came after a check-in that day', async () => {
    await run(app, 'alice', 'nudge daily 17:00');
    expect(nudgeIdIn(await checkInWithHook(app, 'alice', '2026-03-02', { mood: 3, energy: 3, stress: 5 }))).toBeDefined();
    const [occ] = await dailyNudgeJob.occurrences(app, window('2026-03-02T16:59:00Z', '2026-03-02T17:00:00Z'));
    expect(await dailyNudgeJob.what(app, occ!)).toBeUndefined();
  });

  it('sends nothing if the person snoozed after the occurrence was found', async () => {
    await run(app, 'alice', 'nudge daily 09:00');
    const [occ] = await dailyNudgeJob.occurrences(app, window('2026-03-02T08:59:00Z', '2026-03-02T09:00:00Z'));
    await run(app, 'alice', 'nudge snooze 1');
    expect(await dailyNudgeJob.what(app, occ!)).toBeUndefined();
    expect((await app.store.nudges.get('shell:alice')).served).toEqual([]);
  });
});
