import type { QueueLimits } from '../../core/queued-outbox.js';

/** The shell prints to one terminal: one message at a time. */
export const SHELL_SEND_LIMITS: Partial<QueueLimits> = { concurrency: 1 };
