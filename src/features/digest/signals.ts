import type { CoachingTip, SignalKind } from '../../content/coaching-tips.js';
import { stableHash } from '../../core/hash.js';
import type { DigestWeek } from '../../core/model/digest-week.js';
import { isoWeekNumber } from './weeks.js';

export const MOOD_DROP = 0.5;
export const HIGH_STRESS_SHARE = 0.3;
export const PARTICIPATION_DROP_POINTS = 20;
/** Share of respondents with a hard run (three hard check-ins in a row) that raises the hard-days signal. */
export const HARD_RUN_SHARE = 0.3;

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
  return out;
}

/** This week's tip for a signal: tips rotate by week number, offset per team so teams differ. */
export function coachingTip(tips: readonly CoachingTip[], kind: SignalKind, weekStart: string, teamId: string): CoachingTip {
  const mine = tips.filter((t) => t.signal === kind);
  if (mine.length === 0) throw new Error(`No coaching tips for ${kind}`);
  return mine[(isoWeekNumber(weekStart) + (stableHash(teamId) % mine.length)) % mine.length]!;
}
