import type { DigestRepository } from './digest-repository.js';
import type { DraftsRepository } from './drafts-repository.js';
import type { EventsRepository } from './events-repository.js';
import type { HistoryRepository } from './history-repository.js';
import type { LedgerRepository } from './ledger-repository.js';
import type { MentoringRepository } from './mentoring-repository.js';
import type { OutboxRepository } from './outbox-repository.js';
import type { NudgesRepository } from './nudges-repository.js';
import type { PairingRepository } from './pairing-repository.js';
import type { PeopleRepository } from './people-repository.js';
import type { PracticeRepository } from './practice-repository.js';
import type { PrivacyRepository } from './privacy-repository.js';
import type { TeamsRepository } from './teams-repository.js';

/** The per-feature repositories: the same inside and outside a transaction. */
export interface Repositories {
  people: PeopleRepository;
  teams: TeamsRepository;
  history: HistoryRepository;
  ledger: LedgerRepository;
  events: EventsRepository;
  drafts: DraftsRepository;
  nudges: NudgesRepository;
  mentoring: MentoringRepository;
  pairing: PairingRepository;
  digest: DigestRepository;
  practice: PracticeRepository;
  /** Messages Attune starts, queued in the transaction that decides them. */
  outbox: OutboxRepository;
}

export interface StoreHealth {
  ok: boolean;
  engine: string;
  /** What is wrong, when not ok. */
  problem?: string;
}

/**
 * The store port: the only way to data. Every read returns a copy; every write is atomic. Engines
 * live in src/store/<engine>/ and pass the contract suite (tests/store/contract/).
 */
export interface Store extends Repositories {
  readonly engine: string;
  privacy: PrivacyRepository;
  /**
   * Runs `work` with repositories whose writes commit together or not at all (also across a crash).
   * Reads inside see the transaction's own writes. `work` may run more than once (an engine may
   * retry a conflict), so it must not send messages or touch anything outside `tx`: it queues them in
   * `tx.outbox`, and they are sent after the commit.
   * Throwing in it rolls everything back and the error reaches the caller. Serializable: the outcome
   * is as if transactions and single writes ran one at a time (SQL: SERIALIZABLE, retried on 40001;
   * or row locks taken with SELECT ... FOR UPDATE through `update`).
   */
  transaction<R>(work: (tx: Repositories) => Promise<R>): Promise<R>;
  health(): Promise<StoreHealth>;
  /** Finishes pending writes and releases the store (files, lock, connections). */
  close(): Promise<void>;
}

/**
 * Test hook an engine accepts at open: called between the steps of a write or a transaction commit
 * (`point` names the step). Throwing simulates a crash there; the contract suite reopens the store
 * and checks it shows all or nothing.
 */
export type FaultHook = (point: string) => void | Promise<void>;
