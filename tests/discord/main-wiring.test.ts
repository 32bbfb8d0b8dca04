import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { APP_ID, BOT_TOKEN, FakeDiscord } from './fake-discord.js';
import { ALICE, chatInput, sub } from './payloads.js';

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('npm start with DISCORD_TOKEN connects to Discord, answers /attune, reports healthy on /healthz, and stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
  const fake = await FakeDiscord.start();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'attune-main-'));
  const root = path.resolve(import.meta.dirname, '../..');
  const healthPort = await freePort();
  // As `npm start` runs it: tsx loaded into node itself, so SIGTERM reaches Attune and not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, DISCORD_TOKEN: BOT_TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, ATTUNE_DATA_DIR: dataDir, ATTUNE_HEALTH_PORT: String(healthPort), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  child.stderr.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
  try {
    await fake.waitForIdentify();
    expect(fake.identifies).toEqual([{ token: BOT_TOKEN, intents: 1 }]);
    const payload = chatInput(ALICE, [sub('help')]);
    fake.dispatch('INTERACTION_CREATE', payload);
    const [callback] = await fake.waitForCalls((c) => c.path.includes(payload.token) && c.path.endsWith('/callback'));
    expect(callback!.json).toMatchObject({ type: 4, data: { flags: 64, embeds: [{ title: 'Attune: grow emotional intelligence together' }] } });
    await fake.waitForCalls((c) => c.path.includes(payload.token), 2);
    const health = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    expect({ status: health.status, body: await health.json() }).toEqual({ status: 200, body: { ok: true, store: 'ok', adapters: { discord: 'connected' } } });
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(logs).toContain('discord adapter on');
    expect(logs).not.toContain(BOT_TOKEN);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
