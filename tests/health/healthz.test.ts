import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/core/adapter.js';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { checkHealth, healthHandler, startHealthServer } from '../../src/health/health.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { SIGNING_SECRET } from '../slack/slack-requests.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.cleanup().catch(() => undefined);
  app = undefined;
});

const adapter = (platform: 'slack' | 'discord', connected: boolean): Adapter => ({
  platform,
  start: async () => undefined,
  stop: async () => undefined,
  send: async () => ({ ok: true }),
  connected: () => connected,
});

describe('GET /healthz', () => {
  it('answers 200 when the store reads and every adapter is connected, 503 naming what is not', async () => {
    app = await makeTestApp();
    const adapters = [adapter('slack', true), adapter('discord', false)];
    const server = await startHealthServer(0, () => checkHealth(app!, adapters));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    try {
      const down = await fetch(url);
      expect({ status: down.status, body: await down.json() }).toEqual({ status: 503, body: { ok: false, store: 'ok', adapters: { slack: 'connected', discord: 'disconnected' } } });
      adapters[1] = adapter('discord', true);
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(url.replace('/healthz', '/other'))).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('reports the store unreachable once it is closed', async () => {
    app = await makeTestApp();
    await app.store.close();
    expect(await checkHealth(app, [])).toEqual({ ok: false, store: 'unreachable', adapters: {} });
  });
});

describe('GET /healthz in Slack HTTP mode', () => {
  it('is served on PORT next to /slack/events, and reports Slack connected', async () => {
    app = await makeTestApp();
    const fake = new FakeSlack();
    await fake.start();
    const adapters: Adapter[] = [];
    const slack = new SlackAdapter({
      app,
      slack: { botToken: 'xoxb-fake', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl },
      port: 0,
      healthRoute: healthHandler(() => checkHealth(app!, adapters)),
    });
    adapters.push(slack);
    await slack.start();
    try {
      const res = await fetch(`http://127.0.0.1:${slack.port}/healthz`);
      expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { ok: true, store: 'ok', adapters: { slack: 'connected' } } });
    } finally {
      await slack.stop();
      await fake.stop();
    }
  });
});
