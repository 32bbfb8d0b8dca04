import type { SendResult } from './adapter.js';
import type { Reply } from './reply.js';

/**
 * Messages Attune starts (not replies): a mentor invitation, an intro, a scheduled prompt.
 * Routed to the person's platform by their address; the scheduler's queue sits behind it.
 */
export interface Outbox {
  send(personId: string, reply: Reply): Promise<SendResult>;
  /** One conversation with all of them where the platform allows it (Slack group DM), else one DM each. */
  sendGroup(personIds: string[], reply: Reply): Promise<SendResult>;
  /**
   * A transaction that queued messages in the store's outbox (`tx.outbox`) committed: an outbox that
   * relays them sends them now; one that does not relay has nothing to do.
   */
  flush?(): Promise<void>;
}
