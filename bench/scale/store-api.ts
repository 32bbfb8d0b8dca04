/**
 * Everything the scale benchmark asks of the store engine, in one place: moving the benchmark to a
 * new store interface means changing this file only.
 */
import { createApp, type App } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import type { CheckIn } from '../../src/core/model/history.js';
import type { Person } from '../../src/core/model/person.js';
import type { Team } from '../../src/core/model/team.js';
import { silentLogger } from '../../src/logger.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { NOW } from './shape.js';

export type BenchStore = LowdbStore;

export function openStore(dataDir: string): Promise<BenchStore> {
  return LowdbStore.open({ dataDir, now: new Date(NOW) });
}

export async function writeCheckIn(store: BenchStore, checkIn: CheckIn): Promise<void> {
  await store.addCheckIn(checkIn);
}

export async function writePersonSettings(store: BenchStore, id: string, promptTime: string): Promise<void> {
  const current = store.person(id);
  if (!current) throw new Error(`no person ${id}`);
  await store.savePerson({ ...current, promptTime } as Person);
}

export function claimEvent(store: BenchStore, key: string, now: Date): Promise<boolean> {
  return store.claimEvent(key, now);
}

export async function exportPerson(store: BenchStore, id: string): Promise<number> {
  const data = await store.exportPerson(id);
  if (!data) throw new Error(`no person ${id} to export`);
  return data.checkins.length;
}

export function erasePerson(store: BenchStore, id: string): Promise<void> {
  return store.erasePerson(id);
}

export async function teamById(app: App, id: string): Promise<Team> {
  const team = app.store.team(id);
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

export async function everyone(app: App): Promise<Person[]> {
  return app.store.people();
}
