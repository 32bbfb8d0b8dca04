import { DateTime } from 'luxon';

/** An ISO local calendar date, YYYY-MM-DD. */
export type LocalDate = string;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Validates an IANA zone the way PLATFORMS.md advises: by constructing a formatter, because
 * Intl.supportedValuesOf omits UTC and the Etc/* aliases that people really type.
 */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function localDateTime(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone });
}

export function localDate(at: Date, zone: string): LocalDate {
  return localDateTime(at, zone).toISODate() as LocalDate;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A plain YYYY-MM-DD date (years 1000-9999) as days since 1970-01-01 UTC; undefined for anything else,
 * which then goes through luxon as before. Date arithmetic runs for every day of every history read
 * (a year's check-ins in `history`, the support check): luxon costs ~100x this per call.
 */
function epochDay(date: LocalDate): number | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC rolls 2026-02-30 over to March; luxon calls it invalid, so luxon answers it.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t / DAY_MS;
}

function fromEpochDay(day: number): LocalDate | undefined {
  const iso = new Date(day * DAY_MS).toISOString();
  return /^\d{4}-/.test(iso) && !iso.startsWith('0') ? iso.slice(0, 10) : undefined;
}

/** Days between two local dates, b - a. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const da = epochDay(a);
  const db = epochDay(b);
  if (da !== undefined && db !== undefined) return db - da;
  return Math.round(DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days').days);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const day = Number.isInteger(days) ? epochDay(date) : undefined;
  const out = day === undefined ? undefined : fromEpochDay(day + days);
  return out ?? (DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as LocalDate);
}

export function weekdayOf(date: LocalDate): Weekday {
  const day = epochDay(date);
  // 1970-01-01 was a Thursday (index 3 from Monday).
  if (day !== undefined) return WEEKDAYS[(((day + 3) % 7) + 7) % 7]!;
  return WEEKDAYS[DateTime.fromISO(date, { zone: 'utc' }).weekday - 1]!;
}

/** The YYYY-MM months that a range of local dates touches, in order. */
export function monthsBetween(from: LocalDate, to: LocalDate): string[] {
  // Plain arithmetic: this runs for every history read, and luxon formatting costs ~0.4 ms a call.
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endYear = Number(to.slice(0, 4));
  const endMonth = Number(to.slice(5, 7));
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidHhmm(value: string): boolean {
  return HHMM.test(value);
}

/** Parses "9:30", "09:30" or "0930" to "09:30"; undefined when it is not a time of day. */
export function normalizeHhmm(value: string): string | undefined {
  const m = /^(\d{1,2}):?(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const out = `${m[1]!.padStart(2, '0')}:${m[2]}`;
  return isValidHhmm(out) ? out : undefined;
}

/**
 * Parses working days: "mon-fri", "mon,wed,fri", "weekdays", "everyday", "sat-sun".
 * Returns undefined when any part is not a day.
 */
export function parseWeekdays(value: string): Weekday[] | undefined {
  const text = value.trim().toLowerCase();
  if (text === 'weekdays') return ['mon', 'tue', 'wed', 'thu', 'fri'];
  if (text === 'everyday' || text === 'daily' || text === 'all') return [...WEEKDAYS];
  if (text === 'weekends') return ['sat', 'sun'];
  const days = new Set<Weekday>();
  for (const part of text.split(/[,\s]+/).filter(Boolean)) {
    const range = part.split('-');
    if (range.length === 2) {
      const a = toWeekday(range[0]!);
      const b = toWeekday(range[1]!);
      if (!a || !b) return undefined;
      let i = WEEKDAYS.indexOf(a);
      const end = WEEKDAYS.indexOf(b);
      for (let n = 0; n < 7; n++) {
        days.add(WEEKDAYS[i]!);
        if (i === end) break;
        i = (i + 1) % 7;
      }
    } else if (range.length === 1) {
      const d = toWeekday(part);
      if (!d) return undefined;
      days.add(d);
    } else {
      return undefined;
    }
  }
  if (days.size === 0) return undefined;
  return WEEKDAYS.filter((d) => days.has(d));
}

/** One day typed as a word: `mon`, `Monday`, `fri`. */
export function parseWeekday(text: string): Weekday | undefined {
  return toWeekday(text.trim().toLowerCase());
}

function toWeekday(word: string): Weekday | undefined {
  const w = word.slice(0, 3) as Weekday;
  return WEEKDAYS.includes(w) && word.length >= 3 ? w : undefined;
}

/** "mon-fri" for a contiguous run, otherwise "mon, wed, fri". */
export function formatWeekdays(days: readonly Weekday[]): string {
  if (days.length === 7) return 'every day';
  const idx = days.map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
  const contiguous = idx.length > 2 && idx.every((v, i) => i === 0 || v === idx[i - 1]! + 1);
  if (contiguous) return `${WEEKDAYS[idx[0]!]}-${WEEKDAYS[idx[idx.length - 1]!]}`;
  return idx.map((i) => WEEKDAYS[i]).join(', ');
}
