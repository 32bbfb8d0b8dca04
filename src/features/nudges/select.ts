import type { Nudge, NudgeTechnique } from '../../content/nudges.js';
import { stableHash } from '../../core/hash.js';
import type { CheckIn } from '../../core/model/history.js';
import type { NudgeState, ServedNudge } from '../../core/model/nudges.js';
import { daysBetween, type LocalDate } from '../../core/time.js';

/** The same nudge never comes back within this many days. */
export const NO_REPEAT_DAYS = 14;

/** At this mood or lower a gratitude exercise can feel dismissive, so none is offered. */
export const NO_GRATITUDE_AT_MOOD = 2;

/**
 * The techniques that fit a check-in, in the order of the rules: the named feeling's own technique
 * (frustrated: a reframe; anxious: breathing) first; high stress (4+) calls for breathing or
 * grounding; low mood (2 or less) for self-compassion; low energy (2 or less) for a micro-break.
 * Undefined when nothing stands out: any technique fits.
 */
export function fittingTechniques(checkIn: Pick<CheckIn, 'mood' | 'energy' | 'stress'> | undefined, feeling?: NudgeTechnique): NudgeTechnique[] | undefined {
  if (!checkIn) return undefined;
  const byNumbers: NudgeTechnique[] | undefined =
    checkIn.stress >= 4 ? ['breathing', 'grounding'] : checkIn.mood <= NO_GRATITUDE_AT_MOOD ? ['self-compassion'] : checkIn.energy <= 2 ? ['micro-break'] : undefined;
  const fits = feeling ? [feeling, ...(byNumbers ?? []).filter((t) => t !== feeling)] : byNumbers;
  return fits?.filter((t) => t !== 'gratitude' || checkIn.mood > NO_GRATITUDE_AT_MOOD);
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
  /** The technique the feeling the person named calls for, if any. */
  feeling?: NudgeTechnique | undefined;
  served: readonly ServedNudge[];
  votes: NudgeState['votes'];
  today: LocalDate;
  /** Breaks ties reproducibly (person and day), so people get different nudges. */
  seed: string;
}

/**
 * Picks a nudge:
 * - never one served in the last 14 days (undefined when every nudge was);
 * - from the techniques that fit the latest check-in (its named feeling first), or, when none of
 *   those is left, from any; never gratitude when mood is 2 or lower;
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
  const low = input.checkIn !== undefined && input.checkIn.mood <= NO_GRATITUDE_AT_MOOD;
  const allowed = low ? fresh.filter((n) => n.technique !== 'gratitude') : fresh;
  const fit = fittingTechniques(input.checkIn, input.feeling);
  const fitting = fit ? allowed.filter((n) => fit.includes(n.technique)) : allowed;
  const pool = fitting.length ? fitting : allowed;
  if (pool.length === 0) return undefined;
  // The named feeling's own technique comes before the others that fit.
  const first = (n: Nudge) => (input.feeling && n.technique === input.feeling ? 0 : 1);
  const scores = techniqueScores(library, input.votes);
  const tieBreak = new Map(pool.map((n) => [n.id, stableHash(`${input.seed}:${n.id}`)]));
  const rank = (a: Nudge, b: Nudge) => {
    const byFeeling = first(a) - first(b);
    if (byFeeling !== 0) return byFeeling;
    const byScore = (scores.get(b.technique) ?? 0) - (scores.get(a.technique) ?? 0);
    if (byScore !== 0) return byScore;
    const la = lastServed.get(a.id) ?? '';
    const lb = lastServed.get(b.id) ?? '';
    if (la !== lb) return la < lb ? -1 : 1;
    return tieBreak.get(a.id)! - tieBreak.get(b.id)!;
  };
  return [...pool].sort(rank)[0];
}
