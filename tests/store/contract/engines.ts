import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FaultHook, Store } from '../../../src/core/store/index.js';
import { afterAll } from 'vitest';
import { openLowdbStore } from '../../../src/store/lowdb/open-lowdb-store.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { createTestDatabase, pgTestServer, type TestDatabase } from '../../helpers/pg-database.js';

/** The moment every contract test starts at (a Monday, 10:00 UTC). */
export const T0 = new Date('2026-03-02T10:00:00Z');

/** One engine's fresh, empty store, and how to reopen the same data. */
export interface EngineHandle {
  store: Store;
  /**
   * Lets go of the store (after a simulated crash, nothing more is written by it) and opens the same
   * data again, as a restarted process would.
   */
  reopen(options?: { faults?: FaultHook }): Promise<Store>;
  /**
   * Another sender's view of the same data: a second store on the same database for PostgreSQL (as a
   * second replica has), the same store for the JSON store (one process per data directory).
   */
  peer(): Promise<Store>;
  /** Closes the store and removes its data. */
  destroy(): Promise<void>;
}

export interface EngineFactory {
  name: string;
  create(options?: { faults?: FaultHook }): Promise<EngineHandle>;
}

const lowdb: EngineFactory = {
  name: 'lowdb',
  async create(options = {}) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'attune-contract-'));
    const handle: EngineHandle = {
      store: await openLowdbStore({ dataDir, now: T0, ...(options.faults ? { faults: options.faults } : {}) }),
      async reopen(next = {}) {
        await handle.store.close();
        handle.store = await openLowdbStore({ dataDir, now: T0, ...(next.faults ? { faults: next.faults } : {}) });
        return handle.store;
      },
      peer: async () => handle.store,
      async destroy() {
        await handle.store.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
    return handle;
  },
};

/**
 * PostgreSQL: one database per test file (created on first use, dropped after the file); each store
 * starts from emptied tables. In CI a missing server fails the file; on a laptop without one this
 * engine is left out and the harness says how to enable it (ATTUNE_TEST_PG).
 */
function postgres(adminUrl: string): EngineFactory {
  let db: Promise<TestDatabase> | undefined;
  afterAll(async () => {
    if (db) await (await db).drop();
  });
  return {
    name: 'postgres',
    async create(options = {}) {
      db ??= createTestDatabase(adminUrl, 'contract');
      const { url } = await db;
      const open = (faults?: FaultHook) => PostgresStore.open({ url, now: T0, ...(faults ? { fault: faults } : {}) });
      const first = await open(options.faults);
      const { rows } = await first.pool.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'");
      await first.pool.query(`TRUNCATE ${rows.map((r) => r.tablename).join(', ')}`);
      const peers: Store[] = [];
      const handle: EngineHandle = {
        store: first,
        async peer() {
          const other = await open();
          peers.push(other);
          return other;
        },
        async reopen(next = {}) {
          await handle.store.close();
          handle.store = await open(next.faults);
          return handle.store;
        },
        async destroy() {
          await Promise.all(peers.map((p) => p.close()));
          await handle.store.close();
        },
      };
      return handle;
    },
  };
}

const server = await pgTestServer();

/**
 * Every engine the contract suite runs against. An engine is added here once; each contract test
 * runs for each entry.
 */
export const engines: EngineFactory[] = [lowdb, ...(server.available ? [postgres(server.adminUrl)] : [])];
