import type { QueueLimits } from '../../core/queued-outbox.js';

/** Discord's global rate limit is per bot: one bucket for every guild (the queue's default). */
export const DISCORD_SEND_LIMITS: Partial<QueueLimits> = { bucketBy: 'platform' };
