import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, makeTestApp, run, type TestApp } from '../../helpers/test-app.js';
import { runDueRounds } from '../../../src/features/mentoring/rounds.js';
import { mentoringOf } from '../../helpers/seed.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

async function setUp() {
  await run(app, 'alice', 'mentor offer giving feedback');
  await run(app, 'bob', 'mentor request giving feedback');
  const inv = Object.values((await mentoringOf(app.store)).invitations)[0]!;
  await act(app, 'alice', 'mentor request', 'answer', { value: `accept:${inv.id}` });
  for (const n of ['alice', 'bob', 'carol']) await run(app, n, 'pairs join');
  await runDueRounds(app, new Date('2026-03-09T10:00:00Z'));
}

describe('mentoring data in privacy export and delete', () => {
  it('exports all of a person\'s mentoring data', async () => {
    await setUp();
    const data = (await app.store.privacy.exportPerson('shell:alice'))!;
    const m = data.mentoring as Record<string, unknown[]> & { profile: { skills: string[] } };
    expect(m.profile.skills).toEqual(['giving-feedback']);
    expect(m.requests).toEqual([]);
    expect(m.invitations).toHaveLength(1);
    expect(m.matches).toHaveLength(1);
    expect(m.pools).toEqual([{ poolId: 'shell', joinedAt: '2026-03-02T10:00:00.000Z' }]);
    expect(m.rounds).toEqual([{ poolId: 'shell', slot: '2026-03-09', with: ['shell:bob', 'shell:carol'] }]);
    const bob = (await app.store.privacy.exportPerson('shell:bob'))!.mentoring as Record<string, unknown[]>;
    expect(bob.requests).toHaveLength(1);
  });

  it('erasing a person removes their profile, requests, invitations, matches, pool places and round places', async () => {
    await setUp();
    await app.store.privacy.erasePerson('shell:alice');
    const m = await mentoringOf(app.store);
    expect(m.profiles).toEqual({});
    expect(m.invitations).toEqual({});
    expect(m.matches).toEqual({});
    expect(Object.keys(m.pools.shell!.members).sort()).toEqual(['shell:bob', 'shell:carol']);
    const round = (await app.store.pairing.round('shell', '2026-03-09'))!;
    expect(round.groups.flat().sort()).toEqual(['shell:bob', 'shell:carol']);
    expect(JSON.stringify(m)).not.toContain('shell:alice');
    // Still gone after a restart: the round partition on disk no longer names her.
    await app.store.close();
    const { openLowdbStore } = await import('../../../src/store/lowdb/open-lowdb-store.js');
    const reopened = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
    expect(JSON.stringify(await reopened.pairing.rounds('shell'))).not.toContain('shell:alice');
    expect(JSON.stringify((await mentoringOf(reopened)))).not.toContain('shell:alice');
    await reopened.close();
  });
});
