/**
 * Slack's Web API rules that the fakes enforce, in one module: the test fake (tests/slack/fake-slack.ts)
 * and the benchmarks' fake (bench/fake-slack-api.ts) both use it, so neither is kinder than the other.
 */
export { blockKitProblems, messageProblems, viewProblems } from './block-kit-rules.js';

/** A trigger_id lives 3 s and opens one view; a response_url 30 minutes and 5 posts. */
export const TRIGGER_MS = 3000;
export const RESPONSE_URL_MS = 30 * 60_000;
export const RESPONSE_URL_USES = 5;
/** chat.postMessage: about one message a second per channel. */
export const POST_PER_CHANNEL_MS = 1000;
/** Calls a minute before a 429: conversations.open is Tier 3 (50+), users.info Tier 4 (100+). */
export const PER_MINUTE: Record<string, number> = { 'conversations.open': 50, 'users.info': 100 };

/** Sliding one-minute windows per method, as Slack's tiers count them. */
export class PerMinuteLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly limits: Record<string, number> = PER_MINUTE) {}

  /** Counts a call at `now` (ms); when over the method's limit, the seconds to wait instead (Retry-After). */
  take(method: string, now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const limit = this.limits[method];
    if (limit === undefined) return { ok: true };
    const window = (this.recent.get(method) ?? []).filter((t) => t > now - 60_000);
    if (window.length >= limit) {
      this.recent.set(method, window);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window[0]! + 60_000 - now) / 1000)) };
    }
    this.recent.set(method, [...window, now]);
    return { ok: true };
  }
}
