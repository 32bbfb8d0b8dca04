import { expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { postSendResult, toSendResult } from '../../src/adapters/slack/slack-errors.js';

it('maps Slack errors to send results: gone people are permanent, rate limits carry the wait, the rest may be retried', () => {
  expect(toSendResult({ code: webApi.ErrorCode.PlatformError, data: { error: 'user_not_found' } })).toEqual({ ok: false, permanent: true, error: 'user_not_found' });
  expect(toSendResult({ code: webApi.ErrorCode.PlatformError, data: { error: 'internal_error' } })).toEqual({ ok: false, permanent: false, error: 'internal_error' });
  expect(toSendResult({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 30 })).toEqual({ ok: false, permanent: false, error: 'rate_limited', retryAfterMs: 30_000 });
  expect(toSendResult({ code: webApi.ErrorCode.RequestError })).toEqual({ ok: false, permanent: false, error: webApi.ErrorCode.RequestError });
  expect(toSendResult(new Error('socket hang up'))).toEqual({ ok: false, permanent: false, error: 'request_failed' });
});

it('does not retry a post whose request failed on the way (it may have posted), unless the connection was refused', () => {
  expect(postSendResult({ code: webApi.ErrorCode.RequestError, original: new Error('socket hang up') })).toEqual({ ok: false, permanent: true, error: 'request_failed_may_have_posted' });
  expect(postSendResult({ code: webApi.ErrorCode.RequestError, original: Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }) })).toEqual({ ok: false, permanent: false, error: 'connection_refused' });
  expect(postSendResult({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 2 })).toEqual({ ok: false, permanent: false, error: 'rate_limited', retryAfterMs: 2000 });
});
