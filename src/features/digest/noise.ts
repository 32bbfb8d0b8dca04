/**
 * Calibrated noise for everything a digest publishes about answers and participation, drawn once when a
 * week is frozen (so reading the same week again shows the same figures and averages nothing away).
 *
 * Mechanism: the two-sided geometric ("discrete Laplace") mechanism on counts. A count c is published
 * as c + N with P(N = k) = (1 − α) / (1 + α) · α^|k|, α = e^−ε. Adding or removing one person changes
 * each count by at most 1, so each published count is ε-differentially private for that person, and
 * every published value is possible whatever one person answered: nobody's answer is ever certain.
 */

/** ε for each published count family (participation, each score's distribution, hard runs, each team scale question). */
export const EPSILON_PER_COUNT = 1;

/**
 * The count families one person's week feeds: participation, the mood, energy and stress distributions,
 * and the hard-runs count; each scale team question adds one more. Their ε add up (basic composition).
 */
export const COUNT_FAMILIES_PER_WEEK = 5;

/** A person's privacy budget for one week of one team, without team questions (add 1 ε per scale question). */
export const EPSILON_PER_PERSON_WEEK = EPSILON_PER_COUNT * COUNT_FAMILIES_PER_WEEK;

/** Themes: a term is listed only when its noisy count of people reaches this multiple of the threshold. */
export const THEME_THRESHOLD_FACTOR = 2;

/** P(N = k) for the two-sided geometric noise of parameter ε. */
export function noiseProbability(k: number, epsilon = EPSILON_PER_COUNT): number {
  const alpha = Math.exp(-epsilon);
  return ((1 - alpha) / (1 + alpha)) * alpha ** Math.abs(k);
}

/** One geometric draw on {0, 1, 2, ...} with P(G = k) = (1 − α) α^k, by inversion. */
function geometric(random: () => number, alpha: number): number {
  const u = 1 - random(); // in (0, 1]
  return Math.floor(Math.log(u) / Math.log(alpha));
}

/** A draw of the two-sided geometric noise: the difference of two independent geometric draws. */
export function drawNoise(random: () => number, epsilon = EPSILON_PER_COUNT): number {
  const alpha = Math.exp(-epsilon);
  return geometric(random, alpha) - geometric(random, alpha);
}

/** A count with its noise, never below zero (clamping is post-processing: it costs no privacy). */
export function noisyCount(count: number, random: () => number, epsilon = EPSILON_PER_COUNT): number {
  return Math.max(0, count + drawNoise(random, epsilon));
}
