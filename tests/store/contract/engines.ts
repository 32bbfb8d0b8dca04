import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FaultHook, Store } from '../../../src/core/store/index.js';
import { openLowdbStore } from '../../../src/store/lowdb/open-lowdb-store.js';

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
      async destroy() {
        await handle.store.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
    return handle;
  },
};

/**
 * Every engine the contract suite runs against. An engine is added here once; each contract test
 * runs for each entry.
 */
export const engines: EngineFactory[] = [lowdb];
