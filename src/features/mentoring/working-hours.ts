import { DateTime } from 'luxon';
import { WEEKDAYS, type Weekday } from '../../core/time.js';

/** Whose working week we compare: their zone and working days; hours are the usual 09:00-17:00 local. */
export interface Availability {
  tz: string;
  workingDays: readonly Weekday[];
}

export const WORKDAY = { from: 9, to: 17 } as const;

const HOUR = 3_600_000;

/**
 * Working intervals (UTC ms) in the week from `weekStart` (a UTC instant), cached per zone and days
 * because a match compares one person against thousands with few distinct zones.
 */
export class WorkingWeek {
  private readonly cache = new Map<string, Array<[number, number]>>();

  constructor(private readonly weekStart: number) {}

  intervals(a: Availability): Array<[number, number]> {
    const key = `${a.tz}|${a.workingDays.join(',')}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const out: Array<[number, number]> = [];
    const first = DateTime.fromMillis(this.weekStart, { zone: a.tz }).startOf('day').minus({ days: 1 });
    for (let d = 0; d < 9; d++) {
      const day = first.plus({ days: d });
      if (!a.workingDays.includes(WEEKDAYS[day.weekday - 1]!)) continue;
      const from = Math.max(day.set({ hour: WORKDAY.from }).toMillis(), this.weekStart);
      const to = Math.min(day.set({ hour: WORKDAY.to }).toMillis(), this.weekStart + 7 * 24 * HOUR);
      if (to > from) out.push([from, to]);
    }
    this.cache.set(key, out);
    return out;
  }

  /** Hours in the week when both are at work. */
  sharedHours(a: Availability, b: Availability): number {
    let ms = 0;
    for (const [af, at] of this.intervals(a)) for (const [bf, bt] of this.intervals(b)) ms += Math.max(0, Math.min(at, bt) - Math.max(af, bf));
    return ms / HOUR;
  }

  /** Hours in the week this person works. */
  hours(a: Availability): number {
    return this.intervals(a).reduce((s, [f, t]) => s + (t - f) / HOUR, 0);
  }
}
