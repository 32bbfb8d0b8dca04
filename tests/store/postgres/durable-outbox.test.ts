import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type pg from 'pg';
import { RecordingOutbox } from '../../../src/core/direct-outbox.js';
import type { Reply } from '../../../src/core/reply.js';
import { DurableOutbox } from '../../../src/store/postgres/durable-outbox.js';
import { migrate } from '../../../src/store/postgres/migrate.js';
import { openPool } from '../../../src/store/postgres/pool.js';
import { createTestDatabase, describePg, type TestDatabase } from '../../helpers/pg-database.js';

const intro = (n: number): Reply => ({ text: `intro ${n}`, blocks: [{ type: 'text', text: `intro ${n}` }] });

await describePg('the transactional outbox (mentor invitations, intros, notices) across replicas', (adminUrl) => {
  let db: TestDatabase;
  let pools: pg.Pool[];

  beforeAll(async () => {
    db = await createTestDatabase(adminUrl, 'outbox');
    pools = [await openPool(db.url), await openPool(db.url)];
    await migrate(pools[0]!);
  });
  afterEach(async () => {
    await pools[0]!.query('TRUNCATE outbox');
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await db.drop();
  });

  it('given 100 messages written on both replicas and two relays, each is delivered exactly once', async () => {
    const sinks = [new RecordingOutbox(), new RecordingOutbox()];
    const boxes = pools.map((p, i) => new DurableOutbox(p, { replicaId: `r${i}`, deliver: sinks[i]! }));
    for (let n = 0; n < 100; n++) await boxes[n % 2]!.send(`slack:T1:U${n}`, intro(n));
    await Promise.all(boxes.map((b) => b.relay()));
    const delivered = sinks.flatMap((s) => s.sent.map((m) => `${m.to.join()}=${m.reply.text}`)).sort();
    expect(delivered).toHaveLength(100);
    expect(new Set(delivered).size).toBe(100);
    expect(delivered).toContain('slack:T1:U7=intro 7');
  });

  it('given a group intro with a chart, it is delivered as one group message with the same bytes', async () => {
    const sink = new RecordingOutbox();
    const box = new DurableOutbox(pools[0]!, { replicaId: 'r0', deliver: sink });
    const chart: Reply = { text: 'chart', blocks: [{ type: 'image', alt: 'a chart', filename: 'c.png', data: new Uint8Array([137, 80, 78, 71]), mime: 'image/png' }] };
    await box.sendGroup(['slack:T1:A', 'slack:T1:B'], chart);
    await box.relay();
    expect(sink.sent).toEqual([{ to: ['slack:T1:A', 'slack:T1:B'], reply: chart }]);
  });

  it('given the same decision written twice with one key, it is sent once', async () => {
    const sink = new RecordingOutbox();
    const box = new DurableOutbox(pools[0]!, { replicaId: 'r0', deliver: sink });
    await box.enqueue(['slack:T1:A'], intro(1), false, 'invitation:i1');
    await box.enqueue(['slack:T1:A'], intro(1), false, 'invitation:i1');
    await box.relay();
    expect(sink.sent).toHaveLength(1);
  });

  it('given a replica that claimed a message and died, the message is marked unknown and not resent', async () => {
    const sink = new RecordingOutbox();
    const box = new DurableOutbox(pools[1]!, { replicaId: 'r1', deliver: sink, sendTimeoutMs: 0 });
    await box.send('slack:T1:A', intro(1));
    // The dead replica's claim: taken, never finished.
    await pools[0]!.query("UPDATE outbox SET claimed_by = 'r0', claimed_at = clock_timestamp() - interval '1 hour'");
    await box.relay();
    expect(sink.sent).toEqual([]);
    const { rows } = await pools[0]!.query('SELECT outcome, recipients, reply FROM outbox');
    expect(rows).toEqual([{ outcome: 'unknown: the replica stopped during the send; not resent', recipients: [], reply: {} }]);
  });

  it('given a replica without the Discord gateway, it leaves Discord messages to the replica holding it', async () => {
    const [slackOnly, holder] = [new RecordingOutbox(), new RecordingOutbox()];
    const a = new DurableOutbox(pools[0]!, { replicaId: 'r0', deliver: slackOnly, platforms: () => ['slack'] });
    const b = new DurableOutbox(pools[1]!, { replicaId: 'r1', deliver: holder, platforms: () => ['slack', 'discord'] });
    await a.send('discord:G1:111111', intro(1));
    await a.send('slack:T1:A', intro(2));
    await a.relay();
    await b.relay();
    expect(slackOnly.sent.map((m) => m.to)).toEqual([['slack:T1:A']]);
    expect(holder.sent.map((m) => m.to)).toEqual([['discord:G1:111111']]);
  });

  it('given a person erased before their intro was sent, the intro is gone with them', async () => {
    const { PostgresStore } = await import('../../../src/store/postgres/postgres-store.js');
    const store = await PostgresStore.open({ url: db.url });
    const sink = new RecordingOutbox();
    const box = new DurableOutbox(pools[0]!, { replicaId: 'r0', deliver: sink });
    await box.sendGroup(['slack:T1:A', 'slack:T1:B'], intro(1));
    await box.send('slack:T1:C', intro(2));
    await store.privacy.erasePerson('slack:T1:B');
    await store.close();
    await box.relay();
    expect(sink.sent.map((m) => m.to)).toEqual([['slack:T1:C']]);
  });

  it('given a sent message, the table keeps no recipient and no content', async () => {
    const box = new DurableOutbox(pools[0]!, { replicaId: 'r0', deliver: new RecordingOutbox() });
    await box.send('slack:T1:A', intro(1));
    await box.relay();
    const { rows } = await pools[0]!.query('SELECT outcome, recipients, reply FROM outbox');
    expect(rows).toEqual([{ outcome: 'sent', recipients: [], reply: {} }]);
  });
});
