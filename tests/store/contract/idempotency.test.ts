import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines, type EngineHandle } from './engines.js';
import { checkIn, person, pool, reflection, round, team, week } from './records.js';

describe.each(engines)('store contract ($name): idempotent creates', (engine) => {
  let h: EngineHandle;
  beforeEach(async () => {
    h = await engine.create();
  });
  afterEach(async () => {
    await h.destroy();
  });

  it('two creates of one person at once: one is created, both get the stored record', async () => {
    const [a, b] = await Promise.all([h.store.people.create(person('ann', { name: 'first' })), h.store.people.create(person('ann', { name: 'second' }))]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.record.name).toBe(b.record.name);
    expect((await h.store.people.get('shell:ann'))!.name).toBe(a.record.name);
  });

  it('a second create of a team keeps the first and says so', async () => {
    await h.store.teams.create(team('care', { leads: ['shell:ann'] }));
    const again = await h.store.teams.create(team('care'));
    expect(again.created).toBe(false);
    expect(again.record.leads).toEqual(['shell:ann']);
  });

  it('a check-in retried with the same key (10 at once) is stored once', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => h.store.history.addCheckIn(checkIn('ann', `c${i}`, { key: 'slack:evt-1' }))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const stored = await h.store.history.checkIns('shell:ann', { from: '2026-03-01', to: '2026-03-31' });
    expect(stored).toHaveLength(1);
    expect(results.every((r) => r.record.id === stored[0]!.id)).toBe(true);
  });

  it('a reflection retried with the same key across midnight is stored once', async () => {
    await h.store.history.addReflection(reflection('ann', 'r1', { key: 'evt-9', localDate: '2026-03-31' }));
    const retry = await h.store.history.addReflection(reflection('ann', 'r2', { key: 'evt-9', localDate: '2026-04-01' }));
    expect(retry.created).toBe(false);
    expect(retry.record.id).toBe('r1');
  });

  it('two rounds made for one pool and slot at once: the first stands, the other gets it', async () => {
    await h.store.pairing.createPool(pool('shell', ['ann', 'bob', 'cat', 'dan']));
    const [a, b] = await Promise.all([
      h.store.pairing.createRound(round('shell', '2026-03-09', [['ann', 'bob'], ['cat', 'dan']])),
      h.store.pairing.createRound(round('shell', '2026-03-09', [['ann', 'cat'], ['bob', 'dan']])),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.record.groups).toEqual(b.record.groups);
    expect(await h.store.pairing.rounds('shell')).toHaveLength(1);
    expect((await h.store.pairing.pool('shell'))!.rounds.map((r) => r.slot)).toEqual(['2026-03-09']);
  });

  it("a pool's round index is the store's: a pool update cannot rewrite it", async () => {
    await h.store.pairing.createPool(pool('shell', ['ann', 'bob']));
    await h.store.pairing.createRound(round('shell', '2026-03-09', [['ann', 'bob']]));
    await h.store.pairing.updatePool('shell', (p) => ({ ...p, cadenceWeeks: 3, rounds: [] }));
    const stored = (await h.store.pairing.pool('shell'))!;
    expect([stored.cadenceWeeks, stored.rounds.map((r) => r.slot)]).toEqual([3, ['2026-03-09']]);
  });

  it('digest weeks: the first freeze of a week wins, also when two freeze at once', async () => {
    await Promise.all([h.store.digest.freeze([{ teamId: 'shell/care', week: week('2026-02-23', 3) }]), h.store.digest.freeze([{ teamId: 'shell/care', week: week('2026-02-23', 4) }])]);
    const first = (await h.store.digest.weeks('shell/care'))['2026-02-23']!.respondents;
    await h.store.digest.freeze([{ teamId: 'shell/care', week: week('2026-02-23', 9) }]);
    expect((await (await h.reopen()).digest.weeks('shell/care'))['2026-02-23']!.respondents).toBe(first);
  });

  it("digest weeks: a team keeps its 12 latest weeks; removing the team removes them", async () => {
    await h.store.teams.create(team('care'));
    const mondays = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10));
    await h.store.digest.freeze(mondays.map((m) => ({ teamId: 'shell/care', week: week(m, 3) })));
    expect(Object.keys(await h.store.digest.weeks('shell/care')).sort()).toEqual(mondays.slice(2));
    await h.store.teams.remove('shell/care');
    expect(await h.store.digest.weeks('shell/care')).toEqual({});
  });

  it('digest ledger: only the freeze that froze a week records what it published, also when two freeze at once; it outlives the team', async () => {
    const published = (people: string[]) => ({ workspace: 'shell', queries: [{ key: `shell/care|${people.length}`, space: 'answers' as const, people }] });
    await Promise.all([
      h.store.digest.freeze([{ teamId: 'shell/care', week: week('2026-02-23', 3), published: published(['a', 'b', 'c']) }]),
      h.store.digest.freeze([{ teamId: 'shell/care', week: week('2026-02-23', 4), published: published(['a', 'b', 'c', 'd']) }]),
    ]);
    const ledger = await h.store.digest.ledger('shell', '2026-02-23');
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.people.length).toBe((await h.store.digest.weeks('shell/care'))['2026-02-23']!.respondents);
    await h.store.teams.remove('shell/care');
    expect(await (await h.reopen()).digest.ledger('shell', '2026-02-23')).toEqual(ledger);
  });
});
