import { describe, expect, it } from 'vitest';
import { formatWeekdays, isValidTimeZone, localDate, monthsBetween, normalizeHhmm, parseWeekdays } from '../../src/core/time.js';

describe('time helpers', () => {
  it('accepts IANA zones people type, including UTC and Etc aliases, and rejects others', () => {
    for (const z of ['Europe/Berlin', 'America/New_York', 'UTC', 'Etc/GMT+12', 'Pacific/Kiritimati']) expect(isValidTimeZone(z)).toBe(true);
    for (const z of ['Mars/Base', 'Berlin', '', 'GMT+25']) expect(isValidTimeZone(z)).toBe(false);
  });

  it('computes the local date in a zone', () => {
    const at = new Date('2026-03-02T23:30:00Z');
    expect(localDate(at, 'UTC')).toBe('2026-03-02');
    expect(localDate(at, 'Europe/Berlin')).toBe('2026-03-03');
    expect(localDate(at, 'Etc/GMT+12')).toBe('2026-03-02');
  });

  it('normalises times of day and refuses impossible ones', () => {
    expect(normalizeHhmm('9:30')).toBe('09:30');
    expect(normalizeHhmm('0930')).toBe('09:30');
    expect(normalizeHhmm('24:00')).toBeUndefined();
    expect(normalizeHhmm('9.30')).toBeUndefined();
  });

  it('parses working days as ranges, lists and words', () => {
    expect(parseWeekdays('mon-fri')).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(parseWeekdays('sun-thu')).toEqual(['mon', 'tue', 'wed', 'thu', 'sun']);
    expect(parseWeekdays('Monday, wed,fri')).toEqual(['mon', 'wed', 'fri']);
    expect(parseWeekdays('weekends')).toEqual(['sat', 'sun']);
    expect(parseWeekdays('mon-funday')).toBeUndefined();
    expect(formatWeekdays(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('mon-fri');
    expect(formatWeekdays(['mon', 'wed'])).toBe('mon, wed');
  });

  it('lists the months a date range touches', () => {
    expect(monthsBetween('2025-11-20', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
