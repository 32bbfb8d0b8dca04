import type pg from 'pg';

export interface LeaderLeaseOptions {
  /** What is elected, e.g. `discord-gateway`: one holder per name across every replica on the database. */
  name: string;
  /** How often a replica without the lease tries to take it. Default 5 s. */
  retryMs?: number;
  /** Called once this replica holds the lease: start what only one replica may run. */
  onAcquired: () => Promise<void>;
  /** Called when the lease is lost (the database session ended) or released: stop it at once. */
  onLost: () => Promise<void>;
  onError?: (err: unknown) => void;
}

/** A stable 64-bit advisory lock key for a name (hashtextextended is in PostgreSQL 11+). */
const LOCK_SQL = 'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS held';

/**
 * One holder at a time, elected through a session advisory lock on a dedicated connection. The lock
 * lives exactly as long as that session: when the holder's process dies, PostgreSQL ends the session,
 * the lock is free, and the next replica to try takes it over. A holder whose connection drops stops
 * its work before anyone else can start (it cannot know whether the lock is still its own).
 */
export class LeaderLease {
  private client: pg.PoolClient | undefined;
  private timer: NodeJS.Timeout | undefined;
  private trying: Promise<void> | undefined;
  private stopped = false;
  held = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: LeaderLeaseOptions,
  ) {}

  /** Tries now, then every retryMs until it holds the lease. */
  start(): Promise<void> {
    this.stopped = false;
    this.timer = setInterval(() => void this.tryOnce(), this.options.retryMs ?? 5000);
    return this.tryOnce();
  }

  tryOnce(): Promise<void> {
    this.trying ??= this.attempt().finally(() => (this.trying = undefined));
    return this.trying;
  }

  private async attempt(): Promise<void> {
    if (this.held || this.stopped) return;
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      const { rows } = await client.query<{ held: boolean }>(LOCK_SQL, [this.options.name]);
      if (!rows[0]?.held) {
        client.release();
        return;
      }
      this.client = client;
      this.held = true;
      client.on('error', (err) => void this.lose(err));
      await this.options.onAcquired();
    } catch (err) {
      this.options.onError?.(err);
      if (client && !this.held) client.release(true);
      else if (this.held) await this.lose(err);
    }
  }

  private async lose(err?: unknown): Promise<void> {
    if (!this.held) return;
    this.held = false;
    const client = this.client;
    this.client = undefined;
    if (err) this.options.onError?.(err);
    try {
      await this.options.onLost();
      // A clean stop hands over at once; after an error the session is ending anyway.
      if (!err) await client?.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.options.name]).catch(() => undefined);
    } finally {
      // Destroying the session releases the lock even if the unlock cannot be sent.
      client?.release(true);
    }
  }

  /** Stops trying and hands the lease over (another replica takes it on its next try). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.trying;
    await this.lose();
  }
}
