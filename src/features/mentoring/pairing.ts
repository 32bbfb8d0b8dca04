import { stableHash } from '../../core/hash.js';

/**
 * When two people last met in this pool, by person and then by the other person, as an ordinal that
 * grows with time (the round's position in the pool's history). Absent: they never met.
 */
export type LastMet = Map<string, Map<string, number>>;

export function lastMetWhen(met: LastMet, a: string, b: string): number | undefined {
  return met.get(a)?.get(b);
}

function record(met: LastMet, a: string, b: string, when: number): void {
  let m = met.get(a);
  if (!m) met.set(a, (m = new Map()));
  m.set(b, when);
}

/** Builds LastMet from a pool's rounds, oldest first; every two people in a group have met. */
export function lastMetFrom(rounds: ReadonlyArray<{ groups: ReadonlyArray<readonly string[]> }>): LastMet {
  const met: LastMet = new Map();
  rounds.forEach((round, ordinal) => {
    for (const g of round.groups) {
      for (let i = 0; i < g.length; i++)
        for (let j = i + 1; j < g.length; j++) {
          record(met, g[i]!, g[j]!, ordinal + 1);
          record(met, g[j]!, g[i]!, ordinal + 1);
        }
    }
  });
  return met;
}

/** A repeat costs far more than any ordering of repeats: first fewest repeats, then the longest-ago ones. */
const REPEAT = 1e7;
/** Pools up to this size are grouped by exhaustive search: the fewest repeats possible, every round. */
const EXACT_LIMIT = 12;

/**
 * Groups people for one round: pairs, plus one trio when the count is odd (nobody is left out).
 * No pair repeats while a grouping without repeats exists; when every grouping repeats someone, the
 * repeats are the fewest and the longest ago. `round` is the pool's round number, used so that an
 * unchanged pool follows a round-robin schedule (everyone meets everyone once in n-1 rounds);
 * `seed` varies the order deterministically.
 */
