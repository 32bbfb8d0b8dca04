import type { Platform } from './model/ids.js';
import type { PlatformTraits } from './platform-traits.js';
import type { Reply } from './reply.js';

/** The outcome of sending a message to a person outside a conversation (scheduled work). */
export type SendResult =
  | { ok: true }
  /** permanent: retrying will not help (DMs closed, user gone); otherwise retry after retryAfterMs if given. */
  | { ok: false; permanent: boolean; error: string; retryAfterMs?: number };

/** A platform adapter: receives events, renders replies, and sends to a person by address. */
export interface Adapter {
  readonly platform: Platform;
  /** What the platform can do for its people; actors it builds carry these. */
  readonly traits?: PlatformTraits;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Sends a reply to the person with this address (their id), as a DM on chat platforms. */
  send(personId: string, reply: Reply): Promise<SendResult>;
  /** Whether it is connected to its platform now (for GET /healthz); assumed so when absent. */
  connected?(): boolean;
}
