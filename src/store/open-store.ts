import type { AppConfig } from '../config.js';
import type { ReplicaSupport } from '../core/replicas.js';
import type { Store } from '../core/store/index.js';

export interface OpenStoreOptions {
  /** Shown in pg_stat_activity, so an operator can tell replicas apart. */
  replicaName?: string;
  onDatabaseError?: (err: Error) => void;
}

/**
 * Opens the configured engine: PostgreSQL when DATABASE_URL is set, else the JSON store in the data
 * directory. Each engine is imported only when chosen, so `pg` is never loaded for the JSON store.
 */
export async function openStore(config: Pick<AppConfig, 'dataDir' | 'databaseUrl'> & Partial<Pick<AppConfig, 'ledgerRetentionDays'>>, now: Date, options: OpenStoreOptions = {}): Promise<Store> {
  if (config.databaseUrl) {
    const { PostgresStore } = await import('./postgres/postgres-store.js');
    return PostgresStore.open({
      url: config.databaseUrl,
      now,
      applicationName: options.replicaName ? `attune ${options.replicaName}` : 'attune',
      ...(options.onDatabaseError ? { onPoolError: options.onDatabaseError } : {}),
    });
  }
  const { openLowdbStore } = await import('./lowdb/open-lowdb-store.js');
  return openLowdbStore({ dataDir: config.dataDir, now, ...(config.ledgerRetentionDays !== undefined ? { ledgerRetentionDays: config.ledgerRetentionDays } : {}) });
}

/** A --from/--to argument of store:copy: a postgres:// URL or a data directory. */
export function locationOf(arg: string): Pick<AppConfig, 'dataDir' | 'databaseUrl'> {
  return /^postgres(ql)?:\/\//.test(arg) ? { databaseUrl: arg, dataDir: '' } : { dataDir: arg };
}

/** The replica services of a store shared by several processes; undefined for the single-process JSON store. */
export function replicaSupportOf(store: Store): ReplicaSupport | undefined {
  return (store as Store & { replicas?: ReplicaSupport }).replicas;
}
