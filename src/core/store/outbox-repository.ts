import type { Reply } from '../reply.js';

/** A message Attune starts (an invitation, an intro, a notice), as the store keeps it until it is sent. */
export interface QueuedMessage {
  id: string;
  recipients: string[];
  /** One conversation with all recipients (a group DM) rather than one message each. */
  group: boolean;
  reply: Reply;
}

/** What a feature queues: `key` names the decision, so the same decision written twice is one message. */
export interface OutboxEntry {
  key: string;
  recipients: string[];
  group?: boolean;
  reply: Reply;
}

/**
 * The transactional outbox. A feature enqueues its messages through `tx.outbox` in the same
 * transaction as the state change they announce: a transaction that fails leaves no message, one
 * that commits leaves it for a relay to send. Relays (one per process; several replicas on a shared
 * database) claim waiting messages, each message by one claimer only, send them and record the
 * outcome. A claimed message never finished (its sender died mid-send) is marked unknown and not
 * sent again: a lost notice is better than a double one.
 */
export interface OutboxRepository {
  /** Queues a message; false (and nothing written) when a message with this key already exists. */
  enqueue(entry: OutboxEntry, now: Date): Promise<boolean>;
  /**
   * Claims up to `limit` waiting messages, oldest first, whose first recipient is on one of
   * `platforms`. A message is returned to one claimer, once.
   */
  claim(claimer: string, platforms: readonly string[], limit: number, now: Date): Promise<QueuedMessage[]>;
  /** Records a claimed message's outcome and forgets its recipients and content (they may name people). */
  finish(id: string, outcome: string, now: Date): Promise<void>;
  /**
   * Messages claimed before `claimedBefore` and not finished become unknown (not resent); finished ones
   * older than `finishedBefore` are deleted. Returns how many became unknown.
   */
  expire(claimedBefore: Date, finishedBefore: Date): Promise<number>;
  /** Messages not yet finished (waiting or claimed): for checks and the data copy. */
  pending(): Promise<number>;
  /** Messages no sender has claimed yet, oldest first, as they were queued: for the data copy. */
  unsent(): Promise<Array<OutboxEntry & { queuedAt: Date }>>;
}
