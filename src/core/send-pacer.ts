import type { Platform } from './model/ids.js';

/**
 * Paces one platform's sends across every process sending for it (replicas on one database), so
 * together they keep to the rate one process would. The send queue asks it for a slot before each send.
 */
export interface SendPacer {
  /** Reserves the next free slot `intervalMs` after the previous one; resolves with how long to wait for it. */
  reserve(platform: Platform, intervalMs: number): Promise<number>;
  /** A 429 told one process to wait: no process sends on that platform before then. */
  pause(platform: Platform, ms: number): Promise<void>;
}
