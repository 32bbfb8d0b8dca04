import type { AppConfig } from '../config.js';
import type { Store } from '../core/store/index.js';

/**
 * Opens the configured engine. Each engine is imported only when chosen, so an installation never
 * loads the code (or the driver) of the other.
 */
export async function openStore(config: Pick<AppConfig, 'dataDir'>, now: Date): Promise<Store> {
  const { openLowdbStore } = await import('./lowdb/open-lowdb-store.js');
  return openLowdbStore({ dataDir: config.dataDir, now });
}
