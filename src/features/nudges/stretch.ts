import type { CheckIn } from '../../core/model/history.js';
import { addDays, weekdayOf, type LocalDate, type Weekday } from '../../core/time.js';

/** A check-in that suggests a hard moment: stress 4 or more, or mood 2 or less. */
export function isHardCheckIn(c: Pick<CheckIn, 'mood' | 'stress'>): boolean {
  return c.stress >= 4 || c.mood <= 2;
}

/** The working day before `date` (any day when the person works every day). */
export function previousWorkingDay(date: LocalDate, workingDays: readonly Weekday[]): LocalDate {
  for (let back = 1; back <= 7; back++) {
    const day = addDays(date, -back);
    if (workingDays.includes(weekdayOf(day))) return day;
  }
  return addDays(date, -1);
}

/**
 * True when the two working days before `date` each had a hard check-in: the person has had two
 * hard days in a row, so the prompt on `date` comes with a nudge.
 */
export function hardDaysInARowBefore(checkIns: readonly CheckIn[], date: LocalDate, workingDays: readonly Weekday[]): boolean {
  const hardDays = new Set(checkIns.filter(isHardCheckIn).map((c) => c.localDate));
  const yesterday = previousWorkingDay(date, workingDays);
  return hardDays.has(yesterday) && hardDays.has(previousWorkingDay(yesterday, workingDays));
}

/** The run of mood-1 check-ins at the end of the history (in time order): its length and first date. */
export function lowMoodRun(checkIns: readonly CheckIn[]): { length: number; start?: LocalDate } {
  const sorted = [...checkIns].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  let length = 0;
  let start: LocalDate | undefined;
  for (let i = sorted.length - 1; i >= 0 && sorted[i]!.mood === 1; i--) {
    length++;
    start = sorted[i]!.localDate;
  }
  return start ? { length, start } : { length };
}

/** Check-ins in a row with mood 1 before the support message is shown. */
export const SUPPORT_AFTER = 3;

/** The stretch to show the support message for now, or undefined (not low enough, or already shown for it). */
export function supportDue(checkIns: readonly CheckIn[], shownFor: LocalDate | undefined): LocalDate | undefined {
  const run = lowMoodRun(checkIns);
  if (run.length < SUPPORT_AFTER || !run.start) return undefined;
  return run.start === shownFor ? undefined : run.start;
}
