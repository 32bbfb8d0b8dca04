/**
 * Short-lived pending values by (person, purpose), e.g. an answer awaiting "replace the first one?" or
 * a Discord form waiting for its modal. The data must be JSON.
 */
export interface DraftsRepository {
  /** Undefined when absent or expired at `now`. */
  get<T>(personId: string, purpose: string, now: Date): Promise<T | undefined>;
  set(personId: string, purpose: string, data: unknown, expiresAt: Date): Promise<void>;
  clear(personId: string, purpose: string): Promise<void>;
}
