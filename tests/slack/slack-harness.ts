import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import type { Logger } from '../../src/logger.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { FakeSlack } from './fake-slack.js';
import { SIGNING_SECRET } from './slack-requests.js';

export interface SlackHarness {
  app: TestApp;
  fake: FakeSlack;
  adapter: SlackAdapter;
  port: number;
  close(): Promise<void>;
}

/** A real Bolt app in HTTP mode on a free port, against a local fake Slack Web API. */
export async function startSlack(opts: { now?: string; log?: Logger } = {}): Promise<SlackHarness> {
  const app = await makeTestApp(opts.now ? { now: opts.now } : {});
  const fake = new FakeSlack();
  await fake.start();
  const adapter = new SlackAdapter({
    app: opts.log ? { ...app, log: opts.log } : app,
    slack: { botToken: 'xoxb-fake', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl },
    port: 0,
    // Few, fast retries: a 429's Retry-After is still honoured.
    clientOptions: { retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 } },
  });
  await adapter.start();
  return {
    app,
    fake,
    adapter,
    port: adapter.port!,
    async close() {
      await adapter.stop();
      await fake.stop();
      await app.cleanup();
    },
  };
}
