import type { CheckIn, Reflection, ServedPrompt } from '../model/history.js';
import type { LocalDate } from '../time.js';
import type { DateRange, Created } from './common.js';
import type { WeekSummary } from './week-summary.js';

/**
 * A person's reflections, check-ins and served prompts. Reads are ordered by `at`, oldest first.
 * Writes carrying a `key` (the platform event id) are idempotent: a second write with the same key
 * (same person) stores nothing and returns the first record with `created: false`.
 */
export interface HistoryRepository {
  addReflection(reflection: Reflection): Promise<Created<Reflection>>;
  /** Replaces the person's reflection(s) of that local date with this one (or adds it). */
  replaceReflection(reflection: Reflection): Promise<Reflection>;
  reflections(personId: string, range: DateRange): Promise<Reflection[]>;
  addCheckIn(checkIn: CheckIn): Promise<Created<CheckIn>>;
  /** Replaces the person's check-in(s) of that local date with this one (or adds it). */
  replaceCheckIn(checkIn: CheckIn): Promise<CheckIn>;
  checkIns(personId: string, range: DateRange): Promise<CheckIn[]>;
  /** One served prompt per person and local date: a second one that day replaces the first. */
  recordServed(personId: string, served: ServedPrompt): Promise<void>;
  served(personId: string, range: DateRange): Promise<ServedPrompt[]>;
  /**
   * For each prompt id, the latest time it was served to the person on or after `since`; ordered by
   * local date, oldest first. What prompt rotation needs: engines answer it from a per-person index
   * (one entry per prompt), so it costs the same after years of history.
   */
  latestServed(personId: string, since: LocalDate): Promise<ServedPrompt[]>;
  /**
   * The person's weekly check-in summaries, one per (team, week), for the weeks from `range.from` (a Monday)
   * to `range.to` (a Sunday); ordered by week, then team. Engines keep them as check-ins are written (or
   * answer with one GROUP BY), so a digest does not read the check-ins themselves.
   */
  weekSummaries(personId: string, range: DateRange): Promise<WeekSummary[]>;
  /** The months (YYYY-MM) holding any history of this person, oldest first. */
  months(personId: string): Promise<string[]>;
}
