import type { Nudge, NudgeTechnique } from '../../content/nudges.js';
import { stableHash } from '../../core/hash.js';
import type { CheckIn } from '../../core/model/history.js';
import type { NudgeState, ServedNudge } from '../../core/model/nudges.js';
import { daysBetween, type LocalDate } from '../../core/time.js';

/** The same nudge never comes back within this many days. */
export const NO_REPEAT_DAYS = 14;

/**
 * The techniques that fit a check-in, in the order of the rules: high stress (4+) calls for
 * breathing or grounding; low mood (2 or less) for self-compassion or gratitude; low energy
 * (2 or less) for a micro-break. Undefined when nothing stands out: any technique fits.
 */
export function fittingTechniques(checkIn: Pick<CheckIn, 'mood' | 'energy' | 'stress'> | undefined): NudgeTechnique[] | undefined {
  if (!checkIn) return undefined;
  if (checkIn.stress >= 4) return ['breathing', 'grounding'];
  if (checkIn.mood <= 2) return ['self-compassion', 'gratitude'];
  if (checkIn.energy <= 2) return ['micro-break'];
  return undefined;
}

/** Each technique's standing with this person: +1 for every nudge they found helpful, -1 for every one they did not. */
export function techniqueScores(library: readonly Nudge[], votes: NudgeState['votes']): Map<NudgeTechnique, number> {
  const techniqueOf = new Map(library.map((n) => [n.id, n.technique]));
  const scores = new Map<NudgeTechnique, number>();
  for (const [id, vote] of Object.entries(votes)) {
    const technique = techniqueOf.get(id);
    if (technique) scores.set(technique, (scores.get(technique) ?? 0) + (vote.helpful ? 1 : -1));
  }
  return scores;
}

/** Techniques with more helpful than unhelpful votes, most helpful first. */
export function helpfulTechniques(library: readonly Nudge[], votes: NudgeState['votes']): NudgeTechnique[] {
  return [...techniqueScores(library, votes)]
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([t]) => t);
}

export interface ChoiceInput {
  /** The person's latest recent check-in, if any. */
  checkIn?: Pick<CheckIn, 'mood' | 'energy' | 'stress'> | undefined;
  served: readonly ServedNudge[];
  votes: NudgeState['votes'];
  today: LocalDate;
  /** Breaks ties reproducibly (person and day), so people get different nudges. */
  seed: string;
}

/**
 * Picks a nudge:
 * - never one served in the last 14 days (undefined when every nudge was);
 * - from the techniques that fit the latest check-in, or, when none of those is left, from any;
 * - techniques the person found helpful first (and ones they did not, last);
 * - then never-served before least recently served, ties broken by a hash of (seed, id).
 */
export function chooseNudge(library: readonly Nudge[], input: ChoiceInput): Nudge | undefined {
  const lastServed = new Map<string, LocalDate>();
  for (const s of input.served) {
    const prev = lastServed.get(s.nudgeId);
    if (!prev || s.localDate > prev) lastServed.set(s.nudgeId, s.localDate);
  }
  const fresh = library.filter((n) => {
    const last = lastServed.get(n.id);
    return !last || daysBetween(last, input.today) >= NO_REPEAT_DAYS;
  });
  const fit = fittingTechniques(input.checkIn);
  const fitting = fit ? fresh.filter((n) => fit.includes(n.technique)) : fresh;
  const pool = fitting.length ? fitting : fresh;
  if (pool.length === 0) return undefined;
  const scores = techniqueScores(library, input.votes);
  const tieBreak = new Map(pool.map((n) => [n.id, stableHash(`${input.seed}:${n.id}`)]));
  const rank = (a: Nudge, b: Nudge) => {
    const byScore = (scores.get(b.technique) ?? 0) - (scores.get(a.technique) ?? 0);
    if (byScore !== 0) return byScore;
    const la = lastServed.get(a.id) ?? '';
    const lb = lastServed.get(b.id) ?? '';
    if (la !== lb) return la < lb ? -1 : 1;
    return tieBreak.get(a.id)! - tieBreak.get(b.id)!;
  };
  return [...pool].sort(rank)[0];
}
