import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines, T0, type EngineHandle } from './engines.js';
import { delivery } from './records.js';

const HOUR = 3_600_000;

describe.each(engines)('store contract ($name): claims', (engine) => {
  let h: EngineHandle;
  beforeEach(async () => {
    h = await engine.create();
  });
  afterEach(async () => {
    await h.destroy();
  });

  it('a delivery claimed by 20 callers at once is won by exactly one', async () => {
    const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => h.store.ledger.claim(delivery('ann', { attempts: i }))));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await h.store.ledger.on('2026-03-02')).toHaveLength(1);
    // Still claimed after a restart: a restarted scheduler does not send again.
    expect(await (await h.reopen()).ledger.claim(delivery('ann'))).toBe(false);
  });

  it('the ledger key is (person, job, local date): other jobs and dates are claimed separately', async () => {
    expect(await h.store.ledger.claim(delivery('ann'))).toBe(true);
    expect(await h.store.ledger.claim(delivery('ann', { job: 'checkin-reminder' }))).toBe(true);
    expect(await h.store.ledger.claim(delivery('ann', { localDate: '2026-03-03' }))).toBe(true);
    expect(await h.store.ledger.claim(delivery('bob'))).toBe(true);
    expect((await h.store.ledger.on('2026-03-02')).map((d) => `${d.personId} ${d.job}`).sort()).toEqual([
      'shell:ann checkin-reminder',
      'shell:ann daily-prompt',
      'shell:bob daily-prompt',
    ]);
  });

  it('pruning drops the entries of earlier dates only', async () => {
    await h.store.ledger.claim(delivery('ann', { localDate: '2026-01-10' }));
    await h.store.ledger.claim(delivery('ann', { localDate: '2026-03-02' }));
    expect(await h.store.ledger.prune('2026-02-01')).toBe(1);
    expect(await h.store.ledger.get('shell:ann', 'daily-prompt', '2026-01-10')).toBeUndefined();
    expect(await h.store.ledger.get('shell:ann', 'daily-prompt', '2026-03-02')).toBeDefined();
  });

  it('an event key is claimed once by 20 callers at once, and again only after it expired', async () => {
    const wins = await Promise.all(Array.from({ length: 20 }, () => h.store.events.claim('slack:Ev1', T0)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await h.store.events.claim('slack:Ev1', new Date(T0.getTime() + 23 * HOUR))).toBe(false);
    const reopened = await h.reopen();
    expect(await reopened.events.claim('slack:Ev1', new Date(T0.getTime() + 23 * HOUR))).toBe(false);
    expect(await reopened.events.claim('slack:Ev1', new Date(T0.getTime() + 49 * HOUR))).toBe(true);
  });
});
