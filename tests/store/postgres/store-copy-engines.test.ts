import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { census, copyStore } from '../../../src/store/copy-store.js';
import { openStore } from '../../../src/store/open-store.js';
import { createTestDatabase, describePg, type TestDatabase } from '../../helpers/pg-database.js';
import { seedEveryKind } from '../../helpers/seed-every-kind.js';

const TODAY = '2026-03-02';
const NOW = new Date(`${TODAY}T10:00:00Z`);

await describePg('store:copy between the JSON store and PostgreSQL', (adminUrl) => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const c of cleanup) await c();
  });
  const dir = async () => {
    const d = await mkdtemp(path.join(tmpdir(), 'attune-copy-'));
    cleanup.push(() => rm(d, { recursive: true, force: true }));
    return d;
  };

  it('given a JSON store with every kind of record, it moves to PostgreSQL and back with the same counts and the same person export', async () => {
    const db: TestDatabase = await createTestDatabase(adminUrl, 'copyengines');
    cleanup.push(() => db.drop());
    const json = await openStore({ dataDir: await dir() }, NOW);
    await seedEveryKind(json);
    const pg = await openStore({ dataDir: '', databaseUrl: db.url }, NOW);
    const back = await openStore({ dataDir: await dir() }, NOW);
    try {
      const counts = await copyStore(json, pg, TODAY);
      expect(Object.values(counts).every((n) => n > 0)).toBe(true);
      expect(await copyStore(pg, back, TODAY)).toEqual(counts);
      expect(await census(back, TODAY)).toEqual(counts);
      const original = await json.privacy.exportPerson('slack:T1:U2');
      expect(await pg.privacy.exportPerson('slack:T1:U2')).toEqual(original);
      expect(await back.privacy.exportPerson('slack:T1:U2')).toEqual(original);
    } finally {
      await Promise.all([json.close(), pg.close(), back.close()]);
    }
  });
});
