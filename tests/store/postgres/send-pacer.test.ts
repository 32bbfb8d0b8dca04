import { afterAll, beforeAll, expect, it } from 'vitest';
import type pg from 'pg';
import { migrate } from '../../../src/store/postgres/migrate.js';
import { openPool } from '../../../src/store/postgres/pool.js';
import { PgSendPacer } from '../../../src/store/postgres/send-pacer.js';
import { createTestDatabase, describePg, type TestDatabase } from '../../helpers/pg-database.js';

await describePg('the shared send limiter in PostgreSQL', (adminUrl) => {
  let db: TestDatabase;
  let pools: pg.Pool[];

  beforeAll(async () => {
    db = await createTestDatabase(adminUrl, 'pacer');
    pools = [await openPool(db.url), await openPool(db.url)];
    await migrate(pools[0]!);
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await db.drop();
  });

  it('given two replicas reserving 60 slots at once, no two slots are closer than the interval', async () => {
    const [a, b] = pools.map((p) => new PgSendPacer(p));
    const slots = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a! : b!).reserveSlot('slack', 50)));
    const times = slots.map((s) => s.slotAt.getTime()).sort((x, y) => x - y);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(50);
    expect(new Set(times).size).toBe(60);
  });

  const dbNow = async () => (await pools[0]!.query<{ now: Date }>('SELECT clock_timestamp() AS now')).rows[0]!.now.getTime();

  it("given one 429 (a channel's limit), the bucket's next slot is not held back on any replica", async () => {
    const [a, b] = pools.map((p) => new PgSendPacer(p));
    await a!.limited('slack:T1', 5000);
    const slot = await b!.reserveSlot('slack:T1', 50);
    expect(slot.slotAt.getTime()).toBeLessThan((await dbNow()) + 1000);
  });

  it("given 429s on three replicas' sends within one Retry-After (the method's limit), the next slot on any replica comes after it", async () => {
    const [a, b] = pools.map((p) => new PgSendPacer(p));
    const before = await dbNow();
    await a!.limited('discord', 5000);
    await b!.limited('discord', 5000);
    await a!.limited('discord', 5000);
    const slot = await b!.reserveSlot('discord', 50);
    expect(slot.slotAt.getTime()).toBeGreaterThanOrEqual(before + 5000);
    expect(slot.waitMs).toBeGreaterThan(0);
  });

  it("given the method's limit in one workspace, another workspace's slots are not held back", async () => {
    const [a, b] = pools.map((p) => new PgSendPacer(p));
    for (let i = 0; i < 3; i++) await a!.limited('slack:TBUSY', 5000);
    const slot = await b!.reserveSlot('slack:TCALM', 50);
    expect(slot.slotAt.getTime()).toBeLessThan((await dbNow()) + 1000);
  });
});
