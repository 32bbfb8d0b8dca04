import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import type { Adapter, SendResult } from '../src/core/adapter.js';
import type { Reply } from '../src/core/reply.js';

/**
 * A stand-in for the Slack adapter's send(), for the benchmark only: chat.postMessage to the person's
 * DM (channel = their user id) with @slack/web-api's WebClient. The client's own retries are off so
 * Attune's queue decides about 429s and 5xx (and a retry never happens behind its back).
 */
export class WebApiSlackAdapter implements Adapter {
  readonly platform = 'slack' as const;
  private readonly client: WebClient;

  constructor(apiUrl: string, token: string) {
    this.client = new WebClient(token, { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, maxRequestConcurrency: 1000 });
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async send(personId: string, reply: Reply): Promise<SendResult> {
    const user = personId.split(':')[2];
    if (!user) return { ok: false, permanent: true, error: `not a Slack address: ${personId}` };
    try {
      await this.client.chat.postMessage({ channel: user, text: reply.text });
      return { ok: true };
    } catch (err) {
      if (err instanceof WebAPIRateLimitedError) return { ok: false, permanent: false, error: 'ratelimited', retryAfterMs: err.retryAfter * 1000 };
      if (err instanceof WebAPIHTTPError) return { ok: false, permanent: err.statusCode < 500, error: `HTTP ${err.statusCode}` };
      if (err instanceof WebAPIPlatformError) return { ok: false, permanent: true, error: err.data.error };
      // A lost connection may have posted the message: retrying could send it twice.
      return { ok: false, permanent: true, error: err instanceof Error ? err.message : String(err) };
    }
  }
}
