import { webApi } from '@slack/bolt';
import type { SendResult } from '../../core/adapter.js';

/** Errors retrying cannot fix: the person is gone, or Attune may not write to them. */
const PERMANENT = new Set([
  'user_not_found',
  'users_not_found',
  'account_inactive',
  'user_disabled',
  'cannot_dm_bot',
  'not_allowed_token_type',
  'invalid_auth',
  'not_authed',
  'missing_scope',
  'channel_not_found',
  'is_archived',
  'team_access_not_granted',
  'messages_tab_disabled',
]);

/** Turns a WebClient failure into a SendResult; only Slack's error code is kept (never a token or a body). */
export function toSendResult(err: unknown): Extract<SendResult, { ok: false }> {
  const e = err as { code?: string; data?: { error?: string }; retryAfter?: number };
  if (e.code === webApi.ErrorCode.RateLimitedError) return { ok: false, permanent: false, error: 'rate_limited', ...(e.retryAfter ? { retryAfterMs: e.retryAfter * 1000 } : {}) };
  if (e.code === webApi.ErrorCode.PlatformError) {
    const code = e.data?.error ?? 'unknown_error';
    return { ok: false, permanent: PERMANENT.has(code), error: code };
  }
  return { ok: false, permanent: false, error: e.code ?? 'request_failed' };
}

/** A short description for logs. */
export function errorCode(err: unknown): string {
  return toSendResult(err).error;
}

/**
 * A failed chat.postMessage as a SendResult. A request that failed on the way (timeout, reset) may have
 * posted: Slack has no idempotency key, so it is not retried (a missed message is better than a double
 * one), unless the connection was refused and nothing can have been sent.
 */
export function postSendResult(err: unknown): Extract<SendResult, { ok: false }> {
  const e = err as { code?: string; original?: { code?: string; cause?: { code?: string } } };
  if (e.code !== webApi.ErrorCode.RequestError) return toSendResult(err);
  const cause = e.original?.cause?.code ?? e.original?.code;
  if (cause === 'ECONNREFUSED') return { ok: false, permanent: false, error: 'connection_refused' };
  return { ok: false, permanent: true, error: 'request_failed_may_have_posted' };
}
