import { ApplicationCommandOptionType } from 'discord.js';
import type { Registry } from '../../core/registry.js';
import { GROUP_SELF } from './command-manifest.js';
import { optionName } from './command-options.js';

/** An option as Discord sends it in a chat input interaction (and discord.js keeps in `options.data`). */
export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean | null;
  options?: readonly RawOption[] | null;
}

/**
 * Turns `/attune <group> <subcommand> <options>` back into a registry command and its options keyed by
 * the zod field names. A command the registry no longer has keeps its name, so dispatch can say so.
 */
export function commandFromOptions(registry: Registry, data: readonly RawOption[]): { command: string; options: Record<string, unknown> } {
  const first = data[0];
  if (!first) return { command: 'help', options: {} };
  let name = first.name;
  let leaves = first.options ?? [];
  if (first.type === ApplicationCommandOptionType.SubcommandGroup) {
    const sub = first.options?.[0];
    const two = `${first.name} ${sub?.name ?? ''}`;
    name = sub?.name === GROUP_SELF && !registry.get(two) ? first.name : two;
    leaves = sub?.options ?? [];
  }
  const command = registry.get(name);
  if (!command) return { command: name, options: {} };
  const options: Record<string, unknown> = {};
  for (const field of Object.keys(command.args.shape)) {
    const raw = leaves.find((o) => o.name === optionName(field));
    if (raw && raw.value !== undefined && raw.value !== null) options[field] = raw.value;
  }
  return { command: command.name, options };
}
