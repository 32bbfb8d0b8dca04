import type { AppContext } from '../../core/app-context.js';
import type { Person } from '../../core/model/person.js';
import { effectiveTimeZone } from '../../features/people.js';
import type { Occurrence } from '../job.js';
import { dailySlots } from '../local-time.js';

/**
 * Occurrences of a per-person daily message at a time the person chose, on their working days, in
 * their own zone. Nothing is due before the person first met Attune.
 */
export function personDailyOccurrences(
  app: AppContext,
  window: { from: Date; to: Date },
  key: string,
  timeOf: (person: Person) => string,
): Occurrence[] {
  const out: Occurrence[] = [];
  for (const person of app.store.people()) {
    const zone = effectiveTimeZone(app, person);
    const joined = new Date(person.createdAt);
    for (const slot of dailySlots(window, zone, timeOf(person), person.workingDays)) {
      if (slot.dueAt < joined) continue;
      out.push({ personId: person.id, key, localDate: slot.localDate, dueAt: slot.dueAt });
    }
  }
  return out;
}
