import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCommandManifest } from '../../src/adapters/discord/command-manifest.js';
import { deployCommands } from '../../src/adapters/discord/deploy-commands.js';
import { Registry } from '../../src/core/registry.js';
import { commands } from '../../commands/index.js';
import { APP_ID, BOT_TOKEN, FakeDiscord, GUILD_ID } from './fake-discord.js';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const registry = new Registry(commands);

describe('discord:deploy', () => {
  it('PUTs the registry\'s /attune globally when no server is given', async () => {
    fake = await FakeDiscord.start();
    const result = await deployCommands({ token: BOT_TOKEN, appId: APP_ID, apiUrl: fake.apiUrl }, registry);
    expect(result).toEqual({ route: `/applications/${APP_ID}/commands`, scope: 'global', subcommands: buildCommandManifest(registry)[0]!.options!.length });
    expect(fake.calls.map((c) => ({ method: c.method, path: c.path, authorization: c.authorization, json: c.json }))).toEqual([
      { method: 'PUT', path: `/applications/${APP_ID}/commands`, authorization: `Bot ${BOT_TOKEN}`, json: buildCommandManifest(registry) },
    ]);
  });

  it('runs as `npm run discord:deploy` and PUTs to DISCORD_GUILD_ID\'s server for instant updates', { timeout: 60_000 }, async () => {
    fake = await FakeDiscord.start();
    const root = path.resolve(import.meta.dirname, '../..');
    const { stdout } = await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['src/adapters/discord/deploy-cli.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, DISCORD_TOKEN: BOT_TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.apiUrl },
    });
    const manifest = buildCommandManifest(registry);
    expect(stdout).toBe(`Registered /attune (${manifest[0]!.options!.length} subcommands and groups) in server ${GUILD_ID}; it is available now.\n`);
    expect(fake.calls.map((c) => ({ method: c.method, path: c.path, json: c.json }))).toEqual([
      { method: 'PUT', path: `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`, json: manifest },
    ]);
  });
});
