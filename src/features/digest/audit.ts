/**
 * The release audit. Every aggregate a digest publishes is a linear query over the people it counts
 * (a 0/1 vector over the workspace's people). A set of published queries lets someone isolate person i
 * exactly when the unit vector e_i lies in their span: some linear combination of the published
 * figures (Dept − EU − US, A − B + C, ...) then equals one person's answer.
 *
 * Exact arithmetic only: Gauss-Jordan elimination over the integers (BigInt), each row kept primitive
 * (divided by the gcd of its entries), so no rounding can hide or invent a unit vector.
 */

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

function primitive(row: bigint[]): bigint[] {
  let g = 0n;
  for (const x of row) if (x) g = gcd(g, x);
  return g > 1n ? row.map((x) => x / g) : row;
}

/**
 * The people whose own value some linear combination of these queries isolates. In the fully reduced
 * row echelon form, e_i is in the row space exactly when some row's only non-zero entry is at i.
 */
export function isolatedPeople(queries: ReadonlyArray<Iterable<string>>): Set<string> {
  const sets = queries.map((q) => new Set(q)).filter((q) => q.size > 0);
  const columns = [...new Set(sets.flatMap((q) => [...q]))];
  const index = new Map(columns.map((p, i) => [p, i] as const));
  const rows = sets.map((q) => {
    const row = new Array<bigint>(columns.length).fill(0n);
    for (const p of q) row[index.get(p)!] = 1n;
    return row;
  });

  let rank = 0;
  for (let c = 0; c < columns.length && rank < rows.length; c++) {
    const pivot = rows.findIndex((r, i) => i >= rank && r[c] !== 0n);
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
    const p = rows[rank]!;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (i === rank || r[c] === 0n) continue;
      const f = r[c]!;
      rows[i] = primitive(r.map((x, j) => x * p[c]! - p[j]! * f));
    }
    rank++;
  }

  const out = new Set<string>();
  for (const r of rows.slice(0, rank)) {
    const nonZero = r.flatMap((x, j) => (x !== 0n ? [j] : []));
    if (nonZero.length === 1) out.add(columns[nonZero[0]!]!);
  }
  return out;
}

/**
 * Whether publishing `candidate` along with what is already published keeps everyone hidden: it may
 * isolate nobody new. (People an older ledger already isolates stay so; they do not block everything.)
 */
export function admits(published: ReadonlyArray<Iterable<string>>, candidate: Iterable<string>): boolean {
  const before = isolatedPeople(published);
  const after = isolatedPeople([...published, candidate]);
  for (const p of after) if (!before.has(p)) return false;
  return true;
}
