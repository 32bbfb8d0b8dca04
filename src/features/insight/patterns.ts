import type { CheckIn } from '../../core/model/history.js';
import { WEEKDAYS, weekdayOf, type LocalDate, type Weekday } from '../../core/time.js';

/** A note needs at least this many check-ins in the period; fewer say nothing reliable. */
export const MIN_CHECKINS = 10;
/** A weekday counts only with this many check-ins on it, and a comparison only with this many on each side. */
export const MIN_PER_GROUP = 3;
/** A difference smaller than this (on the 1-5 scale) is not called a pattern. */
export const MIN_DIFFERENCE = 0.5;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round1 = (x: number) => Math.round(x * 10) / 10;

export interface Averages {
  count: number;
  mood: number;
  energy: number;
  stress: number;
}

export function averages(checkIns: readonly CheckIn[]): Averages {
  return { count: checkIns.length, mood: round1(mean(checkIns.map((c) => c.mood))), energy: round1(mean(checkIns.map((c) => c.energy))), stress: round1(mean(checkIns.map((c) => c.stress))) };
}

/**
 * The weekday with the highest average stress, when it has at least MIN_PER_GROUP check-ins, the
 * other days together have as many, and it stands MIN_DIFFERENCE or more above them.
 */
export function stressiestWeekday(checkIns: readonly CheckIn[]): { day: Weekday; stress: number; others: number } | undefined {
  let best: { day: Weekday; stress: number; others: number } | undefined;
  for (const day of WEEKDAYS) {
    const on = checkIns.filter((c) => weekdayOf(c.localDate) === day).map((c) => c.stress);
    const off = checkIns.filter((c) => weekdayOf(c.localDate) !== day).map((c) => c.stress);
    if (on.length < MIN_PER_GROUP || off.length < MIN_PER_GROUP) continue;
    const found = { day, stress: round1(mean(on)), others: round1(mean(off)) };
    if (!best || found.stress > best.stress) best = found;
  }
  return best && round1(best.stress - best.others) >= MIN_DIFFERENCE ? best : undefined;
}

/**
 * How stress moved from one check-in to the next, after days with a breathing exercise and after
 * other days: a pattern only with MIN_PER_GROUP pairs on each side and a gap of MIN_DIFFERENCE or more.
 * Negative changes mean stress fell.
 */
export function breathingEffect(checkIns: readonly CheckIn[], breathingDays: ReadonlySet<LocalDate>): { after: number; otherwise: number; pairs: number } | undefined {
  const sorted = [...checkIns].sort((a, b) => a.localDate.localeCompare(b.localDate));
  const withEx: number[] = [];
  const without: number[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const change = sorted[i + 1]!.stress - sorted[i]!.stress;
    (breathingDays.has(sorted[i]!.localDate) ? withEx : without).push(change);
  }
  if (withEx.length < MIN_PER_GROUP || without.length < MIN_PER_GROUP) return undefined;
  const after = round1(mean(withEx));
  const otherwise = round1(mean(without));
  return Math.abs(round1(after - otherwise)) >= MIN_DIFFERENCE ? { after, otherwise, pairs: withEx.length } : undefined;
}
