import type pg from 'pg';
import { BUCKET_STRIKES, type SendPacer } from '../../core/send-pacer.js';

/**
 * A shared limiter in PostgreSQL: one row per bucket (a Slack workspace, the Discord bot) holds the next
 * free send slot. Each reservation takes the later of that slot and the database's now, and moves the row
 * on by one interval, in one statement, so replicas never get the same slot. The database's clock is
 * the one clock all replicas share. 429s are counted on the row, so the method's limit is seen across
 * replicas: only then does the whole bucket wait (see SendPacer).
 */
export class PgSendPacer implements SendPacer {
  constructor(private readonly pool: pg.Pool) {}

  /** The slot reserved (database time) and the wait until it; `reserve` returns the wait. */
  async reserveSlot(bucket: string, intervalMs: number): Promise<{ slotAt: Date; waitMs: number }> {
    const { rows } = await this.pool.query<{ slot_at: Date; wait_ms: number }>(
      `WITH t AS (SELECT clock_timestamp() AS now)
       INSERT INTO send_buckets (bucket, next_at) SELECT $1, t.now + make_interval(secs => $2 / 1000.0) FROM t
       ON CONFLICT (bucket) DO UPDATE
         SET next_at = greatest(send_buckets.next_at, (SELECT now FROM t)) + make_interval(secs => $2 / 1000.0)
       RETURNING next_at - make_interval(secs => $2 / 1000.0) AS slot_at,
                 greatest(0, extract(epoch FROM next_at - make_interval(secs => $2 / 1000.0) - (SELECT now FROM t)) * 1000)::float8 AS wait_ms`,
      [bucket, intervalMs],
    );
    return { slotAt: rows[0]!.slot_at, waitMs: rows[0]!.wait_ms };
  }

  async reserve(bucket: string, intervalMs: number): Promise<number> {
    return (await this.reserveSlot(bucket, intervalMs)).waitMs;
  }

  /** One statement: counts the 429 and, at the method's limit, moves the bucket's next slot past Retry-After. */
  async limited(bucket: string, ms: number): Promise<void> {
    await this.pool.query(
      `WITH t AS (SELECT clock_timestamp() AS now, clock_timestamp() + make_interval(secs => $2 / 1000.0) AS until)
       INSERT INTO send_buckets (bucket, next_at, strikes, strikes_until)
         SELECT $1, CASE WHEN 1 >= $3 THEN t.until ELSE t.now END, 1, t.until FROM t
       ON CONFLICT (bucket) DO UPDATE SET
         strikes = CASE WHEN send_buckets.strikes_until > (SELECT now FROM t) THEN send_buckets.strikes + 1 ELSE 1 END,
         strikes_until = (SELECT until FROM t),
         next_at = CASE WHEN (CASE WHEN send_buckets.strikes_until > (SELECT now FROM t) THEN send_buckets.strikes + 1 ELSE 1 END) >= $3
                        THEN greatest(send_buckets.next_at, (SELECT until FROM t)) ELSE send_buckets.next_at END`,
      [bucket, ms, BUCKET_STRIKES],
    );
  }
}
