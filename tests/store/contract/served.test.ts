import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines, type EngineHandle } from './engines.js';

const ANN = 'shell:ann';
const served = (localDate: string, promptId: string, hour = 9) => ({ localDate, promptId, component: 'empathy' as const, at: `${localDate}T0${hour}:30:00.000Z` });

describe.each(engines)('store contract ($name): served prompts', (engine) => {
  let h: EngineHandle;
  beforeEach(async () => {
    h = await engine.create();
  });
  afterEach(async () => {
    await h.destroy();
  });

  it('reads a served prompt back, also after a reopen, from the month and for rotation', async () => {
    await h.store.history.recordServed(ANN, served('2026-03-01', 'p1'));
    await h.store.history.recordServed(ANN, served('2026-03-02', 'p2'));
    const store = await h.reopen();
    expect((await store.history.served(ANN, { from: '2026-03-01', to: '2026-03-31' })).map((s) => s.promptId)).toEqual(['p1', 'p2']);
    expect(await store.history.latestServed(ANN, '2026-03-02')).toEqual([served('2026-03-02', 'p2')]);
    expect(await store.history.months(ANN)).toEqual(['2026-03']);
  });

  it('keeps one prompt per day: a second one the same day replaces the first, in the month and for rotation, also after a reopen', async () => {
    await h.store.history.recordServed(ANN, served('2026-02-20', 'p1'));
    await h.store.history.recordServed(ANN, served('2026-03-02', 'p1'));
    await h.store.history.recordServed(ANN, served('2026-03-02', 'p2', 8));
    const check = async () => {
      expect(await h.store.history.served(ANN, { from: '2026-03-02', to: '2026-03-02' })).toEqual([served('2026-03-02', 'p2', 8)]);
      // p1's latest serve is the one before again.
      expect((await h.store.history.latestServed(ANN, '2026-01-01')).map((s) => `${s.promptId}@${s.localDate}`)).toEqual(['p1@2026-02-20', 'p2@2026-03-02']);
    };
    await check();
    await h.reopen();
    await check();
  });

  it('records many days in a row (more than a log holds before it is written whole) and reads them all back after a reopen', async () => {
    const days = Array.from({ length: 75 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    for (const [i, d] of days.entries()) await h.store.history.recordServed(ANN, served(d, `p${i % 9}`));
    const before = await h.store.history.latestServed(ANN, '2025-12-01');
    expect(before.map((s) => s.promptId)).toEqual(['p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p0', 'p1', 'p2']);
    const store = await h.reopen();
    expect(await store.history.latestServed(ANN, '2025-12-01')).toEqual(before);
    expect(await store.history.served(ANN, { from: '2026-01-01', to: '2026-12-31' })).toHaveLength(75);
  });

  it('refuses a served prompt that does not match its shape, and stores nothing', async () => {
    await expect(h.store.history.recordServed(ANN, { ...served('2026-03-02', 'p1'), localDate: 'tomorrow' })).rejects.toThrow();
    expect(await h.store.history.served(ANN, { from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
  });
});
