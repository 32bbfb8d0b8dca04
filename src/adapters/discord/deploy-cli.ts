import { commands } from '../../../commands/index.js';
import { ConfigError, loadConfig } from '../../config.js';
import { Registry } from '../../core/registry.js';
import { deployCommands } from './deploy-commands.js';
import { errorInfo } from './safe-error.js';

/** `npm run discord:deploy`: registers /attune globally, or in DISCORD_GUILD_ID's server for instant updates. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.discord?.appId) {
    process.stderr.write('Set DISCORD_TOKEN and DISCORD_APP_ID (and DISCORD_GUILD_ID to register in one server instantly). See docs/discord.md.\n');
    process.exit(1);
  }
  const { token, appId, guildId, apiUrl } = config.discord;
  const result = await deployCommands({ token, appId, ...(guildId ? { guildId } : {}), ...(apiUrl ? { apiUrl } : {}) }, new Registry(commands));
  process.stdout.write(
    result.scope === 'guild'
      ? `Registered /attune (${result.subcommands} subcommands and groups) in server ${guildId}; it is available now.\n`
      : `Registered /attune (${result.subcommands} subcommands and groups) globally; Discord can take up to an hour to show changes.\n`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`Deploying the Discord commands failed: ${JSON.stringify(errorInfo(err))}\n`);
  process.exit(1);
});
