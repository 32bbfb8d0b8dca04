import type { PublishedQuery } from '../model/digest-ledger.js';
import type { DigestWeek } from '../model/digest-week.js';
import type { LocalDate } from '../time.js';

/** Each team's weekly digest aggregates, frozen when first computed. They hold no person ids. */
export interface DigestRepository {
  /** A team's frozen weeks by week start (Monday). */
  weeks(teamId: string): Promise<Record<string, DigestWeek>>;
  /**
   * Freezes weeks; a week already frozen for a team is kept as it was (first write wins), and only a week
   * actually frozen by this call adds its `published` queries to the workspace's ledger, in the same write.
   * Keeps a team's 12 latest weeks and a workspace's 12 latest ledger weeks.
   */
  freeze(entries: ReadonlyArray<{ teamId: string; week: DigestWeek; published?: { workspace: string; queries: PublishedQuery[] } }>): Promise<void>;
  /**
   * What digests of a workspace published for a week (opaque person ids), to audit new aggregates against.
   * It outlives removed teams; an erasure replaces the person's id with a random token.
   */
  ledger(workspace: string, week: LocalDate): Promise<PublishedQuery[]>;
  /** Every workspace week the ledger holds, removed teams' weeks included, oldest first: for the data copy. */
  ledgerWeeks(): Promise<Array<{ workspace: string; week: LocalDate }>>;
  /**
   * Writes a ledger week as another store holds it, without freezing any team's week: only for copying
   * into an empty store (a removed team's published weeks have no team to freeze them with).
   */
  restoreLedger(workspace: string, week: LocalDate, queries: PublishedQuery[]): Promise<void>;
}

/** Frozen weeks kept per team: the 8 a digest shows, and a margin for catch-up and time zones. */
export const DIGEST_WEEKS_KEPT = 12;
