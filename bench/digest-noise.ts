/**
 * What the digest's privacy noise costs a lead in precision (figures quoted in docs/digest.md).
 * `npx tsx bench/digest-noise.ts`: simulates 100,000 freezes of one team-week at 5, 10 and 50 respondents
 * with the release code itself (src/features/digest/release.ts) and a fixed seed.
 */
import { seededRandom } from '../src/core/seeded-random.js';
import { drawNoise, EPSILON_PER_COUNT, EPSILON_PER_PERSON_WEEK, noiseProbability, noisyCount } from '../src/features/digest/noise.js';
import { noisyStats } from '../src/features/digest/release.js';

const TRIALS = 100_000;
const random = seededRandom(20261130);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;

/** A typical spread of weekly scores over 1-5 for n people (largest remainders). */
function spread(n: number): number[] {
  const shares = [0.1, 0.2, 0.4, 0.2, 0.1];
  const base = shares.map((s) => Math.floor(s * n));
  let left = n - base.reduce((a, b) => a + b, 0);
  for (const i of [2, 1, 3, 0, 4]) if (left-- > 0) base[i]!++;
  return base;
}

console.log(`epsilon per count ${EPSILON_PER_COUNT}, per person per week ${EPSILON_PER_PERSON_WEEK} (+${EPSILON_PER_COUNT} per team question)`);
console.log('| respondents | mean: median error | mean: 90% within | participation: 90% within | one bucket: 90% within |');
console.log('| --- | --- | --- | --- | --- |');
for (const n of [5, 10, 50]) {
  const hist = spread(n);
  const truth = hist.reduce((a, c, i) => a + c * (i + 1), 0) / n;
  const meanErr: number[] = [];
  const countErr: number[] = [];
  const bucketErr: number[] = [];
  for (let t = 0; t < TRIALS; t++) {
    const respondents = noisyCount(n, random);
    countErr.push(Math.abs(respondents - n));
    const stats = noisyStats(hist, random, () => Math.max(5, respondents));
    meanErr.push(Math.abs(stats.mean - truth));
    bucketErr.push(Math.abs(stats.distribution[2]! - hist[2]!));
  }
  console.log(`| ${n} | ${quantile(meanErr, 0.5).toFixed(2)} | ±${quantile(meanErr, 0.9).toFixed(2)} | ±${quantile(countErr, 0.9)} people | ±${quantile(bucketErr, 0.9)} people |`);
}

// Themes: a term is a candidate from the threshold T of people and listed at a noisy count of 2T. The only
// case where a listing proves something about one person: T-1 colluders used the word and the noise is >= T.
for (const t of [3, 5]) {
  let p = 0;
  for (let k = t; k < 200; k++) p += noiseProbability(k);
  let listed = 0;
  for (let i = 0; i < TRIALS; i++) if (t + drawNoise(random) >= 2 * t) listed++;
  console.log(`threshold ${t}: P(noise >= ${t}) = ${(100 * p).toFixed(2)}% exact, ${((100 * listed) / TRIALS).toFixed(2)}% simulated`);
}
