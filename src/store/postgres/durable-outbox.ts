import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { SendResult } from '../../core/adapter.js';
import type { Outbox } from '../../core/outbox.js';
import type { Reply } from '../../core/reply.js';
import { replyFromJson, replyToJson } from './reply-json.js';

export interface DurableOutboxOptions {
  /** Who this replica is, recorded on the messages it claims. */
  replicaId: string;
  /** Where a claimed message is really sent: the paced, per-platform queue over the adapters. */
  deliver: Outbox;
  /** How often an idle relay looks for messages other replicas wrote. Default 1 s. */
  pollMs?: number;
  /** Claimed but not finished after this long: its replica died during the send; marked unknown, not resent. Default 15 min. */
  sendTimeoutMs?: number;
  batch?: number;
  /** Platforms this replica can send to now (Discord: only the gateway holder); default all. */
  platforms?: () => readonly string[];
  onError?: (err: unknown) => void;
}

interface Row {
  id: string;
  recipients: string[];
  reply: unknown;
  grp: boolean;
}

/**
 * The transactional outbox for messages Attune starts outside the ledger (mentor invitations, intros,
 * decline notices). `send` writes the message to the outbox table and returns; a relay on every
 * replica claims waiting rows with FOR UPDATE SKIP LOCKED, so each is sent by one replica, once,
 * through that replica's paced queue (and so within the shared rate limit). A sent row keeps no content.
 */
export class DurableOutbox implements Outbox {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly pollMs: number;
  private readonly batch: number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: DurableOutboxOptions,
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.batch = options.batch ?? 20;
  }

  /** Queued durably; `ok` means the message will be sent by some replica, not that it was. */
  send(personId: string, reply: Reply): Promise<SendResult> {
    return this.enqueue([personId], reply, false);
  }

  sendGroup(personIds: string[], reply: Reply): Promise<SendResult> {
    if (personIds.length === 0) return Promise.resolve({ ok: true });
    return this.enqueue(personIds, reply, true);
  }

  /**
   * Writes one message. `key` makes a retried write (the same decision taken twice) store it once; the
   * default key is fresh, so every call is one message.
   */
  async enqueue(recipients: string[], reply: Reply, group: boolean, key: string = randomUUID()): Promise<SendResult> {
    await this.pool.query(
      `INSERT INTO outbox (dedupe_key, recipients, reply, created_at) VALUES ($1, $2::text[], $3::jsonb, clock_timestamp())
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [key, recipients, JSON.stringify({ group, reply: JSON.parse(replyToJson(reply)) })],
    );
    this.kick();
    return { ok: true };
  }

  /** Starts the relay: a pass now, then one every pollMs (and right after this replica writes). */
  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Runs a relay pass, or another right after the one in progress. */
  kick(): void {
    if (this.stopped || !this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.relay()
      .then(() => undefined)
      .catch((err: unknown) => this.options.onError?.(err))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Sends everything waiting; resolves when the table has nothing left for this replica to claim. */
  async relay(): Promise<number> {
    let sent = 0;
    await this.expireAbandoned();
    for (;;) {
      const { rows } = await this.pool.query<Row>(
        `UPDATE outbox SET claimed_by = $1, claimed_at = clock_timestamp()
         WHERE id IN (SELECT id FROM outbox WHERE claimed_at IS NULL AND split_part(recipients[1], ':', 1) = ANY($3::text[])
                      ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, recipients, reply->'reply' AS reply, (reply->>'group')::boolean AS grp`,
        [this.options.replicaId, this.batch, this.options.platforms?.() ?? ['shell', 'slack', 'discord']],
      );
      if (rows.length === 0) return sent;
      await Promise.all(
        rows.map(async (row) => {
          const reply = replyFromJson(row.reply);
          let result: SendResult;
          try {
            result = row.grp ? await this.options.deliver.sendGroup(row.recipients, reply) : await this.options.deliver.send(row.recipients[0]!, reply);
          } catch (err) {
            result = { ok: false, permanent: true, error: err instanceof Error ? err.message : String(err) };
          }
          await this.finish(row.id, result.ok ? 'sent' : `failed: ${result.error}`);
          sent++;
        }),
      );
    }
  }

  private async finish(id: string, outcome: string): Promise<void> {
    // The content is not kept once sent: it may name people (an intro), and erase must not have to find it.
    await this.pool.query(`UPDATE outbox SET done_at = clock_timestamp(), outcome = $2, recipients = '{}', reply = '{}'::jsonb WHERE id = $1`, [id, outcome]);
  }

  /** Rows a dead replica claimed and never finished: whether they arrived is unknown, so they are not resent. */
  private async expireAbandoned(): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET done_at = clock_timestamp(), outcome = 'unknown: the replica stopped during the send; not resent', recipients = '{}', reply = '{}'::jsonb
       WHERE done_at IS NULL AND claimed_at < clock_timestamp() - make_interval(secs => $1 / 1000.0)`,
      [this.options.sendTimeoutMs ?? 15 * 60_000],
    );
    // Finished rows only guard their key against a second write of the same decision: two days is plenty.
    await this.pool.query(`DELETE FROM outbox WHERE done_at < clock_timestamp() - interval '2 days'`);
  }
}
