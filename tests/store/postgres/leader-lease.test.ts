import { afterAll, beforeAll, expect, it } from 'vitest';
import type pg from 'pg';
import { LeaderLease } from '../../../src/store/postgres/leader-lease.js';
import { openPool } from '../../../src/store/postgres/pool.js';
import { createTestDatabase, describePg, type TestDatabase } from '../../helpers/pg-database.js';

await describePg('electing one Discord gateway holder through the database', (adminUrl) => {
  let db: TestDatabase;
  let pools: pg.Pool[];

  beforeAll(async () => {
    db = await createTestDatabase(adminUrl, 'lease');
    pools = await Promise.all([0, 1, 2].map(() => openPool(db.url)));
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await db.drop();
  });

  function replica(i: number, events: string[]) {
    return new LeaderLease(pools[i]!, {
      name: 'discord-gateway',
      retryMs: 60_000,
      onAcquired: async () => void events.push(`r${i} holds`),
      onLost: async () => void events.push(`r${i} lost`),
    });
  }

  it('given three replicas starting at once, exactly one holds the gateway', async () => {
    const events: string[] = [];
    const leases = [0, 1, 2].map((i) => replica(i, events));
    await Promise.all(leases.map((l) => l.start()));
    expect(leases.filter((l) => l.held)).toHaveLength(1);
    expect(events).toHaveLength(1);
    await Promise.all(leases.map((l) => l.stop()));
  });

  it("given the holder's database session dies, another replica takes the gateway over on its next try", async () => {
    const events: string[] = [];
    const [a, b] = [replica(0, events), replica(1, events)];
    await a.start();
    await b.start();
    expect([a.held, b.held]).toEqual([true, false]);
    // What a SIGKILL does to the holder's session: PostgreSQL ends it and frees its locks.
    await pools[2]!.query(
      "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = (hashtextextended('discord-gateway', 0) & 4294967295)::oid AND granted",
    );
    await expect.poll(() => a.held).toBe(false);
    await b.tryOnce();
    expect(b.held).toBe(true);
    expect(events).toEqual(['r0 holds', 'r0 lost', 'r1 holds']);
    await Promise.all([a.stop(), b.stop()]);
  });
});
