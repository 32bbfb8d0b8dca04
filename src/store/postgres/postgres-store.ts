import type pg from 'pg';
import type { FaultHook, PrivacyRepository, Repositories, Store, StoreHealth } from '../../core/store/index.js';
import { addDays, type LocalDate } from '../../core/time.js';
import { PgDigest } from './digest.js';
import { PgDrafts } from './drafts.js';
import { PgEvents } from './events.js';
import { PoolExecutor, type Executor } from './executor.js';
import { PgHistory } from './history.js';
import { PgLedger } from './ledger.js';
import { pgPractice } from './practice.js';
import { pgMentoring } from './mentoring.js';
import { migrate } from './migrate.js';
import { PgNudges } from './nudges.js';
import { PgPairing } from './pairing.js';
import { PgPeople } from './people.js';
import { openPool } from './pool.js';
import { PgPrivacy } from './privacy.js';
import { PgTeams } from './teams.js';
import type { ReplicaSupport } from '../../core/replicas.js';
import { PgOutbox } from './outbox.js';
import { LeaderLease } from './leader-lease.js';
import { PgSendPacer } from './send-pacer.js';

export interface PostgresStoreOptions {
  url: string;
  /** The time at open: ledger entries older than the retention window and expired event keys are deleted. */
  now?: Date;
  /** Ledger retention in days (the JSON store keeps the same window). */
  ledgerDays?: number;
  poolSize?: number;
  applicationName?: string;
  onPoolError?: (err: Error) => void;
  /** The contract suite's crash hook. */
  fault?: FaultHook;
}

export const LEDGER_DAYS = 35;

function repositories(db: Executor): Repositories {
  return {
    people: new PgPeople(db),
    teams: new PgTeams(db),
    history: new PgHistory(db),
    ledger: new PgLedger(db),
    events: new PgEvents(db),
    drafts: new PgDrafts(db),
    nudges: new PgNudges(db),
    mentoring: pgMentoring(db),
    pairing: new PgPairing(db),
    digest: new PgDigest(db),
    practice: pgPractice(db),
    outbox: new PgOutbox(db),
  };
}

/**
 * The PostgreSQL engine: any number of replicas on one database. Unique keys decide races (the ledger,
 * event keys, rounds, idempotency keys), updates lock their row, transactions are serializable.
 */
export class PostgresStore implements Store {
  readonly engine = 'postgres';
  readonly people;
  readonly teams;
  readonly history;
  readonly ledger;
  readonly events;
  readonly drafts;
  readonly nudges;
  readonly mentoring;
  readonly pairing;
  readonly digest;
  readonly practice;
  readonly outbox;
  readonly privacy: PrivacyRepository;
  /** What this replica shares with the others on the database: the send pace and elections. */
  readonly replicas: ReplicaSupport;
  private closed = false;

  private constructor(
    readonly pool: pg.Pool,
    private readonly db: PoolExecutor,
    /** The schema versions this open applied (empty when another replica, or an earlier start, did). */
    readonly migrated: number[],
  ) {
    this.replicas = {
      pacer: new PgSendPacer(pool),
      elect: (o) => new LeaderLease(pool, o),
    };
    const repos = repositories(db);
    this.people = repos.people;
    this.teams = repos.teams;
    this.history = repos.history;
    this.ledger = repos.ledger;
    this.events = repos.events;
    this.drafts = repos.drafts;
    this.nudges = repos.nudges;
    this.mentoring = repos.mentoring;
    this.pairing = repos.pairing;
    this.digest = repos.digest;
    this.practice = repos.practice;
    this.outbox = repos.outbox;
    this.privacy = new PgPrivacy(db);
  }

  /** Connects, migrates (once across replicas starting together), and prunes what is past its retention. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = await openPool(options.url, {
      ...(options.poolSize ? { max: options.poolSize } : {}),
      ...(options.applicationName ? { applicationName: options.applicationName } : {}),
      ...(options.onPoolError ? { onError: options.onPoolError } : {}),
    });
    try {
      const migrated = await migrate(pool);
      const store = new PostgresStore(pool, new PoolExecutor(pool, options.fault), migrated);
      if (options.now) {
        const today = options.now.toISOString().slice(0, 10) as LocalDate;
        await store.ledger.prune(addDays(today, -(options.ledgerDays ?? LEDGER_DAYS)));
        await (store.events as PgEvents).prune(options.now);
      }
      return store;
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
  }

  /** Serializable, run again from the start on a serialization failure (the port requires `work` to allow it). */
  transaction<R>(work: (tx: Repositories) => Promise<R>): Promise<R> {
    return this.db.atomic((q) => work(repositories(q)), 'SERIALIZABLE');
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.pool.query('SELECT 1 FROM schema_migrations LIMIT 1');
      return { ok: true, engine: this.engine };
    } catch (err) {
      return { ok: false, engine: this.engine, problem: `the database does not answer: ${(err as Error).message}` };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
