import type { Store } from '../core/store/index.js';
import { readableTeams } from '../core/access.js';
import type { EiComponent } from '../core/model/history.js';
import type { Person } from '../core/model/person.js';
import { addDays, type LocalDate } from '../core/time.js';
import { streak } from './streak.js';

const WINDOW_DAYS = 90;

/** What a home screen shows a person: only their own dates and scores, and the teams they may read. */
export interface HomeSummary {
  streak: number;
  lastCheckIn?: { localDate: LocalDate; mood: number; energy: number; stress: number };
  /** The date and EI component only: the answer itself stays in `history`. */
  lastReflection?: { localDate: LocalDate; component: EiComponent };
  /** Teams whose digest the person may read (access.ts decides), as slug and name. */
  teams: Array<{ slug: string; name: string }>;
}

/** Builds the summary for a person who may not exist yet (then: nothing recorded, no teams). */
export async function homeSummary(store: Store, person: Person | undefined, today: LocalDate): Promise<HomeSummary> {
  if (!person) return { streak: 0, teams: [] };
  const range = { from: addDays(today, -WINDOW_DAYS), to: today };
  const [reflections, checkins] = await Promise.all([store.history.reflections(person.id, range), store.history.checkIns(person.id, range)]);
  const active = new Set([...reflections, ...checkins].map((r) => r.localDate));
  const byTime = <T extends { at: string }>(a: T, b: T) => a.at.localeCompare(b.at);
  const lastCheckIn = [...checkins].sort(byTime).at(-1);
  const lastReflection = [...reflections].sort(byTime).at(-1);
  return {
    streak: streak(active, today, person.workingDays),
    ...(lastCheckIn ? { lastCheckIn: { localDate: lastCheckIn.localDate, mood: lastCheckIn.mood, energy: lastCheckIn.energy, stress: lastCheckIn.stress } } : {}),
    ...(lastReflection ? { lastReflection: { localDate: lastReflection.localDate, component: lastReflection.component } } : {}),
    teams: (await readableTeams(store, person)).map((t) => ({ slug: t.id.slice(t.id.lastIndexOf('/') + 1), name: t.name })),
  };
}
