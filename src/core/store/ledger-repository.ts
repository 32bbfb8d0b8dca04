import type { Delivery } from '../model/delivery.js';
import type { LocalDate } from '../time.js';
import type { Change } from './common.js';

/**
 * The delivery ledger: one entry per (person, job, local date), the unique key that makes each
 * scheduled send happen once across restarts, overlapping ticks and replicas.
 */
export interface LedgerRepository {
  get(personId: string, job: string, localDate: LocalDate): Promise<Delivery | undefined>;
  /**
   * Stores the entry if none exists for its (person, job, date). True when this caller won and must
   * send; false when someone already did (or is doing) it.
   */
  claim(delivery: Delivery): Promise<boolean>;
  update(personId: string, job: string, localDate: LocalDate, change: Change<Delivery>): Promise<Delivery | undefined>;
  /** Every entry of one local date (any person, any job). */
  on(localDate: LocalDate): Promise<Delivery[]>;
  /** Deletes entries of local dates before `before`; returns how many. Engines also prune by their retention window. */
  prune(before: LocalDate): Promise<number>;
}
