import type { DigestWeek } from '../model/digest-week.js';

/** Each team's weekly digest aggregates, frozen when first computed. They hold no person ids. */
export interface DigestRepository {
  /** A team's frozen weeks by week start (Monday). */
  weeks(teamId: string): Promise<Record<string, DigestWeek>>;
  /** Freezes weeks; a week already frozen for a team is kept as it was (first write wins). Keeps a team's 12 latest weeks. */
  freeze(entries: ReadonlyArray<{ teamId: string; week: DigestWeek }>): Promise<void>;
}

/** Frozen weeks kept per team: the 8 a digest shows, and a margin for catch-up and time zones. */
export const DIGEST_WEEKS_KEPT = 12;
