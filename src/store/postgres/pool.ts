import pg from 'pg';

/** The database could not be reached or refused Attune; the message names it without its password. */
export class DatabaseUnreachableError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(
      `Attune cannot reach its PostgreSQL database at ${redactUrl(url)}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        'Check DATABASE_URL (postgres://user:password@host:5432/database) and that the server is running.',
    );
    this.name = 'DatabaseUnreachableError';
  }
}

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unreadable URL)';
  }
}

export interface PoolOptions {
  /** Connections at most; a replica needs few (a tick's fan-out is paced by the platform, not the database). */
  max?: number;
  /** Told to PostgreSQL, so pg_stat_activity shows which replica a session is. */
  applicationName?: string;
  onError?: (err: Error) => void;
}

/** A pool on DATABASE_URL, checked with one round trip so a wrong URL stops start-up with a clear message. */
export async function openPool(url: string, options: PoolOptions = {}): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: options.applicationName ?? 'attune' });
  // An idle client's connection can drop (a server restart); without a listener that error would end the process.
  pool.on('error', (err) => options.onError?.(err));
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnreachableError(url, err);
  }
  return pool;
}
