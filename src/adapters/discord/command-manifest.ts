import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from '../../core/command.js';
import type { Registry } from '../../core/registry.js';
import { clip, commandOptions, DISCORD_LIMITS } from './command-options.js';

/** The one root command, so Attune never collides with another app's commands. */
export const ROOT_COMMAND = 'attune';
export const ROOT_DESCRIPTION = 'Attune: reflections, check-ins, nudges, mentoring and team morale';
/**
 * A one-word command that is also the first word of two-word commands (`mentor` and `mentor request`)
 * cannot be both a subcommand and a group on Discord: it becomes `/attune mentor show`.
 */
export const GROUP_SELF = 'show';
/** Discord's cap on the characters of names, descriptions and choices in one command. */
const MAX_COMMAND_CHARS = 8000;

/**
 * Builds the `/attune` command from the registry: one subcommand per one-word command, one group per
 * first word of two-word commands. Throws on anything Discord would refuse, so a bad declaration
 * fails the tests rather than the deploy.
 */
export function buildCommandManifest(registry: Registry): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const commands = registry.list();
  const groups = new Map<string, Command[]>();
  const singles: Command[] = [];
  for (const c of commands) {
    const [first, second] = c.name.split(' ');
    if (second) groups.set(first!, [...(groups.get(first!) ?? []), c]);
    else singles.push(c);
  }
  const top: Array<APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption> = [];
  for (const c of singles) {
    if (!groups.has(c.name)) top.push(subcommand(c, c.name));
  }
  for (const [word, members] of groups) {
    const self = singles.find((c) => c.name === word);
    if (self && members.some((m) => m.name === `${word} ${GROUP_SELF}`)) throw new Error(`"${word}" and "${word} ${GROUP_SELF}" both exist; Discord cannot tell them apart`);
    const subs = [...(self ? [subcommand(self, GROUP_SELF)] : []), ...members.map((m) => subcommand(m, m.name.split(' ')[1]!))];
    if (subs.length > DISCORD_LIMITS.options) throw new Error(`The group "${word}" has ${subs.length} subcommands; Discord allows ${DISCORD_LIMITS.options}`);
    top.push({
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: checkName(word),
      description: clip(self?.description ?? `${word.charAt(0).toUpperCase()}${word.slice(1)}: ${subs.map((s) => s.name).join(', ')}`, DISCORD_LIMITS.description),
      options: subs,
    });
  }
  if (top.length > DISCORD_LIMITS.options) throw new Error(`/${ROOT_COMMAND} would have ${top.length} subcommands; Discord allows ${DISCORD_LIMITS.options}`);
  const manifest: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
    {
      type: ApplicationCommandType.ChatInput,
      name: ROOT_COMMAND,
      description: ROOT_DESCRIPTION,
      // People are addressed as discord:<guild>:<user>, so the command lives in servers only.
      contexts: [InteractionContextType.Guild],
      integration_types: [ApplicationIntegrationType.GuildInstall],
      options: top,
    },
  ];
  const size = countChars(manifest);
  if (size > MAX_COMMAND_CHARS) throw new Error(`/${ROOT_COMMAND} has ${size} characters of names and descriptions; Discord allows ${MAX_COMMAND_CHARS}`);
  return manifest;
}

function subcommand(command: Command, name: string): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: checkName(name),
    description: clip(command.description, DISCORD_LIMITS.description),
    options: commandOptions(command),
  };
}

function checkName(name: string): string {
  if (!/^[a-z0-9_-]{1,32}$/.test(name)) throw new Error(`"${name}" cannot be a Discord subcommand name (lowercase, 1-32 characters)`);
  return name;
}

/** Names, descriptions and choice names/values, which Discord counts against its per-command cap. */
function countChars(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countChars(v), 0);
  if (value && typeof value === 'object') {
    let n = 0;
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'name' || k === 'description') && typeof v === 'string') n += v.length;
      else if (k === 'value' && (typeof v === 'string' || typeof v === 'number')) n += String(v).length;
      else if (typeof v === 'object') n += countChars(v);
    }
    return n;
  }
  return 0;
}
