import type { AppConfig } from './config.js';
import { DISCORD_SEND_LIMITS } from './adapters/discord/send-limits.js';
import { SHELL_SEND_LIMITS } from './adapters/shell/send-limits.js';
import { slackSendLimits } from './adapters/slack/send-limits.js';
import type { QueuedOutboxOptions } from './core/queued-outbox.js';

/** Each platform's send limits (its adapter's knowledge), with what the configuration sets; main.ts, the replica fixture and the benchmark share it. */
export function sendLimits(config: AppConfig): NonNullable<QueuedOutboxOptions['limits']> {
  return { shell: SHELL_SEND_LIMITS, slack: slackSendLimits(config.slackRate), discord: DISCORD_SEND_LIMITS };
}
