import type pg from 'pg';
import type { Platform } from '../../core/model/ids.js';
import type { SendPacer } from '../../core/send-pacer.js';

/**
 * A shared limiter in PostgreSQL: one row per platform holds the next free send slot. Each reservation
 * takes the later of that slot and the database's now, and moves the row on by one interval, in one
 * statement, so replicas never get the same slot. The database's clock is the one clock all replicas share.
 */
export class PgSendPacer implements SendPacer {
  constructor(private readonly pool: pg.Pool) {}

  /** The slot reserved (database time) and the wait until it; `reserve` returns the wait. */
  async reserveSlot(platform: Platform, intervalMs: number): Promise<{ slotAt: Date; waitMs: number }> {
    const { rows } = await this.pool.query<{ slot_at: Date; wait_ms: number }>(
      `WITH t AS (SELECT clock_timestamp() AS now)
       INSERT INTO send_buckets (bucket, next_at) SELECT $1, t.now + make_interval(secs => $2 / 1000.0) FROM t
       ON CONFLICT (bucket) DO UPDATE
         SET next_at = greatest(send_buckets.next_at, (SELECT now FROM t)) + make_interval(secs => $2 / 1000.0)
       RETURNING next_at - make_interval(secs => $2 / 1000.0) AS slot_at,
                 greatest(0, extract(epoch FROM next_at - make_interval(secs => $2 / 1000.0) - (SELECT now FROM t)) * 1000)::float8 AS wait_ms`,
      [platform, intervalMs],
    );
    return { slotAt: rows[0]!.slot_at, waitMs: rows[0]!.wait_ms };
  }

  async reserve(platform: Platform, intervalMs: number): Promise<number> {
    return (await this.reserveSlot(platform, intervalMs)).waitMs;
  }

  async pause(platform: Platform, ms: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO send_buckets (bucket, next_at) VALUES ($1, clock_timestamp() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (bucket) DO UPDATE SET next_at = greatest(send_buckets.next_at, EXCLUDED.next_at)`,
      [platform, ms],
    );
  }
}
