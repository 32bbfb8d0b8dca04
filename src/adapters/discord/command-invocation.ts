import { ApplicationCommandOptionType } from 'discord.js';
import { personFieldKind, type PersonMention } from '../../core/person-arg.js';
import type { Registry } from '../../core/registry.js';
import { GROUP_SELF } from './command-manifest.js';
import { optionName, personOptionNames } from './command-options.js';

/** An option as Discord sends it in a chat input interaction (and discord.js keeps in `options.data`). */
export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean | null;
  options?: readonly RawOption[] | null;
  /** A USER option's user and, in a server, their member record (discord.js fills these from `resolved`). */
  user?: { id: string; username: string; globalName?: string | null } | null;
  member?: unknown;
}

/**
 * Turns `/attune <group> <subcommand> <options>` back into a registry command and its options keyed by
 * the zod field names; a picked user becomes a person of this workspace (`discord:<guild>:<user>`).
 * A command the registry no longer has keeps its name, so dispatch can say so.
 */
export function commandFromOptions(registry: Registry, data: readonly RawOption[], workspace: string): { command: string; options: Record<string, unknown> } {
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
    const kind = personFieldKind(command.args.shape[field]);
    if (kind) {
      const people = personOptionNames(field, kind).flatMap((n) => {
        const raw = leaves.find((o) => o.name === n && o.type === ApplicationCommandOptionType.User);
        return raw ? [mentionOf(raw, workspace)] : [];
      });
      if (people.length) options[field] = kind === 'one' ? people[0] : people;
      continue;
    }
    const raw = leaves.find((o) => o.name === optionName(field));
    if (raw && raw.value !== undefined && raw.value !== null) options[field] = raw.value;
  }
  return { command: command.name, options };
}

function mentionOf(raw: RawOption, workspace: string): PersonMention {
  const id = String(raw.user?.id ?? raw.value);
  // A GuildMember (cached) has `nickname`; the raw member Discord resolves has `nick`.
  const member = raw.member as { nick?: string | null; nickname?: string | null } | null | undefined;
  const name = member?.nickname ?? member?.nick ?? raw.user?.globalName ?? raw.user?.username;
  return { kind: 'person', id: `${workspace}:${id}`, ...(name ? { name: name.slice(0, 200) } : {}) };
}
