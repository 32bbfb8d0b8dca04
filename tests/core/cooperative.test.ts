import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SLICE_MS, yieldIfBusy } from '../../src/core/cooperative.js';
import type { Store } from '../../src/core/store/index.js';
import { cooperativeStore } from '../../src/core/store/cooperative-store.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';

/** Holds the thread for longer than a slice, as a burst of requests' synchronous steps would. */
function busy(ms = SLICE_MS * 3): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** Records when an event-loop callback queued now gets to run, relative to `step`. */
function watchTurn(order: string[]): void {
  setImmediate(() => order.push('event loop'));
}

let dir: string;
let raw: Store;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-cooperative-'));
  raw = await openLowdbStore({ dataDir: dir, now: new Date('2026-03-02T10:00:00Z') });
});
afterEach(async () => {
  await raw.close();
  await rm(dir, { recursive: true, force: true });
});

it('after a busy stretch, yieldIfBusy lets queued event-loop work run before going on', async () => {
  await yieldIfBusy();
  const order: string[] = [];
  watchTurn(order);
  busy();
  await yieldIfBusy();
  order.push('step');
  expect(order).toEqual(['event loop', 'step']);
});

it('in a busy burst of requests, event-loop work runs before their store calls answer, not after all of them', async () => {
  const store = cooperativeStore(raw);
  await yieldIfBusy();
  const order: string[] = [];
  const request = async (n: number) => {
    busy();
    await store.people.get(`shell:p${n}`);
    order.push(`request ${n}`);
  };
  watchTurn(order);
  await Promise.all([request(1), request(2), request(3)]);
  expect(order.indexOf('event loop')).toBeGreaterThanOrEqual(0);
  expect(order.indexOf('event loop')).toBeLessThan(order.indexOf('request 3'));
});

it('repositories inside a transaction take turns too, and the store keeps what is not a repository', async () => {
  const store = cooperativeStore(raw);
  expect(store.engine).toBe('lowdb');
  await yieldIfBusy();
  const order: string[] = [];
  await store.transaction(async (tx) => {
    watchTurn(order);
    busy();
    await tx.teams.list('shell');
    order.push('step');
  });
  expect(order).toEqual(['event loop', 'step']);
});
