import type { AppConfig } from './config.js';
import type { DirectOutbox } from './core/direct-outbox.js';
import { platformOf, type Platform } from './core/model/ids.js';
import type { Outbox } from './core/outbox.js';
import { QueuedOutbox } from './core/queued-outbox.js';
import { sendLimits } from './send-limits.js';
import { OutboxRelay } from './core/outbox-relay.js';
import { systemClock } from './core/clock.js';
import type { Store } from './core/store/index.js';
import { replicaSupportOf } from './store/open-store.js';

/** How this process sends; main.ts and the replica test fixture build it the same way. */
export interface SendPath {
  /** Scheduled sends, which the ledger already makes once: the paced per-platform queue. */
  queued: QueuedOutbox;
  /** Messages features start (invitations, intros, notices): through the store's outbox, relayed to the queue. */
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
  /** A relayed message the platform did not take (no content: the caller logs it). */
  onUndelivered?: (message: { id: string; recipients: number }, error: string) => void;
}

/**
 * The paced per-platform queue over the adapters (on a shared database, paced through its limiter),
 * and the relay from the store's outbox to it: every message Attune starts is either in the ledger or
 * in the outbox, queued in the transaction that decided it. On the JSON store (one process) a feature
 * waits for its messages to go out, as before; with replicas it only starts the relay (any of them may send).
 */
export function createSendPath(options: SendPathOptions): SendPath {
  const replicas = replicaSupportOf(options.store);
  const queued = new QueuedOutbox(options.direct, { clock: systemClock, limits: sendLimits(options.config), ...(replicas ? { pacer: replicas.pacer } : {}) });
  // With replicas and Discord on, Discord is delivered by the gateway holder only.
  const elected = new Set<Platform>(replicas && options.config.discord ? ['discord'] : []);
  const holding = new Set<Platform>();
  const here = (p: Platform) => !elected.has(p) || holding.has(p);
  const relay = new OutboxRelay({
    outbox: options.store.outbox,
    clock: systemClock,
    claimer: options.replicaId,
    deliver: queued,
    platforms: () => (['shell', 'slack', 'discord'] as const).filter(here),
    waitForSends: !replicas,
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.onUndelivered ? { onUndelivered: (m, r) => options.onUndelivered!(m, r.ok ? '' : r.error) } : {}),
  });
  return {
    queued,
    started: relay,
    handles: (personId) => here(platformOf(personId)),
    setHolding: (platform, on) => {
      if (on) holding.add(platform);
      else holding.delete(platform);
      // What waited for the gateway can go now.
      if (on) void relay.kick();
    },
    start: () => relay.start(),
    stop: async () => {
      await relay.stop();
      await queued.drain();
    },
  };
}
