import type { AppConfig } from './config.js';
import type { DirectOutbox } from './core/direct-outbox.js';
import { platformOf, type Platform } from './core/model/ids.js';
import type { Outbox } from './core/outbox.js';
import { QueuedOutbox, queueLimitsFrom } from './core/queued-outbox.js';
import type { RelayedOutbox } from './core/replicas.js';
import { systemClock } from './core/clock.js';
import type { Store } from './core/store/index.js';
import { replicaSupportOf } from './store/open-store.js';

/** How this process sends; main.ts and the replica test fixture build it the same way. */
export interface SendPath {
  /** Scheduled sends, which the ledger already makes once: the paced per-platform queue. */
  queued: QueuedOutbox;
  /** Messages features start (invitations, intros, notices): through the outbox table when replicas share a database. */
  started: Outbox;
  /** Whether this process can deliver to a person now (Discord: only while it holds the gateway). */
  handles(personId: string): boolean;
  /** The Discord gateway came to this process, or left it. */
  setHolding(platform: Platform, holding: boolean): void;
  start(): void;
  stop(): Promise<void>;
}

export interface SendPathOptions {
  store: Store;
  config: AppConfig;
  direct: DirectOutbox;
  /** Recorded on outbox rows this process claims. */
  replicaId: string;
  onError?: (err: unknown) => void;
}

/**
 * On the JSON store (one process): the paced queue, as before. On a store shared by replicas: the
 * queue paces through the database's shared limiter, and messages features start go through the
 * relayed outbox, so every message Attune starts is either in the ledger or in the outbox table.
 */
export function createSendPath(options: SendPathOptions): SendPath {
  const replicas = replicaSupportOf(options.store);
  const queued = new QueuedOutbox(options.direct, { clock: systemClock, limits: queueLimitsFrom(options.config), ...(replicas ? { pacer: replicas.pacer } : {}) });
  // With replicas and Discord on, Discord is delivered by the gateway holder only.
  const elected = new Set<Platform>(replicas && options.config.discord ? ['discord'] : []);
  const holding = new Set<Platform>();
  const here = (p: Platform) => !elected.has(p) || holding.has(p);
  let relayed: RelayedOutbox | undefined;
  if (replicas) {
    relayed = replicas.relayedOutbox({
      replicaId: options.replicaId,
      deliver: queued,
      platforms: () => (['shell', 'slack', 'discord'] as const).filter(here),
      ...(options.onError ? { onError: options.onError } : {}),
    });
  }
  return {
    queued,
    started: relayed ?? queued,
    handles: (personId) => here(platformOf(personId)),
    setHolding: (platform, on) => void (on ? holding.add(platform) : holding.delete(platform)),
    start: () => relayed?.start(),
    stop: async () => {
      await relayed?.stop();
      await queued.drain();
    },
  };
}
