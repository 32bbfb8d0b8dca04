import type { Outbox } from './outbox.js';
import type { SendPacer } from './send-pacer.js';

/** An outbox whose messages are kept until some replica sends them; the relay runs between start and stop. */
export interface RelayedOutbox extends Outbox {
  start(): void;
  stop(): Promise<void>;
}

/** One holder at a time across replicas (the Discord gateway). */
export interface Election {
  readonly held: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * What a store shared by several processes offers so they act as one (the PostgreSQL engine does; the
 * JSON store is one process and offers none): a shared rate limit and an election. The outbox is in
 * the store port itself (`outbox`), on every engine.
 */
export interface ReplicaSupport {
  pacer: SendPacer;
  elect(options: { name: string; retryMs?: number; onAcquired: () => Promise<void>; onLost: () => Promise<void>; onError?: (err: unknown) => void }): Election;
}
