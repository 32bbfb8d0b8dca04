import type { OutboxEntry, OutboxRepository, QueuedMessage } from '../../core/store/index.js';
import { replyFromJson, replyToJson } from '../../core/reply-json.js';
import type { Executor } from './executor.js';

interface Row {
  id: string;
  recipients: string[];
  reply: unknown;
  grp: boolean;
}

/**
 * The outbox table. Inside a transaction, `enqueue` is part of it (rolled back with it); relays on every
 * replica claim waiting rows with FOR UPDATE SKIP LOCKED, so two replicas never claim the same row.
 */
export class PgOutbox implements OutboxRepository {
  constructor(private readonly db: Executor) {}

  async enqueue(entry: OutboxEntry, now: Date): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `INSERT INTO outbox (dedupe_key, recipients, reply, created_at) VALUES ($1, $2::text[], $3::jsonb, $4)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1`,
      [entry.key, entry.recipients, JSON.stringify({ group: entry.group ?? false, reply: JSON.parse(replyToJson(entry.reply)) }), now],
    );
    return rowCount === 1;
  }

  async claim(claimer: string, platforms: readonly string[], limit: number, now: Date): Promise<QueuedMessage[]> {
    const { rows } = await this.db.query<Row>(
      `UPDATE outbox SET claimed_by = $1, claimed_at = $4
       WHERE id IN (SELECT id FROM outbox WHERE claimed_at IS NULL AND split_part(recipients[1], ':', 1) = ANY($3::text[])
                    ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, recipients, reply->'reply' AS reply, (reply->>'group')::boolean AS grp`,
      [claimer, limit, [...platforms], now],
    );
    return rows
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((r) => ({ id: String(r.id), recipients: r.recipients, group: r.grp, reply: replyFromJson(r.reply) }));
  }

  async finish(id: string, outcome: string, now: Date): Promise<void> {
    await this.db.query(`UPDATE outbox SET done_at = $3, outcome = $2, recipients = '{}', reply = '{}'::jsonb WHERE id = $1`, [id, outcome, now]);
  }

  async expire(claimedBefore: Date, finishedBefore: Date): Promise<number> {
    const { rowCount } = await this.db.query(
      `UPDATE outbox SET done_at = claimed_at, outcome = 'unknown: the sender stopped during the send; not resent', recipients = '{}', reply = '{}'::jsonb
       WHERE done_at IS NULL AND claimed_at < $1`,
      [claimedBefore],
    );
    await this.db.query('DELETE FROM outbox WHERE done_at < $1', [finishedBefore]);
    return rowCount ?? 0;
  }

  async unsent(): Promise<Array<OutboxEntry & { queuedAt: Date }>> {
    const { rows } = await this.db.query<Row & { dedupe_key: string; created_at: Date }>(
      `SELECT id, dedupe_key, created_at, recipients, reply->'reply' AS reply, (reply->>'group')::boolean AS grp FROM outbox WHERE claimed_at IS NULL ORDER BY id`,
    );
    return rows.map((r) => ({ key: r.dedupe_key, recipients: r.recipients, group: r.grp, reply: replyFromJson(r.reply), queuedAt: r.created_at }));
  }

  async pending(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE done_at IS NULL');
    return rows[0]!.n;
  }
}
