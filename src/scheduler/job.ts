import type { AppContext } from '../core/app-context.js';
import type { Reply } from '../core/reply.js';
import type { LocalDate } from '../core/time.js';

/**
 * One thing a job would send to one person. The ledger key is (personId, key, localDate), so each
 * occurrence is sent at most once, whatever ticks, overlaps or restarts happen.
 */
export interface Occurrence {
  personId: string;
  /** The ledger's job key: the job name, plus a qualifier when a job sends one person several things a day (`weekly-digest:slack:T1/care`). */
  key: string;
  /** The person's local date the occurrence belongs to. */
  localDate: LocalDate;
  /** When it became due. */
  dueAt: Date;
  /** Job-specific data for `what` (a team id, a pairing id, ...). */
  data?: Record<string, string>;
}

/**
 * A scheduled job is data: a name, and functions saying who is due when, and what they get.
 * Features add jobs to the list in jobs/index.ts; the tick never changes for a new job.
 */
export interface Job {
  name: string;
  /**
   * The occurrences due in (from, to]: the tick asks for the window since its last run, widened by
   * the catch-up grace after downtime. Pure over the store: it must not send or write.
   */
  occurrences(app: AppContext, window: { from: Date; to: Date }): Promise<Occurrence[]> | Occurrence[];
  /** What to send, built at send time; undefined skips it (e.g. the person already checked in). */
  what(app: AppContext, occurrence: Occurrence): Promise<Reply | undefined> | Reply | undefined;
  /** Jobs a person asked for explicitly (a follow-up they agreed to) may ignore pause; default false. */
  ignoresPause?: boolean;
}
