import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastMetFrom, lastMetWhen, planGroups, type LastMet } from '../../../src/features/mentoring/pairing.js';

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

type Round = { groups: string[][] };

const combos = (g: readonly string[]) => g.flatMap((a, i) => g.slice(i + 1).map((b) => pairKey(a, b)));
const hasMet = (met: LastMet, key: string) => {
  const [a, b] = key.split('|') as [string, string];
  return lastMetWhen(met, a, b) !== undefined;
};

/** Every way to split people into pairs plus one trio when odd: the test's own, independent enumeration. */
function* groupings(people: string[]): Generator<string[][]> {
  if (people.length === 0) {
    yield [];
    return;
  }
  const [p, ...rest] = people as [string, ...string[]];
  for (let i = 0; i < rest.length; i++) {
    const left = rest.filter((_, k) => k !== i);
    if (left.length === 1) continue;
    if (people.length % 2 === 0 || left.length % 2 === 1) for (const g of groupings(left)) yield [[p, rest[i]!], ...g];
  }
  if (people.length % 2 === 1) {
    for (let i = 0; i < rest.length; i++)
      for (let j = i + 1; j < rest.length; j++) {
        const left = rest.filter((_, k) => k !== i && k !== j);
        for (const g of groupings(left)) if (g.every((x) => x.length === 2)) yield [[p, rest[i]!, rest[j]!], ...g];
      }
  }
}

/** Fewest repeated combinations any grouping of these people could have. */
function fewestRepeats(people: string[], met: LastMet): number {
  let best = Infinity;
  for (const g of groupings(people)) {
    const r = g.flatMap(combos).filter((c) => hasMet(met, c)).length;
    if (r < best) best = r;
    if (best === 0) break;
  }
  return best;
}

function checkPartition(groups: string[][], eligible: string[]) {
  expect(groups.flat().sort()).toEqual([...eligible].sort());
  for (const g of groups) expect([2, 3]).toContain(g.length);
  expect(groups.filter((g) => g.length === 3).length).toBe(eligible.length % 2);
}

const population = (n: number) => Array.from({ length: n }, (_, i) => `shell:p${String(i).padStart(2, '0')}`);

describe('pairing rounds, properties over random pools and 20 rounds', () => {
  it('nobody eligible is left out, nobody paused or opted out is grouped, and no pair repeats while a grouping without repeats exists', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 11 }),
        // Per round, who is away (paused or opted out): a bitmask over the population.
        fc.array(fc.integer({ min: 0, max: 2 ** 11 - 1 }), { minLength: 20, maxLength: 20 }),
        (n, away) => {
          const people = population(n);
          const history: Round[] = [];
          for (let r = 0; r < 20; r++) {
            const eligible = people.filter((_, i) => !(away[r]! & (1 << i)));
            const met = lastMetFrom(history);
            const groups = planGroups(eligible, met, `pool@${r}`, history.length);
            if (eligible.length < 2) {
              expect(groups).toEqual([]);
              continue;
            }
            checkPartition(groups, eligible);
            const repeats = groups.flatMap(combos).filter((c) => hasMet(met, c)).length;
            // The fewest repeats possible: zero whenever an unpaired grouping remains.
            expect(repeats).toBe(fewestRepeats(eligible, met));
            history.push({ groups });
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('when a repeat is unavoidable, the pair that met longest ago is chosen', () => {
    // Four people who have all met: the last round paired a-b and c-d, the one before a-c and b-d, before that a-d and b-c.
    const [a, b, c, d] = population(4) as [string, string, string, string];
    const history: Round[] = [
      { groups: [[a, d], [b, c]] },
      { groups: [[a, c], [b, d]] },
      { groups: [[a, b], [c, d]] },
    ];
    expect(planGroups([a, b, c, d], lastMetFrom(history), 'seed', 3)).toEqual([
      [a, d],
      [b, c],
    ]);
  });

  it('an unchanged even pool meets everyone exactly once in n-1 rounds, small or large', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }).map((k) => k * 2), fc.string({ maxLength: 8 }), (n, seed) => {
        const people = population(n);
        const history: Round[] = [];
        const seen = new Set<string>();
        for (let r = 0; r < n - 1; r++) {
          const groups = planGroups(people, lastMetFrom(history), `${seed}@${r}`, r);
          checkPartition(groups, people);
          for (const c of groups.flatMap(combos)) {
            expect(seen.has(c)).toBe(false);
            seen.add(c);
          }
          history.push({ groups });
        }
        expect(seen.size).toBe((n * (n - 1)) / 2);
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  it('large pools with people coming and going: everyone grouped in pairs and at most one trio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 13, max: 80 }), fc.array(fc.integer({ min: 0, max: 2 ** 30 - 1 }), { minLength: 20, maxLength: 20 }), (n, away) => {
        const people = population(n);
        const history: Round[] = [];
        for (let r = 0; r < 20; r++) {
          const eligible = people.filter((_, i) => i >= 30 || !(away[r]! & (1 << i)));
          const groups = planGroups(eligible, lastMetFrom(history), `pool@${r}`, history.length);
          if (eligible.length < 2) continue;
          checkPartition(groups, eligible);
          history.push({ groups });
        }
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});
