import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/seeded-random.js';
import { drawNoise, EPSILON_PER_COUNT, noiseProbability } from '../../src/features/digest/noise.js';

describe('the digest noise (two-sided geometric)', () => {
  it('is a probability distribution in which one person more or less changes any outcome by at most e^ε', () => {
    let total = 0;
    for (let k = -200; k <= 200; k++) total += noiseProbability(k);
    expect(total).toBeCloseTo(1, 9);
    for (let k = -20; k <= 20; k++) {
      // Count c vs c + 1 gives output y with P(y − c) vs P(y − c − 1): neighbouring noise values.
      const ratio = noiseProbability(k) / noiseProbability(k + 1);
      expect(ratio).toBeLessThanOrEqual(Math.exp(EPSILON_PER_COUNT) * (1 + 1e-12));
      expect(ratio).toBeGreaterThanOrEqual(Math.exp(-EPSILON_PER_COUNT) * (1 - 1e-12));
      expect(noiseProbability(k)).toBeGreaterThan(0); // every published value stays possible: nothing is certain
    }
  });

  it('draws follow that distribution (100,000 seeded draws)', () => {
    const random = seededRandom(42);
    const counts = new Map<number, number>();
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const k = drawNoise(random);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const k of [-3, -2, -1, 0, 1, 2, 3]) expect((counts.get(k) ?? 0) / n).toBeCloseTo(noiseProbability(k), 2);
  });
});
