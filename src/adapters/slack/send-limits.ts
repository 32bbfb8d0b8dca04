import { DEFAULT_LIMITS, type QueueLimits } from '../../core/queued-outbox.js';

/**
 * Slack's limits are per workspace. ATTUNE_SLACK_RATE paces it, with enough sends in flight for about a
 * second of each: a Slack send is two calls (open the DM, post), and one slow or retried call must not
 * hold back the pace. The pace bounds the rate.
 */
export function slackSendLimits(rate: number | undefined): Partial<QueueLimits> {
  return { bucketBy: 'workspace', ...(rate === undefined ? {} : { perSecond: rate, concurrency: Math.max(DEFAULT_LIMITS.concurrency, Math.ceil(rate)) }) };
}
