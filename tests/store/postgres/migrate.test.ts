import { afterEach, beforeEach, expect, it } from 'vitest';
import type pg from 'pg';
import { loadMigrations, migrate, SchemaTooNewError } from '../../../src/store/postgres/migrate.js';
import { openPool, DatabaseUnreachableError } from '../../../src/store/postgres/pool.js';
import { createTestDatabase, describePg, type TestDatabase } from '../../helpers/pg-database.js';

await describePg('PostgreSQL migrations', (adminUrl) => {
  let db: TestDatabase;
  const pools: pg.Pool[] = [];
  const pool = async () => {
    const p = await openPool(db.url);
    pools.push(p);
    return p;
  };

  beforeEach(async () => {
    db = await createTestDatabase(adminUrl, 'migrate');
  });
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
    await db.drop();
  });

  it('given an empty database, migrating creates the tables and records every version once', async () => {
    const p = await pool();
    const versions = (await loadMigrations()).map((m) => m.version);
    expect(await migrate(p)).toEqual(versions);
    expect(await migrate(p)).toEqual([]);
    const recorded = await p.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(recorded.rows.map((r) => r.version)).toEqual(versions);
    const tables = await p.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['people', 'deliveries', 'event_keys', 'pair_rounds', 'digest_weeks', 'outbox']));
  });

  it('given two replicas starting at once (two sessions), exactly one applies the migrations', async () => {
    const [a, b, c] = await Promise.all([pool(), pool(), pool()]);
    const results = await Promise.all([migrate(a), migrate(b), migrate(c)]);
    const versions = (await loadMigrations()).map((m) => m.version);
    expect(results.filter((r) => r.length > 0)).toEqual([versions]);
    expect(results.filter((r) => r.length === 0)).toHaveLength(2);
  });

  it('given a database migrated by a newer Attune, start-up stops and names both versions', async () => {
    const p = await pool();
    await migrate(p);
    await p.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from-the-future')");
    await expect(migrate(p)).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(migrate(p)).rejects.toThrow(/version 999, newer than this Attune knows/);
  });

  it('given a migration that fails, it is rolled back and not recorded', async () => {
    const p = await pool();
    const bad = [{ version: 1, name: 'bad', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' }];
    await expect(migrate(p, bad)).rejects.toThrow(/Migration 001-bad failed and was rolled back/);
    const half = await p.query("SELECT to_regclass('public.half_done') AS t");
    expect(half.rows[0].t).toBeNull();
    expect((await p.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n).toBe(0);
  });

  it('given a wrong DATABASE_URL, opening says which database and hides the password', async () => {
    const url = new URL(db.url);
    url.password = 'hunter2';
    url.pathname = '/no_such_database_here';
    const err = await openPool(url.toString()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnreachableError);
    expect((err as Error).message).toContain('no_such_database_here');
    expect((err as Error).message).not.toContain('hunter2');
  });
});
