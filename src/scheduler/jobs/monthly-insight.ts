import { addDays, type LocalDate, type Weekday, weekdayOf } from '../../core/time.js';
import { insightNote } from '../../features/insight/insight-note.js';
import type { Job } from '../job.js';
import { personDailyOccurrences } from './people-daily.js';

/** True when `date` is the person's first working day of its month. */
export function firstWorkingDayOfMonth(date: LocalDate, workingDays: readonly Weekday[]): boolean {
  if (!workingDays.includes(weekdayOf(date))) return false;
  for (let d = addDays(date, -1); d.slice(0, 7) === date.slice(0, 7); d = addDays(d, -1)) if (workingDays.includes(weekdayOf(d))) return false;
  return true;
}

/**
 * A private note on the first working day of each month, at the person's prompt time, for people
 * with enough check-ins who have not turned it off. Through the ledger like every scheduled message.
 */
export const monthlyInsightJob: Job = {
  name: 'monthly-insight',
  occurrences(app, window) {
    return personDailyOccurrences(app, window, 'monthly-insight', (p) => p.promptTime).filter((o) => {
      const person = app.store.person(o.personId);
      return person !== undefined && !person.insightOff && firstWorkingDayOfMonth(o.localDate, person.workingDays);
    });
  },
  async what(app, occ) {
    const person = app.store.person(occ.personId);
    if (!person || person.insightOff) return undefined;
    return insightNote(app, person, occ.localDate);
  },
};
