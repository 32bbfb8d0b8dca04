import type { ReplicaSupport } from '../core/replicas.js';
import type { Store } from '../core/store/index.js';

export interface StoreLocation {
  /** DATABASE_URL: PostgreSQL. */
  databaseUrl?: string;
  /** ATTUNE_DATA_DIR: the embedded JSON store, used when there is no database URL. */
  dataDir: string;
}

export interface OpenStoreOptions {
  now: Date;
  /** Shown in pg_stat_activity, so an operator can tell replicas apart. */
  replicaName?: string;
  onDatabaseError?: (err: Error) => void;
}

/**
 * Opens the configured engine: PostgreSQL when a database URL is set, else the JSON store in the data
 * directory. Each engine is imported only when chosen, so `pg` is never loaded for the JSON store.
 */
export async function openStore(at: StoreLocation, options: OpenStoreOptions): Promise<Store> {
  if (at.databaseUrl) {
    const { PostgresStore } = await import('./postgres/postgres-store.js');
    return PostgresStore.open({
      url: at.databaseUrl,
      now: options.now,
      applicationName: options.replicaName ? `attune ${options.replicaName}` : 'attune',
      ...(options.onDatabaseError ? { onPoolError: options.onDatabaseError } : {}),
    });
  }
  const { LowdbStore } = await import('./lowdb/lowdb-store.js');
  return (await LowdbStore.open({ dataDir: at.dataDir, now: options.now })) as unknown as Store;
}

/** A --from/--to argument: a postgres:// URL or a data directory. */
export function locationOf(arg: string): StoreLocation {
  return /^postgres(ql)?:\/\//.test(arg) ? { databaseUrl: arg, dataDir: '' } : { dataDir: arg };
}

/** The replica services of a store shared by several processes; undefined for the single-process JSON store. */
export function replicaSupportOf(store: Store): ReplicaSupport | undefined {
  return (store as Store & { replicas?: ReplicaSupport }).replicas;
}
