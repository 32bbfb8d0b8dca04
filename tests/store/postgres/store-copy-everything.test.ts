import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Store } from '../../../src/core/store/index.js';
import { census, copyStore, TargetNotEmptyError } from '../../../src/store/copy-store.js';
import { openStore } from '../../../src/store/open-store.js';
import { createTestDatabase, describePg } from '../../helpers/pg-database.js';
import { REMOVED_TEAM_WEEK, seedEveryKind } from '../../helpers/seed-every-kind.js';

const TODAY = '2026-03-02';
const NOW = new Date(`${TODAY}T12:00:00Z`);

await describePg('store:copy carries everything, in both directions', (adminUrl) => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });
  const json = async (): Promise<Store> => {
    const dir = await mkdtemp(path.join(tmpdir(), 'attune-copy-all-'));
    const store = await openStore({ dataDir: dir }, NOW);
    cleanup.push(() => rm(dir, { recursive: true, force: true }), () => store.close());
    return store;
  };
  const postgres = async (): Promise<Store> => {
    const db = await createTestDatabase(adminUrl, 'copyall');
    const store = await openStore({ dataDir: '', databaseUrl: db.url }, NOW);
    cleanup.push(() => db.drop(), () => store.close());
    return store;
  };

  /** What the census cannot see: the records themselves of the kinds this copy added. */
  async function expectSameDetails(from: Store, to: Store): Promise<void> {
    expect(await to.digest.ledger('slack:T1', REMOVED_TEAM_WEEK)).toEqual(await from.digest.ledger('slack:T1', REMOVED_TEAM_WEEK));
    expect(await to.digest.ledger('slack:T1', REMOVED_TEAM_WEEK)).toHaveLength(1);
    expect(await to.events.claim('slack:Ev0001', NOW)).toBe(false);
    expect((await to.outbox.unsent()).map(({ key, recipients, reply }) => ({ key, recipients, reply }))).toEqual(
      (await from.outbox.unsent()).map(({ key, recipients, reply }) => ({ key, recipients, reply })),
    );
    expect(await to.practice.thanks.list()).toEqual(await from.practice.thanks.list());
    expect(await to.practice.people.list()).toEqual(await from.practice.people.list());
  }

  it('given PostgreSQL with every kind of record (event keys, a removed team\'s published week, practice, an unsent message), it moves to the JSON store with the same counts and records', async () => {
    const [from, to] = [await postgres(), await json()];
    await seedEveryKind(from);
    const counts = await copyStore(from, to, TODAY, NOW);
    expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
    expect(await census(to, TODAY, NOW)).toEqual(counts);
    await expectSameDetails(from, to);
  });

  it('given the JSON store with every kind of record, it moves to PostgreSQL with the same counts and records', async () => {
    const [from, to] = [await json(), await postgres()];
    await seedEveryKind(from);
    const counts = await copyStore(from, to, TODAY, NOW);
    expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
    expect(await census(to, TODAY, NOW)).toEqual(counts);
    await expectSameDetails(from, to);
  });

  it.each([
    ['an event key', (s: Store) => s.events.claim('slack:Ev9', NOW)],
    ['an unsent message', (s: Store) => s.outbox.enqueue({ key: 'k', recipients: ['slack:T9:U9'], reply: { text: 'hi', blocks: [] } }, NOW)],
  ])('given a target holding only %s, the copy refuses and writes nothing, on either engine', async (_what, put) => {
    for (const [from, to] of [[await json(), await postgres()], [await postgres(), await json()]] as const) {
      await seedEveryKind(from);
      await put(to);
      const before = await census(to, TODAY, NOW);
      await expect(copyStore(from, to, TODAY, NOW)).rejects.toBeInstanceOf(TargetNotEmptyError);
      expect(await census(to, TODAY, NOW)).toEqual(before);
    }
  });
});
