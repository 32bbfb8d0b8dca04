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

/** The latest check-in of each local date, in date order (a replaced or repeated answer counts once). */
function onePerDay(checkIns: readonly CheckIn[]): CheckIn[] {
  const byDate = new Map<LocalDate, CheckIn>();
  for (const c of [...checkIns].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) byDate.set(c.localDate, c);
  return [...byDate.values()].sort((a, b) => a.localDate.localeCompare(b.localDate));
}

/** Of the last LOW_WINDOW check-ins, this many at mood LOW_MOOD or lower make a hard stretch. */
export const LOW_WINDOW = 4;
export const LOW_NEEDED = 3;
export const LOW_MOOD = 2;
/** Stress 5 this many times within STRESS_DAYS days (counting the latest day) makes a hard stretch. */
export const STRESS_NEEDED = 2;
export const STRESS_DAYS = 7;

/**
 * True when the check-ins (one per day, in date order) end in a sustained hard stretch: 3 of the last
 * 4 at mood 2 or lower, or stress 5 twice within the 7 days up to the latest one.
 */
export function isHardStretch(days: readonly CheckIn[]): boolean {
  const latest = days[days.length - 1];
  if (!latest) return false;
  const lowMoods = days.slice(-LOW_WINDOW).filter((c) => c.mood <= LOW_MOOD).length;
  if (lowMoods >= LOW_NEEDED) return true;
  const weekFrom = addDays(latest.localDate, -(STRESS_DAYS - 1));
  return days.filter((c) => c.localDate >= weekFrom && c.stress === 5).length >= STRESS_NEEDED;
}

/**
 * The hard stretch the check-ins end in, named by its first date: the earliest check-in from which
 * every check-in up to the latest ended a hard stretch. Undefined when the latest does not.
 */
export function hardStretchStart(checkIns: readonly CheckIn[]): LocalDate | undefined {
  const days = onePerDay(checkIns);
  let start: LocalDate | undefined;
  for (let end = days.length; end > 0 && isHardStretch(days.slice(0, end)); end--) start = days[end - 1]!.localDate;
  return start;
}

/** The stretch to show the support message for now, or undefined (no hard stretch, or already shown for this one). */
export function supportDue(checkIns: readonly CheckIn[], shownFor: LocalDate | undefined): LocalDate | undefined {
  const start = hardStretchStart(checkIns);
  return start === shownFor ? undefined : start;
}
