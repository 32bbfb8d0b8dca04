import type { EventsRepository } from '../../core/store/index.js';
import type { Executor } from './executor.js';

/** How long a platform event id is remembered: platforms retry within minutes; the port asks for 24-48 hours. */
export const EVENT_KEY_HOURS = 24;
const HOUR = 3_600_000;

/** Event ids with an expiry; one statement claims a new key or one whose time is up, whichever replica asks. */
export class PgEvents implements EventsRepository {
  private claims = 0;

  constructor(private readonly db: Executor) {}

  async claim(key: string, now: Date): Promise<boolean> {
    // Expired keys are deleted now and then, so the table holds about a day of events.
    if (++this.claims % 1000 === 0) await this.prune(now);
    const { rowCount } = await this.db.query(
      `INSERT INTO event_keys (key, expires_at) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE event_keys.expires_at <= $3
       RETURNING 1`,
      [key, new Date(now.getTime() + EVENT_KEY_HOURS * HOUR), now],
    );
    return rowCount === 1;
  }

  async live(now: Date): Promise<Array<{ key: string; claimedAt: Date }>> {
    const { rows } = await this.db.query<{ key: string; expires_at: Date }>('SELECT key, expires_at FROM event_keys WHERE expires_at > $1 ORDER BY expires_at, key', [now]);
    return rows.map((r) => ({ key: r.key, claimedAt: new Date(r.expires_at.getTime() - EVENT_KEY_HOURS * HOUR) }));
  }

  /** Deletes keys that expired; the store runs it at open and now and then. */
  async prune(now: Date): Promise<number> {
    const { rowCount } = await this.db.query('DELETE FROM event_keys WHERE expires_at <= $1', [now]);
    return rowCount ?? 0;
  }
}
