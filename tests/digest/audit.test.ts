import { describe, expect, it } from 'vitest';
import { isolatedPeople } from '../../src/features/digest/audit.js';
import { WeekAuditor } from '../../src/features/digest/auditor.js';
import { ledgerId } from '../../src/core/model/digest-ledger.js';

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('the release audit (exact linear algebra over who each figure counts)', () => {
  it('finds the person Dept − EU − US isolates, and nobody when only two of the three are published', () => {
    const eu = range('e', 5);
    const us = range('u', 5);
    const dept = [...eu, ...us, 'solo'];
    expect([...isolatedPeople([dept, eu, us])]).toEqual(['solo']);
    expect([...isolatedPeople([dept, eu])]).toEqual([]);
  });

  it('finds A − B + C with coefficients other than ±1 too (2A − B isolates when B = A + A\' and A\' = A minus one)', () => {
    const s1 = range('a', 5);
    const s2 = range('b', 5);
    expect([...isolatedPeople([[...s1, 't'], [...s1, ...s2], s2])]).toEqual(['t']);
    // Rational combinations: (A + B − C) / 2 = {x} for A = S∪{x}, B = T∪{x}, C = S∪T (S, T disjoint).
    expect([...isolatedPeople([[...s1, 'x'], [...s2, 'x'], [...s1, ...s2]])]).toEqual(['x']);
  });

  it('identical, nested-by-many and disjoint teams isolate nobody', () => {
    const a = range('p', 8);
    expect(isolatedPeople([a, a, [...a].reverse()]).size).toBe(0);
    expect(isolatedPeople([a, a.slice(0, 5), range('q', 5)]).size).toBe(0);
  });

  it('the auditor refuses the query that would isolate someone, records only what it admits, and holds opaque ids', () => {
    const auditor = new WeekAuditor('shell', []);
    const six = range('shell:m', 6);
    expect(auditor.admit('answers', 'care', six)).toBe(true);
    expect(auditor.admit('answers', 'core', six.slice(0, 5))).toBe(false);
    expect(auditor.admit('participation', 'core', six.slice(0, 5))).toBe(true); // another space: other unknowns
    expect(auditor.admitted.map((q) => q.key)).toEqual(['care', 'core']);
    expect(JSON.stringify(auditor.admitted)).not.toContain('shell:m');
    // A later freeze starts from the ledger and refuses the same difference.
    const later = new WeekAuditor('shell', auditor.admitted);
    expect(later.admit('answers', 'core', six.slice(0, 5))).toBe(false);
    expect(later.admit('answers', 'copy', six)).toBe(true);
    expect(auditor.admitted[0]!.people).toContain(ledgerId('shell', 'shell:m0'));
  });
});
