import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestWeek } from '../../src/core/model/digest-week.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { checkIn, LATEST, names, pid, team } from './fixtures.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

const week = (respondents: number): DigestWeek => ({ from: '2026-02-23', to: '2026-03-01', frozenAt: '2026-03-02T10:00:00.000Z', threshold: 5, members: 9, respondents, withheld: 'overlap', themes: [], custom: [] });

describe('digest weeks in the store', () => {
  it('keeps the first frozen version of a week', async () => {
    await app.store.digest.freeze([{ teamId: 'shell/care', week: week(3) }]);
    await app.store.digest.freeze([{ teamId: 'shell/care', week: week(4) }]);
    expect((await app.store.digest.weeks('shell/care'))['2026-02-23']?.respondents).toBe(3);
  });

  it("keeps a team's 12 latest weeks only", async () => {
    const { addDays } = await import('../../src/core/time.js');
    const weeks = Array.from({ length: 14 }, (_, i) => ({ ...week(3), from: addDays('2025-12-01', 7 * i), to: addDays('2025-12-07', 7 * i) }));
    await app.store.digest.freeze(weeks.map((w) => ({ teamId: 'shell/care', week: w })));
    expect(Object.keys((await app.store.digest.weeks('shell/care'))).sort()).toEqual(weeks.slice(2).map((w) => w.from));
  });

  it('records what a week published in the ledger only with the write that froze it (first write wins)', async () => {
    const q = (people: string[]) => ({ workspace: 'shell', queries: [{ key: 'shell/care|answers', space: 'answers' as const, people }] });
    await app.store.digest.freeze([{ teamId: 'shell/care', week: week(5), published: q(['a', 'b', 'c']) }]);
    await app.store.digest.freeze([{ teamId: 'shell/care', week: week(6), published: q(['a', 'b', 'c', 'd']) }]);
    expect((await app.store.digest.ledger('shell', '2026-02-23')).map((x) => x.people)).toEqual([['a', 'b', 'c']]);
  });

  it('keeps the ledger after the team is removed: what was published stays published', async () => {
    await app.store.digest.freeze([{ teamId: 'shell/care', week: week(5), published: { workspace: 'shell', queries: [{ key: 'k', space: 'answers', people: ['a', 'b', 'c'] }] } }]);
    await app.store.teams.remove('shell/care');
    expect(await app.store.digest.ledger('shell', '2026-02-23')).toHaveLength(1);
  });

  it('the ledger holds opaque ids, never a person id, and an erasure unlinks the person from it', async () => {
    await team(app, 'care', { members: names('m', 5), leads: ['maya'], threshold: 5 });
    for (const m of names('m', 5)) await checkIn(app, m, LATEST[0]!, { mood: 4 }, { teams: ['care'] });
    await run(app, 'maya', 'digest');
    const ledger = await app.store.digest.ledger('shell', LATEST[0]!);
    expect(ledger.length).toBeGreaterThan(0);
    expect(JSON.stringify(ledger)).not.toContain('shell:');
    const { ledgerId } = await import('../../src/core/model/digest-ledger.js');
    expect(JSON.stringify(ledger)).toContain(ledgerId('shell', pid('m1')));
    await app.store.privacy.erasePerson(pid('m1'));
    const after = await app.store.digest.ledger('shell', LATEST[0]!);
    expect(JSON.stringify(after)).not.toContain(ledgerId('shell', pid('m1')));
    // Same shape: the erased person is still one (anonymous) column of every query they were in.
    expect(after.map((x) => x.people.length)).toEqual(ledger.map((x) => x.people.length));
  });

  it('forgets a team\'s frozen weeks when the team is removed', async () => {
    await app.store.digest.freeze([{ teamId: 'shell/care', week: week(3) }]);
    await app.store.teams.remove('shell/care');
    expect((await app.store.digest.weeks('shell/care'))).toEqual({});
  });

  it('survives a restart: frozen weeks are read back from state.json', async () => {
    await team(app, 'care', { members: names('m', 5), leads: ['maya'], threshold: 5 });
    for (const m of names('m', 5)) await checkIn(app, m, LATEST[0]!, { mood: 4 }, { teams: ['care'] });
    await run(app, 'maya', 'digest');
    const before = await app.store.digest.weeks('shell/care');
    expect(Object.keys(before)).toHaveLength(8);
    await app.store.close();
    const { openLowdbStore } = await import('../../src/store/lowdb/open-lowdb-store.js');
    const reopened = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
    expect(await reopened.digest.weeks('shell/care')).toEqual(before);
    await reopened.close();
  });

  it("a person's export holds none of the digest's frozen weeks: they are anonymous aggregates", async () => {
    await team(app, 'care', { members: names('m', 5), leads: ['maya'], threshold: 5 });
    for (const m of names('m', 5)) await checkIn(app, m, LATEST[0]!, { mood: 4 }, { teams: ['care'] });
    await run(app, 'maya', 'digest');
    const exported = JSON.stringify(await app.store.privacy.exportPerson(pid('m1')));
    expect(exported).not.toContain('frozenAt');
  });
});
