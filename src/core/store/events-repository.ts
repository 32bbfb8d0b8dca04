/** Platform event ids already handled, so a retried event is handled once, even across a restart. */
export interface EventsRepository {
  /**
   * Remembers the key; false when it was claimed before and has not expired. Keys live at least 24
   * hours and at most 48 (platforms retry within minutes).
   */
  claim(key: string, now: Date): Promise<boolean>;
  /**
   * Keys not expired at `now`, with when each was claimed (claiming the key again at that time in
   * another store makes it live as long there): for the data copy.
   */
  live(now: Date): Promise<Array<{ key: string; claimedAt: Date }>>;
}
