import type { LocalDate } from '../time.js';

/** A check-in is hard when its mood is at most this; this many hard check-ins in a row make a hard run. */
export const HARD_MOOD = 2;
export const HARD_RUN = 3;

/**
 * One person's check-ins for one team in one calendar week (Monday to Sunday), reduced to what the
 * digest's release rule needs: no answer and no text. Counted over the latest check-in of each day
 * among those carrying the team's id (CheckIn.teams).
 */
export interface WeekSummary {
  personId: string;
  teamId: string;
  /** The week's Monday. */
  week: LocalDate;
  /** Days with a check-in for the team. */
  days: number;
  /** Sums of those days' scores (each 1-5): the person's weekly mean is sum / days. */
  mood: number;
  energy: number;
  stress: number;
  /** HARD_RUN or more hard check-ins (mood HARD_MOOD or lower) in a row, by date. */
  hardRun: boolean;
  /** The earliest `at` among those check-ins (a team re-created under an old id must not count older ones). */
  firstAt: string;
  /** Some of those check-ins carry words (a shared note or a custom answer): themes need the check-ins themselves. */
  words: boolean;
}
