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
