import type { PairPool, PairRound } from '../model/mentoring.js';
import type { LocalDate } from '../time.js';
import type { Change, Created } from './common.js';

/**
 * Pairing pools and their rounds. A pool's `rounds` index is kept by the store: `createRound` adds
 * the round's entry in the same atomic step, and a pool's `create`/`update` keep the stored index
 * whatever the caller put there.
 */
export interface PairingRepository {
  pool(id: string): Promise<PairPool | undefined>;
  /** Every pool, or every pool of one workspace; in id order. */
  pools(workspace?: string): Promise<PairPool[]>;
  createPool(pool: PairPool): Promise<Created<PairPool>>;
  updatePool(id: string, change: Change<PairPool>): Promise<PairPool | undefined>;
  round(poolId: string, slot: LocalDate): Promise<PairRound | undefined>;
  /** Every round of a pool, oldest slot first. */
  rounds(poolId: string): Promise<PairRound[]>;
  /** One round per (pool, slot): a second create for the slot stores nothing and returns the first. */
  createRound(round: PairRound): Promise<Created<PairRound>>;
  /** E.g. recording a "did you meet?" answer: two answers at once are both kept. */
  updateRound(poolId: string, slot: LocalDate, change: Change<PairRound>): Promise<PairRound | undefined>;
}
