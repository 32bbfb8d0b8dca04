import { DateTime } from 'luxon';
import { addDays, type LocalDate } from '../../core/time.js';

/** A calendar week, Monday to Sunday (local dates, inclusive). */
export interface Week {
  from: LocalDate;
  to: LocalDate;
}

export const TREND_WEEKS = 8;

/**
 * The last `count` complete calendar weeks before `today`, oldest first. Weeks are fixed Monday-Sunday
 * blocks for every team and viewer: a window that slid with the day asked, the digest day or the
 * viewer's zone would let two digests differ by one day of one person's answers.
 */
export function completeWeeks(today: LocalDate, count = TREND_WEEKS): Week[] {
  const weekday = DateTime.fromISO(today, { zone: 'utc' }).weekday; // 1 = Monday
  const thisMonday = addDays(today, -(weekday - 1));
  const weeks: Week[] = [];
  for (let i = count; i >= 1; i--) {
    const from = addDays(thisMonday, -7 * i);
    weeks.push({ from, to: addDays(from, 6) });
  }
  return weeks;
}

export function isoWeekNumber(date: LocalDate): number {
  return DateTime.fromISO(date, { zone: 'utc' }).weekNumber;
}
