import { afterEach, expect, it } from 'vitest';
import { PersonSchema } from '../../src/core/model/person.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { dmChannelId, FakeDiscord, GUILD_ID, type Call } from '../discord/fake-discord.js';
import { ALICE, BOB, chatInput, sub } from '../discord/payloads.js';
import { startDiscordReplica, type DiscordReplica } from '../helpers/discord-replica-processes.js';
import { createTestDatabase, describePg, type TestDatabase } from '../helpers/pg-database.js';

/** 20 people prompted at 09:30, while replica a holds the gateway; 5 at 09:40, after it died. */
const early = Array.from({ length: 20 }, (_, i) => `5100000000000000${String(i).padStart(2, '0')}`);
const late = Array.from({ length: 5 }, (_, i) => `5200000000000000${String(i).padStart(2, '0')}`);
const messagesTo = (fake: FakeDiscord, userId: string) => fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${dmChannelId(userId)}/messages` && c.status === 200).length;
const answersTo = (fake: FakeDiscord, token: string) => (c: Call) => c.method === 'POST' && c.path.endsWith(`/${token}/callback`);

await describePg('Discord under election: two replicas, one gateway session', (adminUrl) => {
  let db: TestDatabase | undefined;
  let fake: FakeDiscord | undefined;
  const replicas: DiscordReplica[] = [];

  afterEach(async () => {
    for (const r of replicas.splice(0)) r.kill();
    await fake?.close();
    await db?.drop();
  });

  /** Dispatches an interaction to whoever holds the gateway; resolves with the answers it got once one arrived and a moment passed for a second. */
  async function interact(payload: { id: string; token: string }): Promise<Call[]> {
    fake!.dispatch('INTERACTION_CREATE', payload);
    await fake!.waitForCalls(answersTo(fake!, payload.token));
    await new Promise((resolve) => setTimeout(resolve, 500));
    return fake!.calls.filter(answersTo(fake!, payload.token));
  }

  it('given the gateway holder is killed, the other replica takes the gateway over, and no interaction or scheduled message is lost or sent twice', { timeout: 120_000 }, async () => {
    db = await createTestDatabase(adminUrl, 'discordelect');
    fake = await FakeDiscord.start();
    const store = await PostgresStore.open({ url: db.url });
    for (const [ids, promptTime] of [[early, '09:30'], [late, '09:40']] as const) {
      for (const user of ids) {
        await store.people.create(
          PersonSchema.parse({ id: `discord:${GUILD_ID}:${user}`, workspace: `discord:${GUILD_ID}`, name: `User ${user}`, createdAt: '2026-01-01T00:00:00Z', tz: 'UTC', promptTime }),
        );
      }
    }
    await store.close();

    const a = startDiscordReplica(db.url, fake.apiUrl, 'a');
    replicas.push(a);
    await a.holding;
    // b tries for the gateway every 2 s, so its 09:40 tick below comes before it can hold it.
    const b = startDiscordReplica(db.url, fake.apiUrl, 'b', 2000);
    replicas.push(b);
    await b.ready;
    // One session per bot token: only the holder identified.
    expect(fake.identifies).toHaveLength(1);

    expect(await interact(chatInput(ALICE, [sub('help')]))).toHaveLength(1);

    // Both tick the 09:30 prompt: only the holder sends Discord's, each once.
    await Promise.all([a.tick('2026-03-02T09:30:00Z'), b.tick('2026-03-02T09:30:00Z')]);
    expect(early.map((u) => messagesTo(fake!, u))).toEqual(early.map(() => 1));

    a.kill();
    // The 09:40 prompt comes due while the gateway may still be changing hands; b sends it once it holds.
    await b.tick('2026-03-02T09:40:00Z');
    await b.holding;
    expect(fake.identifies).toHaveLength(2);
    await b.tick('2026-03-02T09:41:00Z');
    await b.tick('2026-03-02T09:45:00Z');

    expect(await interact(chatInput(BOB, [sub('help')]))).toHaveLength(1);
    expect(early.map((u) => messagesTo(fake!, u))).toEqual(early.map(() => 1));
    expect(late.map((u) => messagesTo(fake!, u))).toEqual(late.map(() => 1));
  });
});
