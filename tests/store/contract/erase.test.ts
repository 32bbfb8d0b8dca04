import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/store/index.js';
import { engines, type EngineHandle } from './engines.js';
import { checkIn, delivery, match, person, pool, reflection, round, team } from './records.js';

const ANN = 'shell:ann';
const MONTH = { from: '2026-01-01', to: '2026-12-31' };

/** Ann with something in every repository, beside Bob who must be left as he was. */
async function seed(store: Store): Promise<void> {
  await store.people.create(person('ann'));
  await store.people.create(person('bob'));
  await store.teams.create(team('care', { leads: [ANN], members: [{ personId: ANN, from: '2026-03-01T00:00:00.000Z' }, { personId: 'shell:bob', from: '2026-03-01T00:00:00.000Z' }] }));
  await store.history.addCheckIn(checkIn('ann', 'c1', { note: 'a hard day' }));
  await store.history.addCheckIn(checkIn('ann', 'c2', { localDate: '2026-02-10', at: '2026-02-10T10:00:00.000Z' }));
  await store.history.addReflection(reflection('ann', 'r1'));
  await store.history.recordServed(ANN, { localDate: '2026-03-02', promptId: 'p1', component: 'empathy', at: '2026-03-02T09:30:00.000Z' });
  await store.history.addCheckIn(checkIn('bob', 'c3'));
  await store.ledger.claim(delivery('ann'));
  await store.ledger.claim(delivery('bob'));
  await store.drafts.set(ANN, 'reflect.replace', { answer: 'pending' }, new Date('2026-03-03T10:00:00Z'));
  await store.nudges.update(ANN, (s) => ({ ...s, daily: '08:00' }));
  await store.mentoring.profiles.create({ personId: ANN, workspace: 'shell', skills: ['empathy'], text: 'empathy', capacity: 2, since: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z' });
  await store.mentoring.requests.create({ id: 'q1', personId: 'shell:bob', workspace: 'shell', goal: 'feedback', tags: ['empathy'], status: 'open', createdAt: '2026-03-01T00:00:00.000Z', tried: [ANN] });
  await store.mentoring.invitations.create({ id: 'i1', requestId: 'q1', mentorId: ANN, menteeId: 'shell:bob', sentAt: '2026-03-01T00:00:00.000Z', expiresAt: '2026-03-03T00:00:00.000Z', status: 'pending' });
  await store.mentoring.matches.create(match('m1', 'ann', 'bob'));
  await store.pairing.createPool(pool('shell', ['ann', 'bob']));
  await store.pairing.createRound(round('shell', '2026-03-09', [['ann', 'bob']]));
  await store.pairing.updateRound('shell', '2026-03-09', (r) => ({ ...r, met: { [ANN]: { answer: 'yes', at: '2026-03-16T10:00:00.000Z' } } }));
}

/** Everything any read returns, as one text: a search for Ann's id in it must come up empty. */
async function everything(store: Store): Promise<string> {
  return JSON.stringify([
    await store.people.list(),
    await store.teams.list(),
    await store.history.checkIns(ANN, MONTH),
    await store.history.reflections(ANN, MONTH),
    await store.history.served(ANN, MONTH),
    await store.history.months(ANN),
    await store.ledger.on('2026-03-02'),
    await store.drafts.get(ANN, 'reflect.replace', new Date('2026-03-02T11:00:00Z')),
    await store.mentoring.profiles.list(),
    await store.mentoring.requests.list(),
    await store.mentoring.invitations.list(),
    await store.mentoring.matches.list(),
    await store.pairing.pools(),
    await store.pairing.rounds('shell'),
  ]);
}

describe.each(engines)('store contract ($name): export and erase', (engine) => {
  let h: EngineHandle;
  beforeEach(async () => {
    h = await engine.create();
    await seed(h.store);
  });
  afterEach(async () => {
    await h.destroy();
  });

  it("export holds everything of the person and nothing of anyone else's own", async () => {
    const data = (await h.store.privacy.exportPerson(ANN))!;
    expect(data.person.id).toBe(ANN);
    expect(data.teams).toEqual([{ id: 'shell/care', name: 'care', member: true, lead: true }]);
    expect(data.checkins.map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    expect(data.reflections.map((r) => r.id)).toEqual(['r1']);
    expect(data.servedPrompts.map((s) => s.promptId)).toEqual(['p1']);
    expect(data.deliveries.map((d) => d.personId)).toEqual([ANN]);
    expect(data.nudges).toMatchObject({ daily: '08:00' });
    expect(data.pending).toBeDefined();
    const mentoring = data.mentoring as { profile: unknown; invitations: unknown[]; matches: unknown[]; pools: unknown[]; rounds: unknown[] };
    expect([Boolean(mentoring.profile), mentoring.invitations.length, mentoring.matches.length, mentoring.pools.length, mentoring.rounds.length]).toEqual([true, 1, 1, 1, 1]);
    expect(JSON.stringify(data)).not.toContain('c3');
  });

  it('erase leaves nothing of the person in any read, also after a restart, and leaves others as they were', async () => {
    const bobBefore = await h.store.history.checkIns('shell:bob', MONTH);
    await h.store.privacy.erasePerson(ANN);
    for (const open of [async () => h.store, () => h.reopen()]) {
      const store = await open();
      expect(await store.privacy.exportPerson(ANN)).toBeUndefined();
      expect(await everything(store)).not.toContain(ANN);
      expect(await store.nudges.get(ANN)).toEqual({ off: false, served: [], votes: {} });
      expect(await store.history.checkIns('shell:bob', MONTH)).toEqual(bobBefore);
      expect((await store.people.get('shell:bob'))!.name).toBe('bob');
      expect((await store.mentoring.requests.get('q1'))!.tried).toEqual([]);
      expect((await store.pairing.round('shell', '2026-03-09'))!.groups).toEqual([['shell:bob']]);
    }
  });

  it('erasing twice is harmless; erasing nobody changes nothing', async () => {
    await h.store.privacy.erasePerson(ANN);
    await h.store.privacy.erasePerson(ANN);
    const before = await everything(h.store);
    await h.store.privacy.erasePerson('shell:nobody');
    expect(await everything(h.store)).toBe(before);
  });
});
