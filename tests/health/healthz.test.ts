import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/core/adapter.js';
import { checkHealth, startHealthServer } from '../../src/health/health.js';
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
