import { PassThrough } from 'node:stream';
import { DiscordAdapter, type DiscordAdapterOptions } from '../../src/adapters/discord/discord-adapter.js';
import { createLogger } from '../../src/logger.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { BOT_TOKEN, FakeDiscord, type Call } from './fake-discord.js';

export interface Harness {
  fake: FakeDiscord;
  app: TestApp;
  adapter: DiscordAdapter;
  /** Everything the adapter logged, as JSON lines. */
  logs(): string;
  /** Dispatches an interaction, waits until the adapter has fully handled it, and returns the REST calls carrying its token. */
  interact(payload: { id: string; token: string }): Promise<Call[]>;
  close(): Promise<void>;
}

/** A real app, a real discord.js client through the adapter, and the fake Discord it talks to. */
export async function startHarness(opts: { dispatcher?: (app: TestApp) => DiscordAdapterOptions['dispatcher']; deferAfterMs?: number } = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const app = await makeTestApp();
  const stream = new PassThrough();
  let logText = '';
  stream.on('data', (chunk: Buffer) => (logText += chunk.toString('utf8')));
  const log = createLogger('debug', stream);
  let forms = 0;
  const adapter = new DiscordAdapter({
    app: { ...app, log },
    dispatcher: opts.dispatcher ? opts.dispatcher(app) : app.dispatcher,
    token: BOT_TOKEN,
    apiUrl: fake.apiUrl,
    newToken: () => `form${++forms}`,
    ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}),
  });
  await adapter.start();
  return {
    fake,
    app,
    adapter,
    logs: () => logText,
    async interact(payload) {
      const mine = (c: Call) => c.path.includes(payload.token);
      fake.dispatch('INTERACTION_CREATE', payload);
      // The first call shows the adapter has the interaction in hand; idle() then covers its follow-ups.
      await fake.waitForCalls(mine);
      await adapter.idle();
      return fake.calls.filter(mine);
    },
    async close() {
      await adapter.stop();
      await fake.close();
      await app.cleanup();
    },
  };
}
