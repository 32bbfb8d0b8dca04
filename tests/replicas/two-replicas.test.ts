import { afterEach, expect, it } from 'vitest';
import { PersonSchema } from '../../src/core/model/person.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, describePg, type TestDatabase } from '../helpers/pg-database.js';
import { startFakeSlack, startReplica, type FakeSlackProcess, type ReplicaProcess } from '../helpers/replica-processes.js';

const DAY = '2026-03-02';
const PEOPLE = 200;
/** The fake's workspace limit, and the shared pace just under it (ATTUNE_SLACK_RATE). */
const LIMIT = 50;
const RATE = 45;
const ids = Array.from({ length: PEOPLE }, (_, i) => `slack:T0BENCH:U${String(i).padStart(6, '0')}`);
const channel = (id: string) => `D${id.split(':')[2]}`;

await describePg('two replicas (two processes) on one database, against the fake Slack', (adminUrl) => {
  let db: TestDatabase | undefined;
  let fake: FakeSlackProcess | undefined;
  const replicas: ReplicaProcess[] = [];

  afterEach(async () => {
    for (const r of replicas.splice(0)) r.child.kill('SIGKILL');
    fake?.stop();
    await db?.drop();
  });

  async function setUp(): Promise<{ url: string; fake: FakeSlackProcess }> {
    db = await createTestDatabase(adminUrl, 'replicas');
    const store = await PostgresStore.open({ url: db.url });
    for (const [i, id] of ids.entries()) {
      await store.people.create(PersonSchema.parse({ id, workspace: 'slack:T0BENCH', name: `Person ${i}`, createdAt: '2026-01-01T00:00:00Z', tz: 'UTC' }));
    }
    await store.close();
    fake = await startFakeSlack(LIMIT, 0);
    return { url: db.url, fake };
  }

  async function ledger(url: string) {
    const store = await PostgresStore.open({ url });
    try {
      return new Map((await store.ledger.on(DAY)).map((d) => [d.personId, d.status]));
    } finally {
      await store.close();
    }
  }

  it('given two replicas ticking at the same moment, the daily prompt to 200 people goes out exactly once', async () => {
    const { url, fake } = await setUp();
    replicas.push(startReplica(url, fake.url, RATE, 'a'), startReplica(url, fake.url, RATE, 'b'));
    await Promise.all(replicas.map((r) => r.ready));
    for (const r of replicas) r.go();
    const [a, b] = await Promise.all(replicas.map((r) => r.done));
    expect(a!.sent! + b!.sent!).toBe(PEOPLE);
    expect(a!.duplicate! + b!.duplicate!).toBe(PEOPLE);
    const stats = await fake.stats();
    expect(ids.map((id) => stats.delivered[channel(id)])).toEqual(ids.map(() => 1));
    expect([...(await ledger(url)).values()].every((s) => s === 'sent')).toBe(true);
  }, 90_000);

  it('given one replica SIGKILLed mid-fan-out, nothing is sent twice and every message it had not claimed arrives', async () => {
    const { url, fake } = await setUp();
    const [doomed, survivor] = [startReplica(url, fake.url, RATE, 'doomed'), startReplica(url, fake.url, RATE, 'survivor')];
    replicas.push(doomed, survivor);
    await Promise.all(replicas.map((r) => r.ready));
    for (const r of replicas) r.go();
    await expect.poll(async () => Object.keys((await fake.stats()).delivered).length, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(PEOPLE / 4);
    doomed.kill();
    const summary = await survivor.done;
    const stats = await fake.stats();
    const entries = await ledger(url);
    // 0 duplicates.
    expect(Object.values(stats.delivered).filter((n) => n > 1)).toEqual([]);
    // Every person has a ledger entry: sent (and delivered), or pending: claimed by the dead replica (unknown, not resent).
    const pending = ids.filter((id) => entries.get(id) === 'pending');
    const sent = ids.filter((id) => entries.get(id) === 'sent');
    expect(pending.length + sent.length).toBe(PEOPLE);
    for (const id of sent) expect(stats.delivered[channel(id)]).toBe(1);
    expect(summary.sent).toBeGreaterThan(0);
    expect(pending.length).toBeLessThan(PEOPLE / 2);
  }, 90_000);

  it('given two replicas starting at once on an empty database, exactly one of them migrates', async () => {
    db = await createTestDatabase(adminUrl, 'replicasmig');
    fake = await startFakeSlack(LIMIT, 0);
    replicas.push(startReplica(db.url, fake.url, RATE, 'a'), startReplica(db.url, fake.url, RATE, 'b'));
    const ready = await Promise.all(replicas.map((r) => r.ready));
    expect(ready.map((r) => r.migrated.length > 0).sort()).toEqual([false, true]);
  }, 90_000);
});
