import { describe, expect, it } from 'vitest';
import { dailySlots, dueAt, inQuietHours, quietEnd } from '../../src/scheduler/local-time.js';

const iso = (d: Date) => d.toISOString();

describe('dueAt', () => {
  it('resolves a wall time in the zone on ordinary days', () => {
    expect(iso(dueAt('2026-03-02', '09:30', 'Europe/Berlin'))).toBe('2026-03-02T08:30:00.000Z');
    expect(iso(dueAt('2026-03-02', '09:30', 'Pacific/Kiritimati'))).toBe('2026-03-01T19:30:00.000Z');
    expect(iso(dueAt('2026-03-02', '09:30', 'Etc/GMT+12'))).toBe('2026-03-02T21:30:00.000Z');
  });

  it('moves a time inside the spring-forward gap to the first valid minute after it', () => {
    expect(iso(dueAt('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(dueAt('2026-03-29', '02:00', 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(dueAt('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
  });

  it('picks the first of the two instants of a time in the fall-back overlap', () => {
    expect(iso(dueAt('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(dueAt('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    // Lord Howe falls back by 30 minutes.
    expect(iso(dueAt('2026-04-05', '01:45', 'Australia/Lord_Howe'))).toBe('2026-04-04T14:45:00.000Z');
  });
});

describe('dailySlots', () => {
  it('lists each working day in the window once, with its local date', () => {
    const slots = dailySlots({ from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-05T00:00:00Z') }, 'America/New_York', '09:30', ['mon', 'wed']);
    expect(slots.map((s) => `${s.localDate} ${iso(s.dueAt)}`)).toEqual(['2026-03-02 2026-03-02T14:30:00.000Z', '2026-03-04 2026-03-04T14:30:00.000Z']);
  });

  it('excludes the window start and includes its end', () => {
    const at = new Date('2026-03-02T08:30:00Z');
    expect(dailySlots({ from: at, to: new Date('2026-03-02T09:00:00Z') }, 'Europe/Berlin', '09:30')).toEqual([]);
    expect(dailySlots({ from: new Date('2026-03-02T08:00:00Z'), to: at }, 'Europe/Berlin', '09:30')).toHaveLength(1);
  });
});

describe('quiet hours', () => {
  const night = { from: '22:00', to: '07:00' };
  it('wraps midnight, start inclusive and end exclusive', () => {
    expect(inQuietHours(new Date('2026-03-02T21:00:00Z'), 'Europe/Berlin', night)).toBe(true); // 22:00
    expect(inQuietHours(new Date('2026-03-02T05:59:00Z'), 'Europe/Berlin', night)).toBe(true); // 06:59
    expect(inQuietHours(new Date('2026-03-02T06:00:00Z'), 'Europe/Berlin', night)).toBe(false); // 07:00
    expect(inQuietHours(new Date('2026-03-02T20:59:00Z'), 'Europe/Berlin', night)).toBe(false); // 21:59
  });

  it('ends at the next "to" time in the zone, across midnight', () => {
    expect(iso(quietEnd(new Date('2026-03-02T22:30:00Z'), 'Europe/Berlin', night))).toBe('2026-03-03T06:00:00.000Z');
    expect(iso(quietEnd(new Date('2026-03-03T01:00:00Z'), 'Europe/Berlin', night))).toBe('2026-03-03T06:00:00.000Z');
    expect(iso(quietEnd(new Date('2026-03-03T08:00:00Z'), 'Europe/Berlin', night))).toBe('2026-03-03T08:00:00.000Z');
  });
});
