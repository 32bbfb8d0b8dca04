import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PeerPractice, PracticeSession, Thanks } from '../../../src/core/model/practice.js';
import { engines, type EngineHandle } from './engines.js';
import { person } from './records.js';

const ANN = 'shell:ann';
const BOB = 'shell:bob';
const CAT = 'shell:cat';
const AT = '2026-03-02T10:00:00.000Z';

const session = (id: string): PracticeSession => ({ id, cardId: 'card-1', mode: 'solo', components: ['empathy'], at: AT, localDate: '2026-03-02', answer: 'I hear you' });
const peer = (id: string, a: string, b: string): PeerPractice => ({ id, cardId: 'card-1', people: [a, b], customerFirst: b, stage: 'first', startedAt: AT, updatedAt: AT });
const thanks = (id: string, from: string, to: string): Thanks => ({ id, from, to, text: `thanks from ${from}`, at: AT, localDate: '2026-03-02' });

describe.each(engines)('store contract ($name): practice', (engine) => {
  let h: EngineHandle;
  beforeEach(async () => {
    h = await engine.create();
  });
  afterEach(async () => {
    await h.destroy();
  });

  it('creating a practice record that exists writes nothing and returns the stored one', async () => {
    const first = await h.store.practice.people.create({ personId: ANN, sessions: [session('s1')], counts: { empathy: 1 } });
    const again = await h.store.practice.people.create({ personId: ANN, sessions: [], counts: {} });
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.record.sessions.map((s) => s.id)).toEqual(['s1']);
    expect((await h.store.practice.thanks.create(thanks('t1', ANN, BOB))).created).toBe(true);
    expect((await h.store.practice.thanks.create({ ...thanks('t1', ANN, BOB), text: 'other' })).record.text).toBe('thanks from shell:ann');
  });

  it('30 concurrent sessions added to one person are all kept and counted, also after a restart', async () => {
    await h.store.practice.people.create({ personId: ANN, sessions: [], counts: {} });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        h.store.practice.people.update(ANN, (r) => ({ ...r, sessions: [...r.sessions, session(`s${i}`)], counts: { empathy: (r.counts.empathy ?? 0) + 1 } })),
      ),
    );
    const stored = (await (await h.reopen()).practice.people.get(ANN))!;
    expect([stored.sessions.length, stored.counts.empathy]).toEqual([30, 30]);
  });

  it('thanks are listed by sender and by recipient', async () => {
    await h.store.practice.thanks.create(thanks('t1', ANN, BOB));
    await h.store.practice.thanks.create(thanks('t2', CAT, BOB));
    await h.store.practice.thanks.create(thanks('t3', BOB, ANN));
    expect((await h.store.practice.thanks.list({ to: BOB })).map((t) => t.id)).toEqual(['t1', 't2']);
    expect((await h.store.practice.thanks.list({ from: BOB })).map((t) => t.id)).toEqual(['t3']);
  });

  it('erase leaves nothing of the person in practice, keeps the thanks others sent them without their id, and exports what was theirs', async () => {
    await h.store.people.create(person('ann'));
    await h.store.people.create(person('bob'));
    await h.store.practice.people.create({ personId: ANN, sessions: [session('s1')], counts: { empathy: 1 } });
    await h.store.practice.people.create({ personId: BOB, sessions: [session('s2')], counts: { empathy: 1 } });
    await h.store.practice.peers.create(peer('p1', ANN, BOB));
    await h.store.practice.peers.create(peer('p2', BOB, CAT));
    await h.store.practice.thanks.create(thanks('t1', ANN, BOB));
    await h.store.practice.thanks.create(thanks('t2', BOB, ANN));

    const data = (await h.store.privacy.exportPerson(ANN))!;
    const mine = data.practice as { sessions: unknown[]; counts: object; peerSessions: unknown[]; thanksSent: Thanks[]; thanksReceived: object[] };
    expect([mine.sessions.length, mine.counts, mine.peerSessions.length, mine.thanksSent.map((t) => t.id)]).toEqual([1, { empathy: 1 }, 1, ['t1']]);
    expect(mine.thanksReceived).toEqual([{ at: AT, localDate: '2026-03-02' }]);

    await h.store.privacy.erasePerson(ANN);
    for (const open of [async () => h.store, () => h.reopen()]) {
      const store = await open();
      const all = JSON.stringify([await store.practice.people.list(), await store.practice.peers.list(), await store.practice.thanks.list()]);
      expect(all).not.toContain(ANN);
      expect((await store.practice.peers.list()).map((p) => p.id)).toEqual(['p2']);
      expect((await store.practice.thanks.list()).map((t) => [t.id, t.from, t.to])).toEqual([['t2', BOB, undefined]]);
      expect((await store.practice.people.get(BOB))!.sessions.map((s) => s.id)).toEqual(['s2']);
    }
  });
});
