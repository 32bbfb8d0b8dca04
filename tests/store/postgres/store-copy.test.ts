import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyStore, census, TargetNotEmptyError } from '../../../src/store/copy-store.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { createTestDatabase, describePg, type TestDatabase } from '../../helpers/pg-database.js';
import { seedEveryKind } from '../../helpers/seed-every-kind.js';

const run = promisify(execFile);
const TODAY = '2026-03-02';

await describePg('store:copy', (adminUrl) => {
  const dbs: TestDatabase[] = [];
  const db = async () => {
    const d = await createTestDatabase(adminUrl, 'copy');
    dbs.push(d);
    return d;
  };
  let source: TestDatabase;

  beforeAll(async () => {
    source = await db();
    const store = await PostgresStore.open({ url: source.url });
    await seedEveryKind(store);
    await store.close();
  });
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('given a store with every kind of record, the copy holds the same count of each and the same records', async () => {
    const target = await db();
    const [from, to] = [await PostgresStore.open({ url: source.url }), await PostgresStore.open({ url: target.url })];
    try {
      const counts = await copyStore(from, to, TODAY);
      expect(Object.values(counts).every((n) => n > 0)).toBe(true);
      expect(await census(to, TODAY)).toEqual(counts);
      expect(await to.privacy.exportPerson('slack:T1:U1')).toEqual(await from.privacy.exportPerson('slack:T1:U1'));
      expect(await to.pairing.pool('slack:T1')).toEqual(await from.pairing.pool('slack:T1'));
    } finally {
      await Promise.all([from.close(), to.close()]);
    }
  });

  it('given a target that already holds data, the copy refuses and writes nothing', async () => {
    const target = await db();
    const to = await PostgresStore.open({ url: target.url });
    const from = await PostgresStore.open({ url: source.url });
    try {
      await to.people.create({ id: 'slack:T9:U9', workspace: 'slack:T9', name: 'Already here', createdAt: '2026-03-01T00:00:00Z', admin: false, promptTime: '09:30', reminderTime: '16:30', workingDays: ['mon'] });
      await expect(copyStore(from, to, TODAY)).rejects.toBeInstanceOf(TargetNotEmptyError);
      expect((await census(to, TODAY)).people).toBe(1);
    } finally {
      await Promise.all([from.close(), to.close()]);
    }
  });

  it('from the command line: prints the counts, and refuses the same target a second time', async () => {
    const target = await db();
    const args = ['tsx', 'src/store/copy-cli.ts', '--from', source.url, '--to', target.url];
    const first = await run('npx', args);
    expect(first.stdout).toMatch(/counts match:\n\s+people\s+3\n/);
    const second = await run('npx', args).catch((e: { code: number; stderr: string }) => e);
    expect(second).toMatchObject({ code: 1, stderr: expect.stringContaining('The target store is not empty (it holds 3 people') });
    // Two CLI processes start under tsx: a hang guard for a busy machine, not a timing goal.
  }, 120_000);
});
