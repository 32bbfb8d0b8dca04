import { describe, expect, it } from 'vitest';
import { monthsBetween } from '../../src/core/time.js';

describe('monthsBetween', () => {
  it('lists every month a range touches, across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('gives one month for a range inside it, and none for a reversed range', () => {
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04-01', '2026-03-31')).toEqual([]);
  });
});
