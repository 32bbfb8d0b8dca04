import type { CustomAggregate, DigestWeek, ScoreStats } from '../../core/model/digest-week.js';
import type { WeekAuditor } from './auditor.js';
import { drawNoise, EPSILON_PER_COUNT, noisyCount, THEME_THRESHOLD_FACTOR } from './noise.js';
import { pickThemes } from './themes.js';
import type { ExactQuestion, ExactWeek } from './week-aggregate.js';

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * A noisy distribution (one draw per bucket, each clamped at zero for display) and the mean estimated from
 * the unclamped draws: 3 + Σ(score − 3)·count / people. `people` is a published noisy count floored at the
 * threshold (every shown week has at least that many). All of it is post-processing of the noisy counts.
 */
export function noisyStats(histogram: readonly number[], random: () => number, people: (raw: number[]) => number): ScoreStats {
  const raw = histogram.map((n) => n + drawNoise(random, EPSILON_PER_COUNT));
  const offset = raw.reduce((a, n, i) => a + n * (i - 2), 0) / people(raw);
  return { mean: round1(Math.min(5, Math.max(1, 3 + offset))), distribution: raw.map((n) => Math.max(0, n)) };
}

/**
 * Noisy term counts: only terms at least the threshold of people used are candidates (so a listed word
 * always comes from that many people), and a term is listed only when its noisy count reaches twice the
 * threshold, so a word planted by fewer people is almost never listed and never certainly confirmed.
 */
function noisyThemes(terms: ReadonlyMap<string, number>, threshold: number, random: () => number) {
  const noisy = new Map<string, number>();
  for (const [term, n] of [...terms].sort(([a], [b]) => a.localeCompare(b))) {
    if (n >= threshold) noisy.set(term, noisyCount(n, random, EPSILON_PER_COUNT));
  }
  return pickThemes(noisy, THEME_THRESHOLD_FACTOR * threshold);
}

function releaseQuestion(q: ExactQuestion, threshold: number, key: string, auditor: WeekAuditor, random: () => number): CustomAggregate {
  // Under the threshold only "fewer than the threshold answered" is said: no count.
  if (q.answered.size < threshold) return { id: q.id, kind: q.kind, respondents: 0 };
  if (!auditor.admit('answers', `${key}|question:${q.id}`, q.answered)) return { id: q.id, kind: q.kind, respondents: 0, withheld: true };
  if (q.histogram) {
    const stats = noisyStats(q.histogram, random, (raw) => Math.max(threshold, raw.reduce((a, b) => a + b, 0)));
    return { id: q.id, kind: q.kind, respondents: stats.distribution.reduce((a, b) => a + b, 0), stats };
  }
  return { id: q.id, kind: q.kind, respondents: noisyCount(q.answered.size, random), themes: noisyThemes(q.terms!, threshold, random) };
}

/**
 * What a team's week may publish, and the queries it adds to the ledger. In order: participation
 * (over the week's members) and the answers (over its respondents) must each pass the audit, or the
 * week is withheld ('overlap'); each team question is audited on its own. Every published count then
 * gets its noise, drawn here once; the result is frozen and never recomputed.
 */
export function releaseWeek(exact: ExactWeek, teamId: string, frozenAt: string, auditor: WeekAuditor, random: () => number, memo: Map<string, DigestWeek> = new Map()): DigestWeek {
  const { threshold } = exact;
  const base: DigestWeek = { from: exact.from, to: exact.to, frozenAt, threshold, members: exact.members.size, themes: [], custom: [] };
  if (exact.respondents.size < threshold) return { ...base, withheld: 'too-few' };

  const key = `${teamId}|${frozenAt}`;
  if (!auditor.admit('participation', `${key}|participation`, exact.members)) return { ...base, withheld: 'overlap' };
  // Teams with the same people and answers (a team and its copy) publish the same noisy figures: two
  // independent draws of one figure could be averaged, halving the noise.
  const same = signature(exact);
  const twin = memo.get(same);
  if (twin) return { ...twin, frozenAt, members: exact.members.size };
  const released = releaseAnswers(exact, frozenAt, key, auditor, random);
  memo.set(same, released);
  return { ...released, members: exact.members.size };
}

/** Everything the noisy figures are computed from (not the members, which are published exactly). */
function signature(exact: ExactWeek): string {
  return JSON.stringify([
    exact.threshold,
    [...exact.respondents].sort(),
    exact.mood,
    exact.energy,
    exact.stress,
    exact.hardRuns,
    [...exact.terms].sort(),
    exact.questions.map((q) => [q.id, q.kind, [...q.answered].sort(), q.histogram, q.terms ? [...q.terms].sort() : null]),
  ]);
}

function releaseAnswers(exact: ExactWeek, frozenAt: string, key: string, auditor: WeekAuditor, random: () => number): DigestWeek {
  const { threshold } = exact;
  const base: DigestWeek = { from: exact.from, to: exact.to, frozenAt, threshold, members: exact.members.size, themes: [], custom: [] };
  const respondents = noisyCount(exact.respondents.size, random);
  if (!auditor.admit('answers', `${key}|answers`, exact.respondents)) return { ...base, respondents, withheld: 'overlap' };

  const people = () => Math.max(threshold, respondents);
  const mood = noisyStats(exact.mood, random, people);
  const energy = noisyStats(exact.energy, random, people);
  const stress = noisyStats(exact.stress, random, people);
  const hardRuns = noisyCount(exact.hardRuns, random);
  const themes = noisyThemes(exact.terms, threshold, random);
  const custom = exact.questions.map((q) => releaseQuestion(q, threshold, key, auditor, random));
  return { ...base, respondents, mood, energy, stress, stressHigh: stress.distribution[3]! + stress.distribution[4]!, hardRuns, themes, custom };
}
