import { addDays, weekdayOf, type LocalDate, type Weekday } from '../core/time.js';

/**
 * Consecutive days with an entry, counted back from today (or yesterday while today is still open).
 * Days off (not a working day) neither count nor break the streak.
 */
export function streak(activeDays: ReadonlySet<LocalDate>, today: LocalDate, workingDays: readonly Weekday[]): number {
  let day = activeDays.has(today) ? today : addDays(today, -1);
  let count = 0;
  for (let i = 0; i < 400; i++) {
    if (activeDays.has(day)) count++;
    else if (workingDays.includes(weekdayOf(day))) break;
    day = addDays(day, -1);
  }
  return count;
}
