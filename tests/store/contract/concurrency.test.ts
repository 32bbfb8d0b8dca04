import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines, type EngineHandle } from './engines.js';
import { delivery, match, person, pool, round, team } from './records.js';

describe.each(engines)('store contract ($name): concurrent writes to one record', (engine) => {
  let h: EngineHandle;
  beforeEach(async () => {
    h = await engine.create();
  });
  afterEach(async () => {
    await h.destroy();
  });

  it('50 concurrent increments of one record all count: no lost update', async () => {
    await h.store.ledger.claim(delivery('ann'));
    await Promise.all(
      Array.from({ length: 50 }, () => h.store.ledger.update('shell:ann', 'daily-prompt', '2026-03-02', (d) => ({ ...d, attempts: d.attempts + 1 }))),
    );
    expect((await h.store.ledger.get('shell:ann', 'daily-prompt', '2026-03-02'))!.attempts).toBe(50);
    const reopened = await h.reopen();
    expect((await reopened.ledger.get('shell:ann', 'daily-prompt', '2026-03-02'))!.attempts).toBe(50);
  });

  it('concurrent changes to different fields of one person are both kept', async () => {
    await h.store.people.create(person('ann'));
    await Promise.all([
      h.store.people.update('shell:ann', (p) => ({ ...p, tz: 'Europe/Berlin', tzSource: 'user' })),
      h.store.people.update('shell:ann', (p) => ({ ...p, promptTime: '08:00' })),
      h.store.people.update('shell:ann', (p) => ({ ...p, admin: true })),
    ]);
    const ann = (await (await h.reopen()).people.get('shell:ann'))!;
    expect([ann.tz, ann.promptTime, ann.admin]).toEqual(['Europe/Berlin', '08:00', true]);
  });

  it('20 people joining one team at once are all members', async () => {
    await h.store.teams.create(team('care'));
    const names = Array.from({ length: 20 }, (_, i) => `p${i}`);
    await Promise.all(
      names.map((n) => h.store.teams.update('shell/care', (t) => ({ ...t, members: [...t.members, { personId: `shell:${n}`, from: '2026-03-02T10:00:00.000Z' }] }))),
    );
    expect((await h.store.teams.get('shell/care'))!.members.map((m) => m.personId).sort()).toEqual(names.map((n) => `shell:${n}`).sort());
  });

  it('regression: both members of a pair answering "did you meet?" at once are both recorded', async () => {
    await h.store.pairing.createPool(pool('shell', ['ann', 'bob']));
    await h.store.pairing.createRound(round('shell', '2026-03-09', [['ann', 'bob']]));
    const answer = (who: string) =>
      h.store.pairing.updateRound('shell', '2026-03-09', (r) => ({ ...r, met: { ...r.met, [`shell:${who}`]: { answer: 'yes', at: '2026-03-16T10:00:00.000Z' } } }));
    await Promise.all([answer('ann'), answer('bob')]);
    const stored = (await (await h.reopen()).pairing.round('shell', '2026-03-09'))!;
    expect(Object.keys(stored.met).sort()).toEqual(['shell:ann', 'shell:bob']);
  });

  it('both people of a mentor match answering the follow-up at once are both recorded', async () => {
    await h.store.mentoring.matches.create(match('m1', 'ann', 'bob'));
    const answer = (who: string) =>
      h.store.mentoring.matches.update('m1', (x) => ({ ...x, followUps: { ...x.followUps, [`shell:${who}`]: { answer: 'yes', at: '2026-03-09T10:00:00.000Z' } } }));
    await Promise.all([answer('ann'), answer('bob')]);
    expect(Object.keys((await h.store.mentoring.matches.get('m1'))!.followUps).sort()).toEqual(['shell:ann', 'shell:bob']);
  });

  it('nudge state updates at once are all kept, starting from the empty state', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.store.nudges.update('shell:ann', (s) => ({ ...s, served: [...s.served, { nudgeId: `n${i}`, localDate: '2026-03-02', at: '2026-03-02T10:00:00.000Z', source: 'requested' as const }] })),
      ),
    );
    expect((await h.store.nudges.get('shell:ann')).served).toHaveLength(10);
  });

  it('an update function that throws changes nothing, and the error reaches the caller', async () => {
    await h.store.people.create(person('ann'));
    await expect(
      h.store.people.update('shell:ann', () => {
        throw new Error('no, thanks');
      }),
    ).rejects.toThrow('no, thanks');
    expect((await h.store.people.get('shell:ann'))!.name).toBe('ann');
  });

  it('an update of a record that does not exist returns undefined and creates nothing', async () => {
    expect(await h.store.people.update('shell:ghost', (p) => ({ ...p, name: 'boo' }))).toBeUndefined();
    expect(await h.store.people.get('shell:ghost')).toBeUndefined();
    expect(await h.store.ledger.update('shell:ghost', 'daily-prompt', '2026-03-02', (d) => d)).toBeUndefined();
  });

  it('a read returns a copy: changing it changes nothing stored', async () => {
    await h.store.teams.create(team('care'));
    const read = (await h.store.teams.get('shell/care'))!;
    read.name = 'changed';
    read.leads.push('shell:intruder');
    const again = (await h.store.teams.get('shell/care'))!;
    expect([again.name, again.leads]).toEqual(['care', []]);
    const listed = await h.store.teams.list('shell');
    listed[0]!.name = 'changed';
    expect((await h.store.teams.get('shell/care'))!.name).toBe('care');
  });
});
