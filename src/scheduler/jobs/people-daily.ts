import type { AppContext } from '../../core/app-context.js';
import type { Person } from '../../core/model/person.js';
import { effectiveTimeZone } from '../../features/people.js';
import type { Occurrence } from '../job.js';
import { dailySlots, type DailySlot } from '../local-time.js';

/**
 * Occurrences of a per-person daily message at a time the person chose, on their working days, in
 * their own zone. Nothing is due before the person first met Attune.
 */
export async function personDailyOccurrences(
  app: AppContext,
  window: { from: Date; to: Date },
  key: string,
  timeOf: (person: Person) => string,
): Promise<Occurrence[]> {
  const out: Occurrence[] = [];
  // Most people share a zone, a time and working days: compute each schedule once per window.
  const schedules = new Map<string, DailySlot[]>();
  for (const person of await app.store.people.list()) {
    const zone = effectiveTimeZone(app, person);
    const time = timeOf(person);
    const id = `${zone}|${time}|${person.workingDays.join(',')}`;
    let slots = schedules.get(id);
    if (!slots) schedules.set(id, (slots = dailySlots(window, zone, time, person.workingDays)));
    const joined = new Date(person.createdAt);
    for (const slot of slots) {
      if (slot.dueAt < joined) continue;
      out.push({ personId: person.id, key, localDate: slot.localDate, dueAt: slot.dueAt });
    }
  }
  return out;
}
