/**
 * The release audit. Every aggregate a digest publishes is a linear query over the people it counts
 * (a 0/1 vector over the workspace's people). A set of published queries lets someone isolate person i
 * exactly when the unit vector e_i lies in their span: some linear combination of the published
 * figures (Dept − EU − US, A − B + C, ...) then equals one person's answer.
 *
 * Exact arithmetic only: Gauss-Jordan elimination over the integers (BigInt), rows kept primitive
 * (divided by the gcd of their entries), so no rounding can hide or invent a unit vector. The basis is
 * kept fully reduced and grows one query at a time, so auditing a query costs one reduction against
 * what is published, not a new elimination of everything.
 */

type Row = Map<string, bigint>;

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

function primitive(row: Row): Row {
  let g = 0n;
  for (const x of row.values()) g = gcd(g, x);
  if (g > 1n) for (const [k, x] of row) row.set(k, x / g);
  return row;
}

/** a·row − b·other, without zero entries. */
function combine(row: Row, a: bigint, other: Row, b: bigint): Row {
  const out: Row = new Map();
  for (const [k, x] of row) out.set(k, a * x);
  for (const [k, y] of other) {
    const v = (out.get(k) ?? 0n) - b * y;
    if (v === 0n) out.delete(k);
    else out.set(k, v);
  }
  return primitive(out);
}

/** The span of published queries, as a fully reduced row echelon basis (each pivot is zero in every other row). */
export class SpanBasis {
  private rows: Array<{ pivot: string; row: Row }> = [];

  /** The people whose own value a combination isolates: in the reduced form, rows with a single entry. */
  isolated(): Set<string> {
    return new Set(this.rows.filter((r) => r.row.size === 1).map((r) => r.pivot));
  }

  /** The basis with this query added (this one unchanged). */
  with(query: Iterable<string>): SpanBasis {
    let v: Row = new Map([...new Set(query)].map((p) => [p, 1n] as const));
    for (const b of this.rows) {
      const x = v.get(b.pivot);
      if (x) v = combine(v, b.row.get(b.pivot)!, b.row, x);
    }
    const next = new SpanBasis();
    if (v.size === 0) {
      next.rows = this.rows; // already in the span: publishing it says nothing new
      return next;
    }
    const [pivot, p] = v.entries().next().value as [string, bigint];
    next.rows = this.rows.map((b) => {
      const x = b.row.get(pivot);
      return x ? { pivot: b.pivot, row: combine(b.row, p, v, x) } : b;
    });
    next.rows.push({ pivot, row: v });
    return next;
  }
}

/** The people whose own value some linear combination of these queries isolates. */
export function isolatedPeople(queries: ReadonlyArray<Iterable<string>>): Set<string> {
  let basis = new SpanBasis();
  for (const q of queries) basis = basis.with(q);
  return basis.isolated();
}
