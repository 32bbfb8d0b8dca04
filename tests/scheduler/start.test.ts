import cron from 'node-cron';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Job } from '../../src/scheduler/job.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-03-02T09:00:00Z' });
});
afterEach(async () => {
  await app.cleanup();
});

/** A job whose listing waits until released, standing for a long catch-up after downtime. */
function slowJob(): { job: Job; listed: Promise<void>; release: () => void; calls: () => number } {
  let calls = 0;
  let release!: () => void;
  let listedNow!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const listed = new Promise<void>((r) => (listedNow = r));
  const job: Job = {
    name: 'slow',
    async occurrences() {
      calls++;
      listedNow();
      await gate;
      return [];
    },
    what: async () => undefined,
  };
  return { job, listed, release, calls: () => calls };
}

/**
 * The scheduler's minute timers alive now: node-cron's tasks named for it and not destroyed. (Counting every
 * active Timeout of the process was flaky: a timer of the test runner or the store could end in between.)
 */
const timers = () => [...cron.getTasks().values()].filter((t) => t.name === 'attune-scheduler' && t.getStatus() !== 'destroyed').length;

it('a scheduler stopped during its start-up catch-up leaves no minute timer behind', async () => {
  const slow = slowJob();
  const scheduler = new Scheduler(app, { jobs: [slow.job] });
  const before = timers();
  const started = scheduler.start();
  await slow.listed;
  const stopped = scheduler.stop();
  slow.release();
  await Promise.all([started, stopped]);
  expect(timers()).toBe(before);
  expect(slow.calls()).toBe(1);
});

it('a started scheduler keeps its minute timer until stopped', async () => {
  const slow = slowJob();
  slow.release();
  const scheduler = new Scheduler(app, { jobs: [slow.job] });
  const before = timers();
  await scheduler.start();
  expect(timers()).toBeGreaterThan(before);
  await scheduler.stop();
  expect(timers()).toBe(before);
});

it('a tick asked for during the start-up catch-up runs after it, not beside it', async () => {
  const order: string[] = [];
  const slow = slowJob();
  const scheduler = new Scheduler(app, { jobs: [slow.job] });
  const started = scheduler.start().then(() => order.push('start'));
  await slow.listed;
  const ticked = scheduler.tick(new Date('2026-03-02T09:01:00Z')).then(() => order.push('tick'));
  await Promise.resolve();
  expect(slow.calls()).toBe(1);
  slow.release();
  await Promise.all([started, ticked]);
  expect(order).toEqual(['start', 'tick']);
  expect(slow.calls()).toBe(2);
  await scheduler.stop();
});
