import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, weekdayOf, WEEKDAYS } from '../../src/core/time.js';

/** What luxon says, the reference the plain arithmetic must match. */
const luxon = {
  addDays: (date: string, days: number) => DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate(),
  daysBetween: (a: string, b: string) => Math.round(DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days').days),
  weekdayOf: (date: string) => WEEKDAYS[DateTime.fromISO(date, { zone: 'utc' }).weekday - 1],
};

const isoDate = fc.date({ min: new Date('1600-01-01T00:00:00Z'), max: new Date('2400-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('local date arithmetic', () => {
  it('adds days, counts days between and names weekdays exactly as luxon does, across months, leap years and centuries', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: -100_000, max: 100_000 }), (a, b, n) => {
        expect(addDays(a, n)).toBe(luxon.addDays(a, n));
        expect(daysBetween(a, b)).toBe(luxon.daysBetween(a, b));
        expect(weekdayOf(a)).toBe(luxon.weekdayOf(a));
      }),
      { numRuns: 2000 },
    );
  });

  it('knows the edges: leap days, year ends and a known Monday', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(weekdayOf('2026-11-30')).toBe('mon');
    expect(weekdayOf('1970-01-01')).toBe('thu');
  });

  it('treats what is not a plain calendar date as luxon does (impossible days, date-times, fractions)', () => {
    for (const date of ['2026-02-30', '2026-13-01', '2026-03-02T10:00', 'not a date', '0099-01-01']) {
      expect(addDays(date, 1)).toBe(luxon.addDays(date, 1));
      expect(daysBetween(date, '2026-03-02')).toEqual(luxon.daysBetween(date, '2026-03-02'));
    }
    expect(addDays('2026-03-02', 1.5)).toBe(luxon.addDays('2026-03-02', 1.5));
  });
});
