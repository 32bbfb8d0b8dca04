import { REST, Routes } from 'discord.js';
import type { Registry } from '../../core/registry.js';
import { buildCommandManifest } from './command-manifest.js';

export interface DeployOptions {
  token: string;
  appId: string;
  /** Registers to this server only: instant, for development. Global otherwise (can take up to an hour). */
  guildId?: string;
  apiUrl?: string;
}

/** Overwrites the application's commands with the registry's `/attune`. */
export async function deployCommands(opts: DeployOptions, registry: Registry): Promise<{ route: string; scope: 'guild' | 'global'; subcommands: number }> {
  const body = buildCommandManifest(registry);
  const rest = new REST(opts.apiUrl ? { api: opts.apiUrl } : {}).setToken(opts.token);
  const route = opts.guildId ? Routes.applicationGuildCommands(opts.appId, opts.guildId) : Routes.applicationCommands(opts.appId);
  try {
    await rest.put(route, { body });
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
  return { route, scope: opts.guildId ? 'guild' : 'global', subcommands: body[0]?.options?.length ?? 0 };
}
