import { z } from 'zod';
import type { CheckIn } from '../../core/model/index.js';
import { HARD_MOOD, HARD_RUN, type WeekSummary } from '../../core/store/index.js';
import { addDays, weekdayOf, WEEKDAYS, type LocalDate } from '../../core/time.js';

/**
 * One month file's share of a person's week for one team. A week can straddle two months, so the
 * shares are kept mergeable: sums, and the hard check-ins at each end of the share (a run may cross
 * the month's edge).
 */
export const WeekPartialSchema = z.object({
  days: z.number().int().min(1),
  mood: z.number().int().min(0),
  energy: z.number().int().min(0),
  stress: z.number().int().min(0),
  /** Hard check-ins at the start of the share, before its first other one (all of them when all are hard). */
  lead: z.number().int().min(0),
  /** Hard check-ins at the end of the share. */
  trail: z.number().int().min(0),
  /** A hard run inside the share. */
  run: z.boolean(),
  firstAt: z.string(),
  words: z.boolean(),
});
export type WeekPartial = z.infer<typeof WeekPartialSchema>;

/** By week (its Monday), then team id. */
export const MonthWeeksSchema = z.record(z.string(), z.record(z.string(), WeekPartialSchema));
export type MonthWeeks = z.infer<typeof MonthWeeksSchema>;

export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
}

/** A month's check-ins as week shares: per team, the latest check-in of each day, as the digest counts them. */
export function monthWeeks(checkIns: readonly CheckIn[]): MonthWeeks {
  const latest = new Map<string, CheckIn>();
  for (const c of checkIns) {
    for (const team of c.teams) {
      const key = `${team}\u0000${c.localDate}`;
      const prev = latest.get(key);
      if (!prev || c.at > prev.at) latest.set(key, c);
    }
  }
  const rows = [...latest].map(([key, c]) => ({ team: key.slice(0, key.indexOf('\u0000')), c })).sort((a, b) => a.c.localDate.localeCompare(b.c.localDate));
  const out: MonthWeeks = {};
  for (const { team, c } of rows) {
    const week = (out[mondayOf(c.localDate)] ??= {});
    const hard = c.mood <= HARD_MOOD;
    const words = Boolean(c.note && c.shareNote) || Object.keys(c.custom).length > 0;
    const p = week[team];
    if (!p) {
      week[team] = { days: 1, mood: c.mood, energy: c.energy, stress: c.stress, lead: hard ? 1 : 0, trail: hard ? 1 : 0, run: false, firstAt: c.at, words };
      continue;
    }
    p.days++;
    p.mood += c.mood;
    p.energy += c.energy;
    p.stress += c.stress;
    if (hard && p.lead === p.days - 1) p.lead++;
    p.trail = hard ? p.trail + 1 : 0;
    p.run ||= p.trail >= HARD_RUN;
    if (c.at < p.firstAt) p.firstAt = c.at;
    p.words ||= words;
  }
  return out;
}

/** Two shares of one week, `a` from the earlier month. */
export function mergePartials(a: WeekPartial, b: WeekPartial): WeekPartial {
  return {
    days: a.days + b.days,
    mood: a.mood + b.mood,
    energy: a.energy + b.energy,
    stress: a.stress + b.stress,
    lead: a.lead === a.days ? a.days + b.lead : a.lead,
    trail: b.trail === b.days ? b.days + a.trail : b.trail,
    run: a.run || b.run || a.trail + b.lead >= HARD_RUN,
    firstAt: a.firstAt < b.firstAt ? a.firstAt : b.firstAt,
    words: a.words || b.words,
  };
}

/**
 * A person's weekly summaries in a range from their months' week shares, given oldest month first: a week
 * that straddles two months merges its two shares.
 */
export function summariesOf(personId: string, months: readonly MonthWeeks[], range: { from: LocalDate; to: LocalDate }): WeekSummary[] {
  const shares = new Map<string, WeekPartial>();
  for (const weeks of months) {
    for (const [week, teams] of Object.entries(weeks)) {
      if (week < range.from || week > range.to) continue;
      for (const [teamId, share] of Object.entries(teams)) {
        const key = `${week}\u0000${teamId}`;
        const before = shares.get(key);
        shares.set(key, before ? mergePartials(before, share) : share);
      }
    }
  }
  return [...shares.keys()].sort().map((key) => {
    const [week, teamId] = key.split('\u0000') as [string, string];
    return toSummary(personId, teamId, week, shares.get(key)!);
  });
}

export function toSummary(personId: string, teamId: string, week: LocalDate, p: WeekPartial): WeekSummary {
  return { personId, teamId, week, days: p.days, mood: p.mood, energy: p.energy, stress: p.stress, hardRun: p.run, firstAt: p.firstAt, words: p.words };
}
