import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase, describePg, type TestDatabase } from '../../helpers/pg-database.js';

const run = promisify(execFile);
const fixture = path.resolve('tests/fixtures/open-store-loaded.ts');

await describePg('choosing the engine by DATABASE_URL', (adminUrl) => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const c of cleanup) await c();
  });

  it('given no DATABASE_URL, the JSON store opens and the pg driver is never loaded', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'attune-open-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', fixture, dir]);
    expect(JSON.parse(stdout)).toEqual({ engine: expect.not.stringMatching(/postgres/), pgLoaded: false });
  });

  it('given DATABASE_URL, the PostgreSQL store opens', async () => {
    const db: TestDatabase = await createTestDatabase(adminUrl, 'open');
    cleanup.push(() => db.drop());
    const { stdout } = await run(process.execPath, ['--import', 'tsx', fixture, '/nonexistent-unused', db.url]);
    expect(JSON.parse(stdout)).toEqual({ engine: 'postgres', pgLoaded: true });
  });
});
