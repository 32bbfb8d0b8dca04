/**
 * Everything the scale benchmark asks of the store, in one place, through the store port (the same
 * calls the app makes): moving the benchmark to another interface means changing this file only.
 */
import { createApp, type App } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import type { CheckIn } from '../../src/core/model/history.js';
import type { Person } from '../../src/core/model/person.js';
import type { Team } from '../../src/core/model/team.js';
import type { Store } from '../../src/core/store/index.js';
import { silentLogger } from '../../src/logger.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';
import { NOW } from './shape.js';

export type BenchStore = Store;

export function openStore(dataDir: string): Promise<BenchStore> {
  return openLowdbStore({ dataDir, now: new Date(NOW) });
}

export async function writeCheckIn(store: BenchStore, checkIn: CheckIn): Promise<void> {
  await store.history.addCheckIn(checkIn);
}

export async function writePersonSettings(store: BenchStore, id: string, promptTime: string): Promise<void> {
  const updated = await store.people.update(id, (current) => ({ ...current, promptTime }));
  if (!updated) throw new Error(`no person ${id}`);
}

export function claimEvent(store: BenchStore, key: string, now: Date): Promise<boolean> {
  return store.events.claim(key, now);
}

export async function exportPerson(store: BenchStore, id: string): Promise<number> {
  const data = await store.privacy.exportPerson(id);
  if (!data) throw new Error(`no person ${id} to export`);
  return data.checkins.length;
}

export function erasePerson(store: BenchStore, id: string): Promise<void> {
  return store.privacy.erasePerson(id);
}

export async function teamById(app: App, id: string): Promise<Team> {
  const team = await app.store.teams.get(id);
  if (!team) throw new Error(`no team ${id}`);
  return team;
}

export function closeStore(store: BenchStore): Promise<void> {
  return store.close();
}

/** The whole app over the data directory, as `npm start` builds it (no platform adapter). */
export async function openApp(dataDir: string): Promise<App & { clock: ManualClock }> {
  const clock = new ManualClock(NOW);
  const app = await createApp({ config: testConfig({ dataDir, defaultTimeZone: 'UTC' }), clock, log: silentLogger });
  return { ...app, clock };
}

export function everyone(app: App): Promise<Person[]> {
  return app.store.people.list();
}
