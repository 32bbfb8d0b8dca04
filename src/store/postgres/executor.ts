import type pg from 'pg';
import type { FaultHook } from '../../core/store/index.js';

type Params = unknown[];

/** Errors after which a transaction is safely run again: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_TRIES = 12;

export type Isolation = 'READ COMMITTED' | 'SERIALIZABLE';

/**
 * Where repositories send SQL: the pool (each statement its own transaction) or one client inside a
 * transaction. `atomic` runs several statements as one: a transaction of its own on the pool, or simply
 * part of the enclosing one.
 */
export interface Executor {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: Params): Promise<pg.QueryResult<R>>;
  atomic<R>(work: (q: Executor) => Promise<R>, isolation?: Isolation): Promise<R>;
  /** The contract suite's crash hook: throwing here aborts the write in progress. */
  fault(point: string): Promise<void>;
}

const pause = (tries: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** tries)));

function code(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

class ClientExecutor implements Executor {
  constructor(
    private readonly client: pg.PoolClient,
    private readonly hook: FaultHook | undefined,
  ) {}

  query<R extends pg.QueryResultRow>(sql: string, params?: Params): Promise<pg.QueryResult<R>> {
    return this.client.query<R>(sql, params);
  }

  atomic<R>(work: (q: Executor) => Promise<R>): Promise<R> {
    return work(this);
  }

  async fault(point: string): Promise<void> {
    await this.hook?.(point);
  }
}

export class PoolExecutor implements Executor {
  constructor(
    private readonly pool: pg.Pool,
    private readonly hook?: FaultHook,
  ) {}

  query<R extends pg.QueryResultRow>(sql: string, params?: Params): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(sql, params);
  }

  async fault(point: string): Promise<void> {
    await this.hook?.(point);
  }

  /**
   * One transaction on one client; run again from the start on a serialization failure or a deadlock
   * (the port allows it: work and update functions are pure). Anything else rolls back and is thrown.
   */
  async atomic<R>(work: (q: Executor) => Promise<R>, isolation: Isolation = 'READ COMMITTED'): Promise<R> {
    for (let tries = 1; ; tries++) {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
        const tx = new ClientExecutor(client, this.hook);
        const result = await work(tx);
        await tx.fault('commit');
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        if (!RETRYABLE.has(code(err) ?? '') || tries >= MAX_TRIES) throw err;
      } finally {
        // A client whose rollback failed may be mid-transaction: destroy it rather than hand it out again.
        client.release(broken);
      }
      await pause(tries);
    }
  }
}
