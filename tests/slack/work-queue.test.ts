import { expect, it } from 'vitest';
import { WorkQueue } from '../../src/adapters/slack/work-queue.js';

it('runs at most `concurrency` tasks at once, in arrival order, and reports failures without stopping', async () => {
  const errors: unknown[] = [];
  const queue = new WorkQueue(2, (err) => errors.push(err));
  const started: number[] = [];
  const release: Array<() => void> = [];
  const task = (n: number) => () =>
    new Promise<void>((resolve, reject) => {
      started.push(n);
      release[n] = n === 1 ? () => reject(new Error('boom')) : resolve;
    });
  const done = [0, 1, 2, 3].map((n) => queue.run(task(n)));
  expect(started).toEqual([0, 1]);
  expect(queue.pending).toBe(4);
  release[1]!();
  await done[1];
  expect(started).toEqual([0, 1, 2]);
  release[0]!();
  await done[0];
  expect(started).toEqual([0, 1, 2, 3]);
  release[2]!();
  release[3]!();
  await Promise.all(done);
  expect(queue.pending).toBe(0);
  expect(errors.map((e) => (e as Error).message)).toEqual(['boom']);
});
