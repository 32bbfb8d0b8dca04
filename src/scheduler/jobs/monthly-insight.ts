import { addDays, type LocalDate, type Weekday, weekdayOf } from '../../core/time.js';
import { INSIGHT_DAYS, insightNote } from '../../features/insight/insight-note.js';
import { MIN_CHECKINS } from '../../features/insight/patterns.js';
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
  async occurrences(app, window) {
    const all = await personDailyOccurrences(app, window, 'monthly-insight', (p) => p.promptTime);
    const people = new Map((await app.store.people.list()).map((p) => [p.id, p]));
    const due = all.filter((o) => {
      const person = people.get(o.personId);
      return person !== undefined && !person.insightOff && firstWorkingDayOfMonth(o.localDate, person.workingDays);
    });
    // Only people with enough check-ins are due at all, so the ledger holds no entry for the rest.
    const enough = await Promise.all(
      due.map(async (o) => (await app.store.history.checkIns(o.personId, { from: addDays(o.localDate, -INSIGHT_DAYS), to: addDays(o.localDate, -1) })).length >= MIN_CHECKINS),
    );
    return due.filter((_, i) => enough[i]);
  },
  async what(app, occ) {
    const person = await app.store.people.get(occ.personId);
    if (!person || person.insightOff) return undefined;
    return insightNote(app, person, occ.localDate);
  },
};
