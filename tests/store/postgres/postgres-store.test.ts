import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CheckIn, Delivery, Person } from '../../../src/core/model/index.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { createTestDatabase, describePg, type TestDatabase } from '../../helpers/pg-database.js';

const NOW = new Date('2026-03-02T10:00:00Z');

const person = (id: string, name = 'Ada'): Person => ({
  id,
  workspace: 'slack:T1',
  name,
  createdAt: NOW.toISOString(),
  admin: false,
  promptTime: '09:30',
  reminderTime: '16:30',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
});

const delivery = (personId: string): Delivery => ({
  personId,
  job: 'daily-prompt',
  localDate: '2026-03-02',
  status: 'pending',
  dueAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  attempts: 0,
});

// Behaviour particular to PostgreSQL (several replicas, one database); the contract suite covers the port.
await describePg('PostgreSQL store across replicas', (adminUrl) => {
  let db: TestDatabase;
  let a: PostgresStore;
  let b: PostgresStore;

  beforeAll(async () => {
    db = await createTestDatabase(adminUrl, 'store');
    [a, b] = await Promise.all([PostgresStore.open({ url: db.url, now: NOW }), PostgresStore.open({ url: db.url, now: NOW })]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
  });

  it('given two replicas claiming the same 200 deliveries at once, each delivery has exactly one winner', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `slack:T1:U${i}`);
    const results = await Promise.all(ids.flatMap((id) => [a.ledger.claim(delivery(id)), b.ledger.claim(delivery(id))]));
    expect(results.filter(Boolean)).toHaveLength(200);
    for (let i = 0; i < ids.length; i++) expect([results[2 * i], results[2 * i + 1]].filter(Boolean)).toHaveLength(1);
    expect(await a.ledger.on('2026-03-02')).toHaveLength(200);
  });

  it('given 40 updates of one person from two replicas at once, none is lost', async () => {
    await a.people.create(person('slack:T1:UCOUNT', 'n0'));
    const bump = (p: Person) => ({ ...p, name: `n${Number(p.name.slice(1)) + 1}` });
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).people.update('slack:T1:UCOUNT', bump)));
    expect((await b.people.get('slack:T1:UCOUNT'))?.name).toBe('n40');
  });

  it('given the same check-in event delivered to both replicas, it is stored once', async () => {
    const checkIn: CheckIn = {
      id: 'c1',
      personId: 'slack:T1:U1',
      at: NOW.toISOString(),
      localDate: '2026-03-02',
      mood: 4,
      energy: 3,
      stress: 2,
      shareNote: false,
      teams: [],
      custom: {},
      key: 'Ev123',
    };
    const [x, y] = await Promise.all([a.history.addCheckIn(checkIn), b.history.addCheckIn({ ...checkIn, id: 'c2' })]);
    expect([x.created, y.created].sort()).toEqual([false, true]);
    expect(await a.history.checkIns('slack:T1:U1', { from: '2026-03-01', to: '2026-03-03' })).toHaveLength(1);
  });

  it('given an event id claimed by one replica, the other refuses it until it expires a day later', async () => {
    expect(await a.events.claim('slack:Ev9', NOW)).toBe(true);
    expect(await b.events.claim('slack:Ev9', new Date(NOW.getTime() + 3_600_000))).toBe(false);
    expect(await b.events.claim('slack:Ev9', new Date(NOW.getTime() + 25 * 3_600_000))).toBe(true);
  });

  it('given two replicas making the same pairing round, one pairing is stored and both see it', async () => {
    await a.pairing.createPool({ id: 'slack:T1', workspace: 'slack:T1', cadenceWeeks: 2, anchor: '2026-03-02', members: {}, rounds: [] });
    const round = (groups: string[][]) => ({ version: 1 as const, id: 'r1', poolId: 'slack:T1', slot: '2026-03-02', createdAt: NOW.toISOString(), groups, met: {} });
    const [x, y] = await Promise.all([a.pairing.createRound(round([['p1', 'p2']])), b.pairing.createRound(round([['p1', 'p3']]))]);
    expect([x.created, y.created].sort()).toEqual([false, true]);
    expect(x.record.groups).toEqual(y.record.groups);
    expect((await b.pairing.pool('slack:T1'))?.rounds).toEqual([{ id: 'r1', slot: '2026-03-02', createdAt: NOW.toISOString(), people: 2 }]);
  });

  it('given two replicas accepting for a mentor with one place left at once, one match is made (serializable, retried)', async () => {
    const AT = NOW.toISOString();
    const accept = (store: PostgresStore, id: string) =>
      store.transaction(async (tx) => {
        const active = await tx.mentoring.matches.list({ mentorId: 'slack:T1:UM', status: 'active' });
        if (active.length >= 1) return false;
        await tx.mentoring.matches.create({ id, requestId: `q-${id}`, workspace: 'slack:T1', mentorId: 'slack:T1:UM', menteeId: `slack:T1:${id}`, goal: 'calm', skill: 'calm', startedAt: AT, status: 'active', followUps: {} });
        return true;
      });
    const results = await Promise.all([accept(a, 'm1'), accept(b, 'm2'), accept(a, 'm3'), accept(b, 'm4')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.mentoring.matches.list({ mentorId: 'slack:T1:UM' })).toHaveLength(1);
  });

  it('given a transaction that fails before commit, none of its writes is visible to the other replica', async () => {
    await expect(
      a.transaction(async (tx) => {
        await tx.people.create(person('slack:T1:UTX'));
        await tx.ledger.claim(delivery('slack:T1:UTX'));
        throw new Error('crash between the steps');
      }),
    ).rejects.toThrow('crash between the steps');
    expect(await b.people.get('slack:T1:UTX')).toBeUndefined();
    expect(await b.ledger.get('slack:T1:UTX', 'daily-prompt', '2026-03-02')).toBeUndefined();
  });
});