export function planGroups(people: readonly string[], lastMet: LastMet, seed: string, round: number): string[][] {
  const unique = [...new Set(people)];
  if (unique.length < 2) return [];
  if (unique.length <= 3) return [unique.sort()];
  const byHash = (salt: string) => {
    const h = new Map(unique.map((id) => [id, stableHash(`${salt}${id}`)]));
    return [...unique].sort((a, b) => h.get(a)! - h.get(b)! || a.localeCompare(b));
  };
  const order = byHash(`${seed}:`);
  const index = new Map(order.map((id, i) => [id, i]));
  const met: Array<Map<number, number>> = order.map(() => new Map());
  order.forEach((id, ia) => {
    for (const [other, when] of lastMet.get(id) ?? []) {
      const ib = index.get(other);
      if (ib !== undefined) met[ia]!.set(ib, when);
    }
  });
  const cost = (a: number, b: number): number => {
    const when = met[a]!.get(b);
    return when === undefined ? 0 : REPEAT + when;
  };
  const planner = new Planner(order.length, cost);
  // The round-robin schedule over a stable order (not the seeded one), so consecutive rounds fit together.
  const stable = byHash('').map((id) => index.get(id)!);
  const robin = planner.withTrio(roundRobin(stable, round));
  const robinCost = planner.total(robin);
  // Only search when the schedule repeats someone; the search must then beat it to be chosen.
  const other = robinCost === 0 ? robin : order.length <= EXACT_LIMIT ? (planner.exact(robinCost) ?? robin) : planner.greedy();
  const chosen = robinCost <= planner.total(other) ? robin : other;
  return chosen.map((g) => g.map((i) => order[i]!).sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The circle method: round k of a 1-factorisation; with an odd count one person is left for a trio. */
function roundRobin(ids: number[], k: number): { pairs: number[][]; odd?: number } {
  const list: Array<number | null> = ids.length % 2 ? [...ids, null] : [...ids];
  const n = list.length;
  const fixed = list[0]!;
  const rest = list.slice(1);
  const shift = k % (n - 1);
  const rotated = [...rest.slice(rest.length - shift), ...rest.slice(0, rest.length - shift)];
  const circle = [fixed, ...rotated];
  const pairs: number[][] = [];
  let odd: number | undefined;
  for (let i = 0; i < n / 2; i++) {
    const a = circle[i]!;
    const b = circle[n - 1 - i]!;
    if (a === null || b === null) odd = (a ?? b) as number;
    else pairs.push([a, b]);
  }
  return odd === undefined ? { pairs } : { pairs, odd };
}

class Planner {
  constructor(
    private readonly n: number,
    private readonly cost: (a: number, b: number) => number,
  ) {}

  groupCost(g: readonly number[]): number {
    let c = 0;
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) c += this.cost(g[i]!, g[j]!);
    return c;
  }

  total(groups: readonly number[][]): number {
    return groups.reduce((s, g) => s + this.groupCost(g), 0);
  }

  /** Adds the odd person to the pair where they add the least cost. */
  withTrio({ pairs, odd }: { pairs: number[][]; odd?: number }): number[][] {
    const groups = pairs.map((p) => [...p]);
    if (odd === undefined) return groups;
    let best = 0;
    let bestCost = Infinity;
    groups.forEach((g, i) => {
      const c = this.cost(odd, g[0]!) + this.cost(odd, g[1]!);
      if (c < bestCost) {
        bestCost = c;
        best = i;
      }
    });
    groups[best]!.push(odd);
    return groups;
  }

  /** Branch and bound over every grouping into pairs (and one trio when odd); undefined when none beats `bound`. */
  exact(bound = Infinity): number[][] | undefined {
    let best = bound;
    let bestGroups: number[][] = [];
    const groups: number[][] = [];
    const rec = (remaining: number[], acc: number, trioUsed: boolean): void => {
      if (acc >= best) return;
      if (remaining.length === 0) {
        best = acc;
        bestGroups = groups.map((g) => [...g]);
        return;
      }
      const [p, ...rest] = remaining as [number, ...number[]];
      const mustTrio = remaining.length === 3 && !trioUsed;
      const options: Array<{ group: number[]; c: number }> = [];
      if (!mustTrio) for (const q of rest) options.push({ group: [p, q], c: this.cost(p, q) });
      if (!trioUsed && remaining.length % 2 === 1) {
        for (let i = 0; i < rest.length; i++)
          for (let j = i + 1; j < rest.length; j++) options.push({ group: [p, rest[i]!, rest[j]!], c: this.groupCost([p, rest[i]!, rest[j]!]) });
      }
      options.sort((a, b) => a.c - b.c);
      for (const { group, c } of options) {
        if (best === 0) return;
        groups.push(group);
        rec(
          rest.filter((x) => !group.includes(x)),
          acc + c,
          trioUsed || group.length === 3,
        );
        groups.pop();
      }
    };
    rec([...Array(this.n).keys()], 0, false);
    return bestGroups.length ? bestGroups : undefined;
  }

  /** For large pools: each person takes the first free partner they have not met, then swaps repair repeats. */
  greedy(): number[][] {
    const free = [...Array(this.n).keys()];
    const pairs: number[][] = [];
    while (free.length >= 2) {
      const p = free.shift()!;
      let pick = -1;
      let pickCost = Infinity;
      for (let i = 0; i < free.length; i++) {
        const c = this.cost(p, free[i]!);
        if (c < pickCost) {
          pickCost = c;
          pick = i;
          if (c === 0) break;
        }
      }
      pairs.push([p, free[pick]!]);
      free.splice(pick, 1);
    }
    this.repair(pairs);
    return this.withTrio(free.length ? { pairs, odd: free[0]! } : { pairs });
  }

  /** Swaps partners between a repeated pair and another pair while that lowers the cost. */
  private repair(pairs: number[][]): void {
    for (let pass = 0; pass < 3; pass++) {
      let improved = false;
      for (let i = 0; i < pairs.length; i++) {
        const [a, b] = pairs[i] as [number, number];
        const here = this.cost(a, b);
        if (here === 0) continue;
        for (let j = 0; j < pairs.length; j++) {
          if (j === i) continue;
          const [c, d] = pairs[j] as [number, number];
          const before = here + this.cost(c, d);
          if (this.cost(a, c) + this.cost(b, d) < before) {
            pairs[i] = [a, c];
            pairs[j] = [b, d];
            improved = true;
            break;
          }
          if (this.cost(a, d) + this.cost(b, c) < before) {
            pairs[i] = [a, d];
            pairs[j] = [b, c];
            improved = true;
            break;
          }
        }
      }
      if (!improved) return;
    }
  }
}
