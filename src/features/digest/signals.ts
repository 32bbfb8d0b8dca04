import type { CoachingTip, SignalKind } from '../../content/coaching-tips.js';
import { stableHash } from '../../core/hash.js';
import type { DigestWeek } from '../../core/model/digest-week.js';
import { isoWeekNumber } from './weeks.js';

export const MOOD_DROP = 0.5;
export const HIGH_STRESS_SHARE = 0.3;
export const PARTICIPATION_DROP_POINTS = 20;
/** Share of respondents with a hard run (three hard check-ins in a row) that raises the hard-days signal. */
export const HARD_RUN_SHARE = 0.3;
/** A team's mean energy at or under this raises the low-energy signal. */
export const LOW_ENERGY = 2.5;
/** Mean mood at or under this two weeks running, without a fall of MOOD_DROP, is low and steady. */
export const LOW_MOOD = 2.8;
/** Mood up this much, or stress down this much, week over week: what to keep doing. */
export const IMPROVEMENT = 0.5;

export interface Signal {
  kind: SignalKind;
  /** Figures for the reason's wording. */
  vars: Record<string, string | number>;
}

/** Percent of members who checked in (noisy); undefined when the count is not published (under the threshold: "fewer than"). */
export function participation(week: DigestWeek): number | undefined {
  // Weeks frozen before the release rule kept an exact count under the threshold: it is not shown either.
  if (week.withheld === 'too-few' || week.respondents === undefined || week.members === 0) return undefined;
  return Math.min(100, (100 * week.respondents) / week.members);
}

/** Respondents as the noisy distribution counts them, so shares use one consistent denominator. */
const counted = (week: DigestWeek) => (week.stress ? week.stress.distribution.reduce((a, b) => a + b, 0) : 0);

/**
 * The early warnings for the latest week against the one before. Each is computed only from figures
 * the digest shows (noisy, frozen), so a signal says nothing the figures do not.
 */
export function signals(latest: DigestWeek, previous: DigestWeek | undefined): Signal[] {
  const out: Signal[] = [];
  if (latest.mood && previous?.mood && !latest.withheld && !previous.withheld) {
    const change = Math.round((latest.mood.mean - previous.mood.mean) * 10) / 10;
    if (change <= -MOOD_DROP) out.push({ kind: 'mood-drop', vars: { from: previous.mood.mean.toFixed(1), to: latest.mood.mean.toFixed(1), change: (-change).toFixed(1) } });
  }
  const total = counted(latest);
  if (latest.stress && latest.stressHigh !== undefined && !latest.withheld && total > 0) {
    const share = latest.stressHigh / total;
    if (share >= HIGH_STRESS_SHARE) out.push({ kind: 'high-stress', vars: { people: latest.stressHigh, respondents: total, percent: Math.round(share * 100) } });
  }
  const now = participation(latest);
  const before = previous ? participation(previous) : undefined;
  if (now !== undefined && before !== undefined && before - now >= PARTICIPATION_DROP_POINTS) {
    out.push({ kind: 'participation-drop', vars: { from: Math.round(before), to: Math.round(now), points: Math.round(before - now) } });
  }
  if (!latest.withheld && latest.hardRuns !== undefined && total > 0) {
    const share = Math.min(latest.hardRuns, total) / total;
    if (share >= HARD_RUN_SHARE) out.push({ kind: 'bad-days', vars: { people: Math.min(latest.hardRuns, total), respondents: total, percent: Math.round(share * 100) } });
  }
  out.push(...carePatterns(latest, previous?.withheld ? undefined : previous));
  return out;
}

const change = (now: number, before: number) => Math.round((now - before) * 10) / 10;

/**
 * The slower patterns, from shown figures only: energy low this week; mood low two weeks running
 * without a fall (a fall is the mood-drop signal); and improvement (mood up or stress down, the other
 * not clearly worse), so a lead knows what to keep doing.
 */
function carePatterns(latest: DigestWeek, previous: DigestWeek | undefined): Signal[] {
  if (latest.withheld) return [];
  const out: Signal[] = [];
  if (latest.energy && latest.energy.mean <= LOW_ENERGY) out.push({ kind: 'low-energy', vars: { mean: latest.energy.mean.toFixed(1) } });
  if (!previous?.mood || !latest.mood) return out;
  const moodChange = change(latest.mood.mean, previous.mood.mean);
  if (latest.mood.mean <= LOW_MOOD && previous.mood.mean <= LOW_MOOD && moodChange > -MOOD_DROP) {
    out.push({ kind: 'mood-low-steady', vars: { from: previous.mood.mean.toFixed(1), to: latest.mood.mean.toFixed(1) } });
  }
  const stressChange = latest.stress && previous.stress ? change(latest.stress.mean, previous.stress.mean) : 0;
  // Better in one and not clearly worse in the other: mood down 1.5 beside stress down 0.5 is no better week.
  const moodBetter = moodChange >= IMPROVEMENT && stressChange < IMPROVEMENT;
  const stressBetter = stressChange <= -IMPROVEMENT && moodChange > -MOOD_DROP;
  if (moodBetter || stressBetter) {
    out.push({
      kind: 'improving',
      vars: {
        moodFrom: previous.mood.mean.toFixed(1),
        moodTo: latest.mood.mean.toFixed(1),
        stressFrom: previous.stress?.mean.toFixed(1) ?? '-',
        stressTo: latest.stress?.mean.toFixed(1) ?? '-',
      },
    });
  }
  return out;
}

/** This week's tip for a signal: tips rotate by week number, offset per team so teams differ. */
export function coachingTip(tips: readonly CoachingTip[], kind: SignalKind, weekStart: string, teamId: string): CoachingTip {
  const mine = tips.filter((t) => t.signal === kind);
  if (mine.length === 0) throw new Error(`No coaching tips for ${kind}`);
  return mine[(isoWeekNumber(weekStart) + (stableHash(teamId) % mine.length)) % mine.length]!;
}
