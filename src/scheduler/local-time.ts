import { DateTime } from 'luxon';
import type { Weekday } from '../core/time.js';
import { addDays, localDate, weekdayOf, type LocalDate } from '../core/time.js';

/** The longest DST gap we search across (Lord Howe shifts 30 minutes, most zones 60, a few 120). */
const MAX_GAP_MINUTES = 180;

/**
 * The instant a wall-clock time (HH:MM) happens on a local date in an IANA zone.
 * - In a spring-forward gap (02:30 that never happens) it is the first valid minute after the gap
 *   (03:00), not skipped and not shifted by the gap's length.
 * - In a fall-back overlap (01:30 happens twice) it is the first of the two, so it fires once.
 */
export function dueAt(date: LocalDate, hhmm: string, zone: string): Date {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  const wall = DateTime.fromISO(`${date}T00:00`, { zone: 'utc' }).set({ hour, minute });
  for (let m = 0; m <= MAX_GAP_MINUTES; m++) {
    const want = wall.plus({ minutes: m });
    const at = DateTime.fromObject(
      { year: want.year, month: want.month, day: want.day, hour: want.hour, minute: want.minute },
      { zone },
    );
    if (at.hour === want.hour && at.minute === want.minute && at.day === want.day) return earliestOf(at);
  }
  throw new Error(`No valid time near ${date} ${hhmm} in ${zone}`);
}

/** Luxon resolves an ambiguous wall time to one offset; this picks the earlier instant explicitly. */
function earliestOf(at: DateTime): Date {
  const hourEarlier = at.minus({ hours: 1 });
  const twin = at.minus({ minutes: Math.abs(at.offset - hourEarlier.offset) });
  const same = twin.hour === at.hour && twin.minute === at.minute && twin.toMillis() !== at.toMillis() && twin.offset !== at.offset;
  return (same ? twin : at).toJSDate();
}

/** One day's due time in a window. */
export interface DailySlot {
  localDate: LocalDate;
  dueAt: Date;
}

/**
 * The due times of a daily HH:MM in a zone that fall in (from, to], on the given weekdays.
 * A window may span several local dates (catch-up, the shell's \advance), so every date it touches is tried.
 */
export function dailySlots(window: { from: Date; to: Date }, zone: string, hhmm: string, days?: readonly Weekday[]): DailySlot[] {
  if (window.to <= window.from) return [];
  const out: DailySlot[] = [];
  const last = localDate(window.to, zone);
  for (let date = addDays(localDate(window.from, zone), -1); date <= last; date = addDays(date, 1)) {
    if (days && !days.includes(weekdayOf(date))) continue;
    const at = dueAt(date, hhmm, zone);
    if (at > window.from && at <= window.to) out.push({ localDate: date, dueAt: at });
  }
  return out;
}

/** Minutes since local midnight of an HH:MM. */
function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Is this instant inside the quiet hours (from inclusive, to exclusive; may wrap midnight) in the zone? */
export function inQuietHours(at: Date, zone: string, quiet: { from: string; to: string }): boolean {
  const local = DateTime.fromJSDate(at, { zone });
  const now = local.hour * 60 + local.minute;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/** The first instant at or after `at` outside the quiet hours (the end of the quiet stretch `at` is in). */
export function quietEnd(at: Date, zone: string, quiet: { from: string; to: string }): Date {
  if (!inQuietHours(at, zone, quiet)) return at;
  const today = localDate(at, zone);
  const candidates = [dueAt(today, quiet.to, zone), dueAt(addDays(today, 1), quiet.to, zone)];
  return candidates.find((c) => c > at) ?? candidates[1]!;
}
